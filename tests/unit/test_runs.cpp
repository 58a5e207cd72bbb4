// The PDF reader (runs_reader): pdf.js text runs -> a pdftotext -layout-like rendition. The
// payload format and its errors, line grouping, columns, pages, the table repairs (numbers
// between the lines of a label, wrapped cells), running text, the fixture PDF's tables, and
// hostile inputs of 100,000 items.
#include <doctest/doctest.h>

#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "helpers.hpp"
#include "nianbao/options.hpp"
#include "read/runs_reader.hpp"

namespace {

struct Run {
  double x, y, w, h;
  std::string text;
};
using Page = std::vector<Run>;

std::string num(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

/// A payload of A4 pages.
std::string payload(const std::vector<Page>& pages) {
  std::string s = "nianbao-runs/1\n";
  int n = 0;
  for (const Page& p : pages) {
    s += "page " + std::to_string(++n) + " 595.92 842.88\n";
    for (const Run& r : p) s += num(r.x) + " " + num(r.y) + " " + num(r.w) + " " + num(r.h) + "\t" + r.text + "\n";
  }
  return s;
}

std::string layout(const std::string& runs, nianbao::Limits limits = {}) {
  nianbao::Error e{};
  const auto out = nianbao::runs_to_text(runs, limits, &e);
  REQUIRE_MESSAGE(out.has_value(), "runs_to_text failed: " << e.message << " at " << e.position);
  return *out;
}

nianbao::Error layout_error(const std::string& runs, nianbao::Limits limits = {}) {
  nianbao::Error e{};
  const auto out = nianbao::runs_to_text(runs, limits, &e);
  REQUIRE_MESSAGE(!out.has_value(), "expected an error, got: " << *out);
  return e;
}

/// A line split like the text reader splits layout rows: at runs of two or more spaces.
std::vector<std::string> chunks(const std::string& line) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && line[i] == ' ') ++i;
    if (i >= line.size()) break;
    std::size_t j = i;
    while (j < line.size() && !(line[j] == ' ' && j + 1 < line.size() && line[j + 1] == ' ')) ++j;
    std::size_t e = j;
    while (e > i && line[e - 1] == ' ') --e;
    out.push_back(line.substr(i, e - i));
    i = j;
  }
  return out;
}

std::vector<std::string> lines_of(const std::string& text, bool keep_empty = false) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t j = text.find('\n', i);
    if (j == std::string::npos) j = text.size();
    if (keep_empty || j > i) out.push_back(text.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

using V = std::vector<std::string>;

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

/// A T2-like table, 12 pt: label column at x 59.25, value columns at 146.26, 305.27, 380.29.
Page t2_rows() {
  return {
      {59.25, 467.88, 48, 12, "信息内容"}, {146.26, 467.88, 72, 12, "本年制发件数"}, {305.27, 467.88, 72, 12, "本年废止件数"},
      {380.29, 467.88, 72, 12, "现行有效件数"},
      {59.25, 446.88, 24, 12, "规章"}, {146.26, 446.88, 6.66, 12, "0"}, {305.27, 446.88, 6.66, 12, "0"},
      {380.29, 446.88, 6.66, 12, "0"},
      // pdf.js merged the label and the first value (a gap of 0.25 em) into one item.
      {59.25, 425.88, 93.67, 12, "行政规范性文件 3"}, {305.27, 425.88, 6.66, 12, "1"}, {380.29, 425.88, 13.33, 12, "22"},
  };
}

}  // namespace

// ---- the payload ---------------------------------------------------------------------------

TEST_CASE("runs: the header line is sniffed; format pdf in options and in the result") {
  CHECK(nianbao::is_pdf_runs("nianbao-runs/1\npage 1 595 842\n"));
  CHECK(nianbao::is_pdf_runs("\xEF\xBB\xBFnianbao-runs/1\r\npage 1 595 842\r\n"));
  CHECK(nianbao::is_pdf_runs("nianbao-runs/1"));
  CHECK_FALSE(nianbao::is_pdf_runs("nianbao-runs/10\n"));
  CHECK_FALSE(nianbao::is_pdf_runs("nianbao-runs/"));
  CHECK_FALSE(nianbao::is_pdf_runs("一、总体情况\nnianbao-runs/1\n"));
  CHECK(nianbao::options_from_json(R"({"format":"pdf"})").format == "pdf");
  CHECK(nianbao::error_code_name(nianbao::ErrorCode::bad_runs) == "bad_runs");

  const std::string runs = payload({{{57, 700, 72, 12, "一、总体情况"}}, {{57, 700, 108, 12, "二、主动公开情况"}}});
  const auto r = testing::check_ok(runs);  // options.format "auto"
  CHECK(r.input.format == "pdf");
  REQUIRE(r.input.text);
  CHECK(*r.input.text == "一、总体情况\n\f二、主动公开情况\n");
  // Spans point into the rendition.
  REQUIRE(!r.sections.empty());
  CHECK(testing::at(*r.input.text, r.sections[0].span).find("总体情况") != std::string::npos);
  // Read as text it is just text (the payload's own lines).
  nianbao::Options text;
  text.format = "text";
  auto out = testing::checker().check(runs, text);
  REQUIRE(std::holds_alternative<nianbao::Report>(out));
  CHECK(std::get<nianbao::Report>(out).input.format == "text");
}

TEST_CASE("runs: CRLF, a BOM, JavaScript number forms and empty lines are accepted") {
  const std::string runs =
      "\xEF\xBB\xBFnianbao-runs/1\r\n\r\npage 1 595.92 842.88\r\n5.7e1 7e+2 1.2e1 12\t甲\r\n69 700.0000001 12 12\t乙\r\n"
      "-0 0 0 12\t \r\n";
  CHECK(layout(runs) == "甲乙\n");
  CHECK(layout("nianbao-runs/1\n") == "");
  CHECK(layout("nianbao-runs/1\npage 1 595 842\n") == "");
}

TEST_CASE("runs: malformed payloads are bad_runs errors at the offending line") {
  const std::string head = "nianbao-runs/1\npage 1 595 842\n";
  struct Case {
    std::string runs;
    std::size_t position;
    const char* says;
  };
  const std::vector<Case> cases = {
      {"", 0, "第一行"},
      {"nianbao-runs/2\npage 1 595 842\n", 0, "第一行"},
      {"一、总体情况\n", 0, "第一行"},
      {"nianbao-runs/1\n57 700 12 12\t甲\n", 15, "之前"},
      {head + "57 700 12\t甲\n", head.size(), "四个数"},
      {head + "57 700 12 12 甲\n", head.size(), "四个数"},
      {head + "57 700 abc 12\t甲\n", head.size(), "四个数"},
      {head + "NaN 700 12 12\t甲\n", head.size(), "四个数"},
      {head + "57 Infinity 12 12\t甲\n", head.size(), "四个数"},
      {head + "57 1e400 12 12\t甲\n", head.size(), "四个数"},
      {head + "57 700 12 1e\t甲\n", head.size(), "四个数"},
      {head + "57  700 12 12\t甲\n", head.size(), "四个数"},
      {head + "57 700 12 12 0\t甲\n", head.size(), "四个数"},
      {head + "57 700 12 12\t甲\t乙\n", head.size() + 16, "制表符"},
      {"nianbao-runs/1\npage 0 595 842\n", 15, "页码"},
      {"nianbao-runs/1\npage 1.5 595 842\n", 15, "页码"},
      {"nianbao-runs/1\npage 1 -595 842\n", 15, "页码"},
      {"nianbao-runs/1\npage 1 595\n", 15, "页码"},
      {"nianbao-runs/1\npage 2 595 842\npage 2 595 842\n", 30, "递增"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.runs);
    const nianbao::Error e = layout_error(c.runs);
    CHECK(e.code == nianbao::ErrorCode::bad_runs);
    CHECK(e.position == c.position);
    CHECK(e.message.find(c.says) != std::string::npos);
  }
  // Through the checker, with format "pdf" forced: the same error.
  nianbao::Options pdf;
  pdf.format = "pdf";
  auto out = testing::checker().check("一、总体情况\n", pdf);
  REQUIRE(std::holds_alternative<nianbao::Error>(out));
  CHECK(std::get<nianbao::Error>(out).code == nianbao::ErrorCode::bad_runs);
  // A PDF without text (a scan): empty_input, saying so.
  out = testing::checker().check("nianbao-runs/1\npage 1 595 842\npage 2 595 842\n", {});
  REQUIRE(std::holds_alternative<nianbao::Error>(out));
  CHECK(std::get<nianbao::Error>(out).code == nianbao::ErrorCode::empty_input);
  CHECK(std::get<nianbao::Error>(out).message.find("扫描件") != std::string::npos);
  // A PDF file itself is not text: a clear error, whatever the format.
  out = testing::checker().check(std::string("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n", 22), {});
  REQUIRE(std::holds_alternative<nianbao::Error>(out));
  CHECK(std::get<nianbao::Error>(out).code == nianbao::ErrorCode::not_text);
  CHECK(std::get<nianbao::Error>(out).message.find("PDF") != std::string::npos);
}

// ---- lines, words, columns, pages ----------------------------------------------------------

TEST_CASE("runs: items group into lines by baseline and are ordered by x") {
  // Given in no particular order; a superscript 0.25 em up is on its line; 1.5 em down is the
  // next line; 2.5 em down leaves an empty line.
  const std::string out = layout(payload({{
      {200, 700, 24, 12, "丙丁"},
      {57, 700, 24, 12, "甲乙"},
      {57, 670, 48, 12, "第二行字"},
      {81, 700.5, 24, 12, "戊己"},  // glued to 甲乙 (no gap)
      {230, 703, 6, 6, "1"},        // superscript after 丙丁
      {57, 652, 36, 12, "第三行"},
  }}));
  // The grid: half of the usual font height (6 pt) per column, from the leftmost text; 丙丁 at
  // x 200 is column 24, after the 8 columns of 甲乙戊己.
  CHECK(out == "甲乙戊己" + std::string(16, ' ') + "丙丁 1\n\n第二行字\n第三行\n");
}

TEST_CASE("runs: pieces of one word are joined; radicals read as ideographs; off-page text dropped") {
  // Chromium's CJK fonts name some glyphs by their radicals, and pdf.js splits the run there.
  const std::string out = layout(payload({{
      {57, 700, 51.96, 12, "2022年12"}, {108.96, 700, 12, 12, "⽉"}, {120.96, 700, 13.32, 12, "31"},
      {134.28, 700, 12, 12, "⽇"}, {146.28, 700, 24, 12, "⼈⺠"}, {170.28, 700, 12, 12, "⻚"},
      {-500, 650, 40, 12, "左边外"}, {57, 2000, 40, 12, "上边外"}, {700, 650, 40, 12, "右边外"},
      {57, 650, 24, 12, "本页"},
  }}));
  CHECK(out == "2022年12月31日人民页\n\n本页\n");
}

TEST_CASE("runs: column gaps become two or more spaces, word gaps one, touching glyphs none") {
  const std::string out = layout(payload({{
      {57, 700, 24, 12, "甲乙"}, {84, 700, 24, 12, "丙丁"},     // 0.25 em: one space
      {120, 700, 24, 12, "戊己"},                              // 1 em: a column gap
      {144.5, 700, 24, 12, "庚辛"},                            // 0.04 em: touching
      // Letter-spaced CJK as pdf.js writes it (gaps of 0.2 em inside one item): no spaces.
      {57, 670, 69.6, 12, "年 度 报 告 书"},
      {57, 640, 30, 12, "ICP备"}, {90, 640, 40, 12, "0000号"},  // a word gap by a Latin word stays
  }}));
  const auto ls = lines_of(out);
  REQUIRE(ls.size() == 3);
  CHECK(chunks(ls[0]) == V{"甲乙 丙丁", "戊己庚辛"});
  CHECK(ls[1] == "年度报告书");
  CHECK(ls[2] == "ICP备 0000号");
}

TEST_CASE("runs: a piece pdf.js merged into its neighbour's item is split where it lines up with a column") {
  const std::vector<std::string> ls = lines_of(layout(payload({t2_rows()})));
  REQUIRE(ls.size() == 3);
  CHECK(chunks(ls[0]) == V{"信息内容", "本年制发件数", "本年废止件数", "现行有效件数"});
  CHECK(chunks(ls[1]) == V{"规章", "0", "0", "0"});
  CHECK(chunks(ls[2]) == V{"行政规范性文件", "3", "1", "22"});
  // The same item with nothing lined up under it keeps its single space (a word gap).
  const std::string alone = layout(payload({{{59.25, 425.88, 93.67, 12, "行政规范性文件 3"}}}));
  CHECK(alone == "行政规范性文件 3\n");
}

TEST_CASE("runs: pages are separated by a form feed; an empty page adds nothing") {
  const std::string out = layout(payload({{{57, 700, 24, 12, "第一"}}, {}, {{57, 700, 24, 12, "第三"}}}));
  CHECK(out == "第一\n\f第三\n");
}

TEST_CASE("runs: the grid and the rendition stay bounded") {
  // A tiny font far to the right: padding is capped at kMaxColumn columns.
  const std::string out = layout(payload({{{57, 700, 1, 0.1, "甲"}, {590, 700, 1, 0.1, "乙"}}}));
  CHECK(out.size() <= nianbao::runs_limits::kMaxColumn + 16);
  CHECK(chunks(lines_of(out).at(0)) == V{"甲", "乙"});
  // The rendition may not exceed the input limit.
  nianbao::Limits small;
  small.max_input_bytes = 200;
  Page many;
  for (int i = 0; i < 6; ++i) many.push_back({57, 700.0 - 30 * i, 12, 12, "甲"});
  const std::string runs = payload({many});
  REQUIRE(runs.size() < 220);
  small.max_input_bytes = 220;
  CHECK(layout(runs, small).size() < 220);
  Page wide = {{57, 700, 12, 12, "甲"}, {590, 700, 12, 12, "乙"}, {57, 650, 12, 12, "丙"}, {590, 650, 12, 12, "丁"}};
  const std::string wide_runs = payload({wide});
  small.max_input_bytes = wide_runs.size();
  const nianbao::Error e = layout_error(wide_runs, small);
  CHECK(e.code == nianbao::ErrorCode::too_large);
  small.max_input_bytes = 10;
  CHECK(layout_error(wide_runs, small).code == nianbao::ErrorCode::too_large);
}

// ---- table repairs -------------------------------------------------------------------------

TEST_CASE("runs: numbers centred between the two lines of their label join the lower line, and the label is joined") {
  // 12 pt, lines of a cell 18 pt apart; the numbers sit halfway (a middle-aligned row).
  const std::string out = layout(payload({{
      {113.5, 661.38, 192, 12, "（二）部分公开（区分处理的，只计"},
      {313.59, 652.38, 13.33, 12, "20"}, {342.7, 652.38, 6.66, 12, "1"}, {489.81, 652.38, 13.33, 12, "21"},
      {113.5, 643.38, 144, 12, "这一情形，不计其他情形）"},
      {113.5, 620.88, 84, 12, "1.属于国家秘密"}, {313.59, 620.88, 6.66, 12, "1"}, {342.7, 620.88, 6.66, 12, "0"},
      {489.81, 620.88, 6.66, 12, "1"},
      // A later paragraph at the same pitch: the document's line spacing is 18 pt.
      {57, 500, 480, 12, "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十"},
      {57, 482, 480, 12, "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十"},
      {57, 464, 480, 12, "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十"},
      {57, 446, 120, 12, "一二三四五六七八九十"},
  }}));
  const auto ls = lines_of(out);
  REQUIRE(ls.size() >= 2);
  CHECK(chunks(ls[0]) == V{"（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "20", "1", "21"});
  CHECK(chunks(ls[1]) == V{"1.属于国家秘密", "1", "0", "1"});
}

TEST_CASE("runs: numbers set a little below their label join its row; a merged cell's label stays off the row") {
  // 10 pt, rows 30 pt apart; each cell's text is centred, so the numbers (a Latin font) sit
  // 3.1 pt (0.31 of a height) below their CJK label. The merged cell's label "（三）不"/"予公开"
  // is printed in the middle of its rows, 2 pt below the numbers of row 4 (nearer to them than
  // their own label is), and a vertical label's glyph 3.5 pt above row 6's label.
  Page p;
  const char* labels[] = {"4.保护第三方合法权益", "5.属于三类内部事务信息", "6.属于四类过程性信息"};
  for (int r = 0; r < 3; ++r) {
    const double y = 600 - 30 * r;
    p.push_back({180, y, 100, 10, labels[r]});
    for (int c = 0; c < 3; ++c) p.push_back({320 + 40.0 * c, y - 3.1, 5, 10, std::to_string(r + c)});
  }
  p.push_back({120, 591.8, 40, 10, "（三）不"});
  p.push_back({120, 576.8, 30, 10, "予公开"});
  p.push_back({80, 543.5, 10, 10, "果"});
  const auto ls = lines_of(layout(payload({p})));
  REQUIRE(ls.size() == 6);
  CHECK(chunks(ls[0]) == V{"4.保护第三方合法权益", "0", "1", "2"});
  CHECK(chunks(ls[1]) == V{"（三）不"});
  CHECK(chunks(ls[2]) == V{"予公开"});
  CHECK(chunks(ls[3]) == V{"5.属于三类内部事务信息", "1", "2", "3"});
  CHECK(chunks(ls[4]) == V{"果"});
  CHECK(chunks(ls[5]) == V{"6.属于四类过程性信息", "2", "3", "4"});
}

TEST_CASE("runs: a table in a smaller font keeps its own line spacing for wrapped labels") {
  // Body text 12 pt at 1.5 heights (18 pt); the table 8 pt, its label column full (8 pt glyphs,
  // 152 pt wide, numbers from x 258), its cells' lines 16 pt apart (2.0 heights, wider than the
  // body's 1.65 allowance): each wrapped label is still one cell, on the line of its numbers (set
  // between its lines, 2.5 pt below the middle).
  Page p;
  for (int i = 0; i < 6; ++i)
    p.push_back({57, 780.0 - 18 * i, 480, 12, "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十"});
  const char* first[] = {"（二）部分公开（区分处理的，只计这一情", "5.要求行政机关确认或重新出", "1、申请人无正当理由逾期不补"};
  const char* second[] = {"形，不计其他情形）", "具已获取信息", "正、行政机关不再处理"};
  for (int r = 0; r < 3; ++r) {
    const double y = 600 - 40 * r;
    p.push_back({100, y, 152, 8, first[r]});
    p.push_back({100, y - 16, 72, 8, second[r]});
    for (int c = 0; c < 3; ++c) p.push_back({258 + 30.0 * c, y - 10.5, 4, 8, std::to_string(r + c)});
  }
  const auto ls = lines_of(layout(payload({p})));
  REQUIRE(ls.size() == 4);  // the body is one paragraph
  CHECK(chunks(ls[1]) == V{"（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "0", "1", "2"});
  CHECK(chunks(ls[2]) == V{"5.要求行政机关确认或重新出具已获取信息", "1", "2", "3"});
  CHECK(chunks(ls[3]) == V{"1、申请人无正当理由逾期不补正、行政机关不再处理", "2", "3", "4"});
}

TEST_CASE("runs: a label wrapped in a narrow column is one cell; the next row's label is not taken in") {
  // Label column 167.87..313.59; lines of a cell 18 pt apart, rows 22.5 pt apart.
  const std::string out = layout(payload({{
      {167.87, 700, 132, 12, "1.申请人无正当理由逾期"},
      {167.87, 682, 132, 12, "不补正、行政机关不再处"}, {313.59, 682, 6.66, 12, "1"}, {489.81, 682, 6.66, 12, "1"},
      {167.87, 664, 120, 12, "理其政府信息公开申请"},
      {167.87, 641.5, 132, 12, "2.申请人逾期未按收费通"}, {313.59, 641.5, 6.66, 12, "0"}, {489.81, 641.5, 6.66, 12, "0"},
      {167.87, 623.5, 132, 12, "知要求缴纳费用、行政机"},
      {167.87, 605.5, 132, 12, "关不再处理其政府信息公"},
      {167.87, 587.5, 36, 12, "开申请"},
      {167.87, 565, 36, 12, "3.其他"}, {313.59, 565, 6.66, 12, "4"}, {489.81, 565, 6.66, 12, "4"},
      {57, 500, 480, 12, "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十"},
      {57, 482, 480, 12, "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十"},
      {57, 464, 120, 12, "一二三四五六七八九十"},
  }}));
  const auto ls = lines_of(out);
  REQUIRE(ls.size() >= 3);
  CHECK(chunks(ls[0]) == V{"1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "1", "1"});
  CHECK(chunks(ls[1]) == V{"2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "0", "0"});
  CHECK(chunks(ls[2]) == V{"3.其他", "4", "4"});
}

TEST_CASE("runs: running text wrapped at the right edge is one paragraph; headings and indented paragraphs are not joined") {
  const std::string full = "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十";
  const std::string out = layout(payload({{
      {57, 700, 84, 12, "一、总体情况"},
      {81, 682, 456, 12, full.substr(0, full.size() - 6)},  // first line indented 2 em
      {57, 664, 480, 12, full},
      {57, 646, 60, 12, "最后五个字"},
      {81, 628, 456, 12, full.substr(0, full.size() - 6)},  // a new paragraph: indented again
      {57, 610, 36, 12, "结束。"},
      {57, 592, 480, 12, full},
      {57, 574, 120, 12, "二、主动公开政府信息"},  // a heading right after a full line
  }}));
  const auto ls = lines_of(out);
  REQUIRE(ls.size() == 5);
  CHECK(ls[0] == "一、总体情况");
  CHECK(ls[1].find(full.substr(0, full.size() - 6) + full + "最后五个字") != std::string::npos);
  CHECK(ls[2].find(full.substr(0, full.size() - 6) + "结束。") != std::string::npos);
  CHECK(ls[3] == full);
  CHECK(ls[4] == "二、主动公开政府信息");
}

// ---- the fixture ---------------------------------------------------------------------------

TEST_CASE("runs: a number ending a wrapped line in its own item stays in the running text") {
  // "…洪泽湖大道 90" is one pdf.js item wrapped at the right edge (the glyphs narrower than
  // estimated, so the estimated gap before "90" is wide); the next line goes on "号，邮编…".
  const std::string out = layout(payload({{
      {81, 700, 456, 12, "本报告由某某区人民政府办公室根据条例编制。如对本报告有疑问"},
      {57, 682, 480, 12, "请与区人民政府办公室联系（地址：某某区某某湖大道 90"},
      {57, 664, 200, 12, "号，邮编：223100）。"},
      {81, 646, 96, 12, "一、总体情况"},
  }}));
  const auto ls = lines_of(out);
  REQUIRE(ls.size() == 2);
  CHECK(ls[0].find("有疑问请与区人民政府办公室联系（地址：某某区某某湖大道 90号，邮编：223100）。") != std::string::npos);
  CHECK(ls[1].find("一、总体情况") != std::string::npos);
}

TEST_CASE("runs: the fixture PDF (Chromium's print of r2021-ok/page.html) reads back the 2021 tables") {
  const std::string runs = testing::read_fixture("pdf/r2021-ok.runs");
  const auto t0 = std::chrono::steady_clock::now();
  const std::string text = layout(runs);
  MESSAGE("r2021-ok.runs: " << runs.size() << " bytes -> " << text.size() << " bytes in " << seconds_since(t0) * 1000 << " ms");
  testing::expect_consistent_2021_tables(text);
  const auto r = testing::check_ok(runs);
  CHECK(r.input.format == "pdf");
  REQUIRE(r.input.text);
  CHECK(*r.input.text == text);
  CHECK(r.meta.format == nianbao::Format::f2021);
  CHECK(r.meta.year == 2022);
  CHECK(r.meta.agency == "示例市交通运输局");
  CHECK(testing::table_findings(r).empty());
  for (const auto& t : r.tables)
    for (const auto& c : t.cells) CHECK(testing::at(text, c.span) == c.raw);
}

// ---- hostile input ---------------------------------------------------------------------------

TEST_CASE("runs: 100,000 items finish fast whatever their arrangement") {
  constexpr int kItems = 100000;
  struct Shape {
    std::string name;
    std::string runs;
  };
  std::vector<Shape> shapes;
  auto make = [](auto&& item) {
    std::string s = "nianbao-runs/1\npage 1 595.92 842.88\n";
    s.reserve(kItems * 24);
    for (int i = 0; i < kItems; ++i) s += item(i);
    return s;
  };
  shapes.push_back({"one line", make([](int i) { return num(57 + i * 0.005) + " 700 6.66 12\t" + std::to_string(i % 10) + "\n"; })});
  std::string each = "nianbao-runs/1\n";
  for (int i = 0; i < kItems; ++i) {
    if (i % 40 == 0) each += "page " + std::to_string(i / 40 + 1) + " 595.92 842.88\n";
    each += "57 " + num(800 - (i % 40) * 18) + " 480 12\t一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十\n";
  }
  shapes.push_back({"one line each (2,500 pages of running text)", each});
  shapes.push_back({"one spot", make([](int) { return std::string("57 700 24 12\t甲乙\n"); })});
  shapes.push_back({"a grid of numbers", make([](int i) {
                      return num(57 + (i % 50) * 10) + " " + num(800 - (i / 50) * 0.39) + " 6.66 12\t" + std::to_string(i % 7) + "\n";
                    })});
  shapes.push_back({"stacked full labels", make([](int i) {
                      return i % 2 ? num(300) + " " + num(800 - (i / 2) * 0.016) + " 6.66 12\t1\n"
                                   : "57 " + num(800 - (i / 2) * 0.016) + " 228 12\t一二三四五六七八九十一二三四五六七八九\n";
                    })});
  std::uint32_t seed = 12345;
  std::string random = "nianbao-runs/1\n";
  for (int page = 1; page <= 10; ++page) {
    random += "page " + std::to_string(page) + " 595.92 842.88\n";
    for (int i = 0; i < kItems / 10; ++i) {
      seed = seed * 1664525u + 1013904223u;
      const double x = (seed >> 8) % 600, y = (seed >> 4) % 850, h = 4 + (seed % 17);
      random += num(x) + " " + num(y) + " " + num(h * 2) + " " + num(h) + "\t" + (seed % 3 ? "甲乙" : seed % 2 ? "12 3" : "一、二") + "\n";
    }
  }
  shapes.push_back({"random", random});
  for (const Shape& s : shapes) {
    CAPTURE(s.name);
    const auto t0 = std::chrono::steady_clock::now();
    nianbao::Error e{};
    const auto out = nianbao::runs_to_text(s.runs, {}, &e);
    const double secs = seconds_since(t0);
    MESSAGE(s.name << ": " << s.runs.size() << " bytes -> " << (out ? out->size() : 0) << " bytes in " << secs * 1000 << " ms");
    REQUIRE(out.has_value());
    CHECK(out->size() <= s.runs.size() * 8);
    CHECK(secs < 3.0);
  }
}
