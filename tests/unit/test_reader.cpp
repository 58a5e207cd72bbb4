#include <doctest/doctest.h>

#include "helpers.hpp"
#include "read/normalize.hpp"
#include "read/reader.hpp"

using nianbao::Block;

namespace {
nianbao::Document read(const std::string& in, nianbao::NormalizedText& keep) {
  nianbao::Error e{};
  static auto n = nianbao::Normalizer::create(&e);
  REQUIRE(n);
  keep = n->normalize(in);
  return nianbao::read_text(keep);
}
std::size_t count(const nianbao::Document& d, Block::Kind k) {
  std::size_t n = 0;
  for (const auto& b : d.blocks) n += b.kind == k;
  return n;
}
}  // namespace

TEST_CASE("row-per-line pipe tables: one row per line, padding dropped, blanks inside kept") {
  const std::string in = "前言\n" + testing::pipe_row({"统 计 指 标", "单位", "统计数"}) +
                         testing::pipe_row({"五、行政诉讼数量", "件", "9"}) + "a |  | 3 | |||\n后记\n";
  nianbao::NormalizedText nt;
  const auto doc = read(in, nt);
  REQUIRE(doc.blocks.size() == 3);
  CHECK(count(doc, Block::Kind::paragraph) == 2);
  const auto& t = doc.blocks[1].table;
  REQUIRE(t.rows.size() == 3);
  CHECK(t.rows[0].cells.size() == 3);
  REQUIRE(t.rows[1].cells.size() == 3);
  const auto& nine = t.rows[1].cells[2];
  CHECK(nine.text == "9");
  CHECK(in.substr(nine.span.start, nine.span.end - nine.span.start) == "9");
  CHECK(nine.span.line == 3);
  REQUIRE(t.rows[2].cells.size() == 3);
  CHECK(t.rows[2].cells[1].text.empty());  // a blank cell between two filled ones is kept
}

TEST_CASE("cell-per-line pipe tables: cells gather until a line of pipes") {
  const std::string in = "二、主动公开政府信息情况\n第二十条第(一)项 |\n||||||\n信息内容 |\n本年新 制作数量 |\n"
                         "本年新 公开数量 |\n对外公开总数量 |\n|||\n规章 |\n0 |\n0 |\n0 |\n|||\n"
                         "规范性文件 |\n1 |\n1 |\n1 |\n三、收到和处理政府信息公开申请情况\n";
  nianbao::NormalizedText nt;
  const auto doc = read(in, nt);
  REQUIRE(doc.blocks.size() == 3);
  const auto& t = doc.blocks[1].table;
  REQUIRE(t.rows.size() == 4);
  CHECK(t.rows[0].cells.size() == 1);
  CHECK(t.rows[1].cells.size() == 4);
  CHECK(t.rows[1].cells[1].text == "本年新 制作数量");
  CHECK(t.rows[3].cells.size() == 4);  // the last row is closed by the end of the table
  CHECK(t.rows[3].cells[0].text == "规范性文件");
}

TEST_CASE("space-aligned tables take back their header lines, but not the report's title above them") {
  const std::string title = "示例市交通运输局2022年政府信息公开工作年度报告";
  for (const std::string header : {std::string(), std::string("信息内容    本年制发件数    本年废止件数    现行有效件数\n")}) {
    CAPTURE(header);
    const std::string in = title + "\n" + header + "规章    0    0    0\n行政规范性文件    3    1    22\n";
    nianbao::NormalizedText nt;
    const auto doc = read(in, nt);
    REQUIRE(doc.blocks.size() == 2);
    REQUIRE(doc.blocks[0].kind == Block::Kind::paragraph);
    CHECK(doc.blocks[0].paragraph.text == title);
    REQUIRE(doc.blocks[1].kind == Block::Kind::table);
    const auto& rows = doc.blocks[1].table.rows;
    REQUIRE(rows.size() == (header.empty() ? 2u : 3u));
    CHECK(rows.front().cells.front().text == (header.empty() ? "规章" : "信息内容"));
  }
  // With nothing between them, a title directly above bare numbers is still the title.
  nianbao::NormalizedText nt;
  const auto doc = read(title + "\n1 2 3 4 5 6 7 8 9 10\n11 12 13 14 15 16\n", nt);
  REQUIRE(!doc.blocks.empty());
  REQUIRE(doc.blocks[0].kind == Block::Kind::paragraph);
  CHECK(doc.blocks[0].paragraph.text == title);
}

TEST_CASE("full-width digits in a cell: value read, span on the original characters") {
  const std::string in = testing::pipe_row({"五、行政诉讼数量", "件", "１２"});
  nianbao::NormalizedText nt;
  const auto doc = read(in, nt);
  REQUIRE(doc.blocks.size() == 1);
  const auto& c = doc.blocks[0].table.rows[0].cells[2];
  CHECK(c.text == "12");
  CHECK(in.substr(c.span.start, c.span.end - c.span.start) == "１２");
}

TEST_CASE("seed 001 and 003 tables are found where the web copy has them") {
  for (const char* s : {"001", "003"}) {
    CAPTURE(s);
    nianbao::NormalizedText nt;
    const auto doc = read(testing::read_seed(s), nt);
    CHECK(count(doc, Block::Kind::table) == (std::string(s) == "001" ? 3u : 1u));
  }
}

TEST_CASE("page markers of pdftotext text are dropped; lines that only look like them are kept") {
  // Each marker form, with the spaces and tabs pdftotext leaves (after NFKC: －/– stay dashes),
  // each between two lines of prose as on a page break.
  const std::vector<std::string> markers = {"- 3 -", "—2—", "– 12 –", "－ 7 －", "第 1 页", "第1页共12页", "第 12 页 共 34 页",
                                            "3/12", "  12 / 345  ", "\t-\t4\t-"};
  // Near misses: five digits, words after the number, no closing dash, another word, too long.
  const std::vector<std::string> kept = {"- 12345 -", "第1页内容", "- 3", "共12页", "3/12345", "第1章", "1/2 政府信息",
                                         "第 1 页 共 12 页 以上为附表部分内容"};
  const std::string prose = "本机关依法公开政府信息。";
  std::string in = prose + "\n";
  for (const auto& m : markers) in += m + "\n" + prose + "\n";
  for (const auto& k : kept) in += k + "\n" + prose + "\n";
  nianbao::NormalizedText nt;
  const auto doc = read(in, nt);
  std::vector<std::string> paragraphs;
  for (const auto& b : doc.blocks) {
    CHECK(b.kind == Block::Kind::paragraph);
    if (b.kind == Block::Kind::paragraph && b.paragraph.text != prose) paragraphs.push_back(b.paragraph.text);
  }
  CHECK(doc.blocks.size() == 1 + markers.size() + 2 * kept.size());  // every marker gone, with nothing else
  CHECK(paragraphs == kept);
}
