#include "nianbao/check.hpp"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <tuple>

#include "output/json_writer.hpp"
#include "tables/label.hpp"
#include "read/encoding.hpp"
#ifdef NIANBAO_HAVE_HTML
#include "read/html_reader.hpp"
#endif
#ifdef NIANBAO_HAVE_DOCX
#include "read/docx_reader.hpp"
#endif
#include "tables/matcher.hpp"
#include "narrative/narrative.hpp"
#include "read/normalize.hpp"
#include "read/reader.hpp"
#include "tables/rules.hpp"
#include "read/runs_reader.hpp"
#include "util/utf8.hpp"

namespace nianbao {

std::string_view version() { return "0.1.0"; }

std::string_view error_code_name(ErrorCode code) {
  switch (code) {
    case ErrorCode::empty_input: return "empty_input";
    case ErrorCode::too_large: return "too_large";
    case ErrorCode::not_text: return "not_text";
    case ErrorCode::icu_unavailable: return "icu_unavailable";
    case ErrorCode::io_error: return "io_error";
    case ErrorCode::bad_docx: return "bad_docx";
    case ErrorCode::bad_html: return "bad_html";
    case ErrorCode::bad_runs: return "bad_runs";
  }
  return "unknown";
}

void write_span(JsonWriter& w, const Span& s) {
  w.span_object(s.start, s.end, s.line);
}

void write_finding(JsonWriter& w, const Finding& f) {
  w.begin_object().key("rule").string(rule_id(f.rule)).key("severity").string(severity_name(f.severity));
  w.key("message").string(f.message).key("span");
  write_span(w, f.span);
  if (f.expected) w.key("expected").raw(f.expected->to_string());
  if (f.actual) w.key("actual").raw(f.actual->to_string());
  if (!f.related.empty()) {
    w.key("related").begin_array();
    for (const Span& s : f.related) write_span(w, s);
    w.end_array();
  }
  if (!f.hint.empty()) w.key("hint").string(f.hint);
  if (!f.occurrences.empty()) {
    w.key("occurrences").begin_array();
    for (const Span& s : f.occurrences) write_span(w, s);
    w.end_array();
  }
  w.end_object();
}

const TableCell* ReportTable::find(std::string_view row, std::string_view col) const {
  for (const TableCell& c : cells)
    if (utf8::same(c.row, row) && utf8::same(c.col, col)) return &c;
  return nullptr;
}

std::size_t Report::count(Severity s) const {
  return static_cast<std::size_t>(std::count_if(findings.begin(), findings.end(),
                                                [s](const Finding& f) { return f.severity == s; }));
}

namespace {

/// Whether `c` is white space for the screen (nothing to check).
bool screen_blank(char32_t c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == 0x3000 || c == 0xFEFF || c == 0xA0; }

/// Rejects what is not text: NUL bytes, a quarter or more of the characters invalid UTF-8, or
/// more than 1% of them once there are more than a handful. `counted`: the input's characters
/// and invalid bytes when decode_input() counted them already (then the input is not decoded
/// again unless it is rejected for them).
std::optional<Error> screen(std::string_view input, const Decoded* counted = nullptr) {
  if (counted) {
    if (const void* nul = input.empty() ? nullptr : std::memchr(input.data(), 0, input.size()))  // (never inside a character)
      return Error{ErrorCode::not_text, "输入不是文本（含有 NUL 字节，可能是二进制文件）",
                   static_cast<std::size_t>(static_cast<const char*>(nul) - input.data())};
    bool blank = true;
    for (std::size_t i = 0, len = 0; blank && i < input.size(); i += len) blank = screen_blank(utf8::decode(input, i, len));
    if (blank) return Error{ErrorCode::empty_input, "输入为空：没有可检查的内容", 0};
    const std::size_t invalid = counted->invalid, chars = counted->chars;
    if (!(invalid * 4 > chars || (invalid > 16 && invalid * 100 > chars))) return std::nullopt;
    // Rejected: the whole screen below says where the first invalid byte is.
  }
  std::size_t invalid = 0, chars = 0, first_invalid = input.size();
  bool blank = true;
  for (std::size_t i = 0; i < input.size();) {
    const auto b = static_cast<unsigned char>(input[i]);
    if (b == 0) return Error{ErrorCode::not_text, "输入不是文本（含有 NUL 字节，可能是二进制文件）", i};
    if (b < 0x80 && !blank) {  // ASCII after the first visible character: nothing to note
      ++chars;
      ++i;
      continue;
    }
    if (const std::size_t three = blank ? 0 : utf8::plain_three(input, i)) {  // nor a valid Chinese character
      ++chars;
      i += three;
      continue;
    }
    std::size_t len = 0;
    const char32_t cp = utf8::decode(input, i, len);
    if (cp == utf8::kReplacement && len == 1) {
      ++invalid;
      first_invalid = std::min(first_invalid, i);
    }
    if (!screen_blank(cp)) blank = false;
    ++chars;
    i += len;
  }
  if (blank) return Error{ErrorCode::empty_input, "输入为空：没有可检查的内容", 0};
  if (invalid * 4 > chars || (invalid > 16 && invalid * 100 > chars))
    return Error{ErrorCode::not_text, "输入不是 UTF-8 文本（" + std::to_string(invalid) + " 处无效字节），可能是二进制文件或其他编码",
                 first_invalid};
  return std::nullopt;
}

/// `s` with each byte that is not part of valid UTF-8 replaced by U+FFFD; nullopt when `s` is valid.
std::optional<std::string> replace_invalid_utf8(std::string_view s) {
  std::size_t i = 0, len = 0;
  while (i < s.size() && !(utf8::decode(s, i, len) == utf8::kReplacement && len == 1)) i += len;
  if (i == s.size()) return std::nullopt;
  std::string out(s.substr(0, i));
  for (; i < s.size(); i += len) {
    const char32_t c = utf8::decode(s, i, len);
    if (c == utf8::kReplacement && len == 1) out += "\xEF\xBF\xBD"; else out.append(s.substr(i, len));
  }
  return out;
}

bool istarts(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(s[i])) != prefix[i]) return false;
  return true;
}

/// A zip (DOCX) by its signature, PDF text runs by their header line; everything else is
/// decided after decoding.
std::string sniff(std::string_view bytes) {
  if (bytes.substr(0, 4) == std::string_view("PK\x03\x04", 4)) return "docx";
  if (looks_like_runs(bytes)) return "pdf";
  return "auto";
}

/// Markup: the text starts (after a BOM and white space) with a tag the reports' pages use, or
/// is clipboard HTML with its "Version:… StartHTML:" header.
bool looks_like_html(std::string_view t) {
  if (t.substr(0, 3) == "\xEF\xBB\xBF") t.remove_prefix(3);
  while (!t.empty() && utf8::is_ascii_space(t.front())) t.remove_prefix(1);
  if (istarts(t, "version:") && t.substr(0, 300).find("StartHTML:") != std::string_view::npos) return true;
  if (t.empty() || t.front() != '<') return false;
  for (std::string_view tag : {"<!doctype html", "<html", "<head", "<body", "<meta", "<table", "<div", "<p>", "<p ",
                               "<span", "<h1", "<h2", "<h3", "<style", "<title", "<!--", "<tr", "<td", "<font", "<br"})
    if (istarts(t, tag)) return true;
  return false;
}

/// The layout must be the one in force for the report year (spec §1): the 2019 format for the
/// 2019 and 2020 reports, the 2021 format from the 2021 reports on, no mandated layout before.
std::optional<Finding> check_template_version(const MatchResult& m, std::optional<int> year) {
  if (!year || m.tables.empty() || m.tables.front().cells.empty() || m.format == Format::unknown) return std::nullopt;
  const Format expected = *year >= 2021 ? Format::f2021 : *year >= 2019 ? Format::f2019 : Format::legacy;
  if (m.format == expected) return std::nullopt;
  static constexpr auto name = [](Format f) -> std::string {
    switch (f) {
      case Format::legacy: return "旧版统计表（2019年以前）";
      case Format::f2019: return "2019年版格式（国办公开办函〔2019〕60号）";
      case Format::f2021: return "2021年版格式（国办公开办函〔2021〕30号）";
      default: return "未知格式";
    }
  };
  Finding f;
  f.rule = Rule::template_version;
  // Using an outdated layout is a defect reviewers flag; a newer one than the year had is odd.
  f.severity = m.format < expected ? Severity::error : Severity::warning;
  f.message = std::to_string(*year) + "年度报告的表格采用了" + name(m.format) + "，应采用" + name(expected);
  f.span = m.tables.front().cells.front().span;
  f.hint = name(expected);
  return f;
}

void write_optional_string(JsonWriter& w, const std::optional<std::string>& s) {
  if (s) w.string(*s); else w.null();
}

void write_sections(JsonWriter& w, const std::vector<Section>& sections) {
  w.begin_array();
  for (const Section& s : sections) {
    w.begin_object().key("number").string(s.number).key("title").string(s.title).key("span");
    write_span(w, s.span);
    if (!s.subsections.empty()) {
      w.key("subsections");
      write_sections(w, s.subsections);
    }
    w.end_object();
  }
  w.end_array();
}

const char* boolean(bool b) { return b ? "true" : "false"; }

/// The narrative's checks and the chart figures in "stats".
void write_text_stats(JsonWriter& w, const Report& r) {
  if (!r.text_sums.empty()) {
    w.key("text_sums").begin_array();
    for (const TextSum& t : r.text_sums)
      w.begin_object(true).key("total").string(t.total).key("parts").string(t.parts).key("holds").raw(boolean(t.holds)).end_object();
    w.end_array();
  }
  if (!r.text_shares.empty()) {
    w.key("text_shares").begin_array();
    for (const TextShare& t : r.text_shares)
      w.begin_object(true).key("share").string(t.share).key("of").string(t.of).key("holds").raw(boolean(t.holds)).end_object();
    w.end_array();
  }
  if (!r.text_figures.empty()) {
    w.key("text_table").begin_array();
    for (const TextFigure& t : r.text_figures)
      w.begin_object(true).key("text").string(t.text).key("cell").string(t.cell).key("table").string(t.table)
          .key("scope").string(t.scope).key("holds").raw(boolean(t.holds)).end_object();
    w.end_array();
  }
  if (r.deadline) {
    w.key("deadline").begin_object(true).key("due").string(r.deadline->due).key("met").raw(boolean(r.deadline->met));
    w.key("published").string(r.deadline->published).key("source").string(r.deadline->source);
    w.key("basis").string(r.deadline->basis).end_object();
  }
  if (r.period)
    w.key("period").begin_object(true).key("from").string(r.period->from).key("to").string(r.period->to)
        .key("holds").raw(boolean(r.period->holds)).end_object();
  if (!r.figures.empty()) {
    w.key("figures").begin_array();
    for (const Figure& x : r.figures)
    {
      w.begin_object(true).key("id").string(x.id).key("title").string(x.title).key("value").raw(x.value.to_string())
          .key("unit").string(x.unit).key("source").string(x.source);
      if (x.span) {
        w.key("span");
        write_span(w, *x.span);
      }
      w.end_object();
    }
    w.end_array();
  }
  if (!r.charts.empty()) {
    w.key("charts").begin_array();
    for (const Chart& c : r.charts) {
      w.begin_object().key("id").string(c.id).key("title").string(c.title).key("unit").string(c.unit).key("items").begin_array();
      for (const auto& [label, value] : c.items)
        w.begin_object(true).key("label").string(label).key("value").raw(value.to_string()).end_object();
      w.end_array().end_object();
    }
    w.end_array();
  }
  if (!r.rates.empty()) {
    w.key("rates").begin_array();
    for (const Rate& x : r.rates)
      w.begin_object(true).key("id").string(x.id).key("title").string(x.title).key("percent").raw(x.percent.to_string())
          .key("numerator").raw(x.numerator.to_string()).key("denominator").raw(x.denominator.to_string())
          .key("basis").string(x.basis).end_object();
    w.end_array();
  }
}

}  // namespace

Checker::Checker(std::unique_ptr<Normalizer> n)
    : normalizer_(std::move(n)), templates_(std::make_unique<TemplateIndex>()) {}
Checker::~Checker() = default;

std::unique_ptr<Checker> Checker::create(Error* error) {
  auto n = Normalizer::create(error);
  if (!n) return nullptr;
  return std::unique_ptr<Checker>(new Checker(std::move(n)));
}

Outcome Checker::check(std::string_view bytes, const Options& options) {
  const std::string format = options.format == "auto" ? sniff(bytes) : options.format;
  // A DOCX is mostly pictures; its reader bounds what it inflates and renders itself.
  if (bytes.size() > options.limits.max_input_bytes && format != "docx")
    return Error{ErrorCode::too_large,
                 "输入过大：" + std::to_string(bytes.size()) + " 字节，上限为 " +
                     std::to_string(options.limits.max_input_bytes) + " 字节",
                 options.limits.max_input_bytes};
  Report report;
  report.file = options.file;
  Error error{};
  std::string_view input = bytes;
  std::optional<Decoded> counted;  // decode_input's counts, while `input` is the bytes it counted
  if (bytes.substr(0, 5) == "%PDF-" && format != "docx")
    return Error{ErrorCode::not_text,
                 "输入是 PDF 文件本身：请在网页版中打开（由 pdf.js 提取文字），或先提取其文字（pdftotext -layout）再检查", 0};
  if (format == "pdf") {
    // pdf.js text runs (web/pdf-runs.js): laid out as pdftotext -layout text.
    auto text = runs_to_text(bytes, options.limits, &error);
    if (!text) return error;
    if (utf8::trim(*text).empty())
      return Error{ErrorCode::empty_input, "PDF 中没有可提取的文字（可能是扫描件或图片），无法检查", 0};
    report.input = {"pdf", "utf-8", std::move(*text)};
    input = *report.input.text;
  } else if (format == "docx") {
#ifdef NIANBAO_HAVE_DOCX
    auto text = docx_to_text(bytes, options.limits, &error);
    if (!text) return error;
    report.input = {"docx", "utf-8", std::move(*text)};
    input = *report.input.text;
#else
    return Error{ErrorCode::not_text, "此版本未包含 DOCX 读取功能", 0};
#endif
  } else {
    std::optional<Decoded> decoded = decode_input(bytes, &error);
    if (!decoded) return error;
    report.input.encoding = std::string(encoding_name(decoded->encoding));
    if (decoded->encoding != Encoding::utf8) {
      report.input.text = std::move(decoded->text);
      input = *report.input.text;
    } else {
      counted = std::move(decoded);
    }
    if (format == "html" || (format == "auto" && looks_like_html(input))) {
#ifdef NIANBAO_HAVE_HTML
      auto text = html_to_text(input, options.limits, &error);
      if (!text) return error;
      report.input.format = "html";
      report.input.text = std::move(*text);
      input = *report.input.text;
      counted.reset();
#else
      return Error{ErrorCode::not_text, "此版本未包含 HTML 读取功能", 0};
#endif
    }
  }
  if (auto e = screen(input, counted ? &*counted : nullptr)) return *e;
  // A rendition (PDF runs, DOCX) keeps the few invalid bytes the screen tolerates; the JSON carries
  // it as input.text, which must be UTF-8: they become U+FFFD before any span is made.
  if (report.input.text)
    if (auto valid = replace_invalid_utf8(*report.input.text)) {
      report.input.text = std::move(*valid);
      input = *report.input.text;
    }
  const NormalizedText nt = normalizer_->normalize(input);
  report.meta.script = nt.script;
  const Document doc = read_text(nt);
  report.meta.year = find_year(doc);

  MatchResult matched = match_tables(doc, report.meta.year, *templates_);
  report.meta.format = matched.format;
  if (auto f = check_template_version(matched, report.meta.year)) matched.findings.push_back(std::move(*f));
  if (matched.tables.empty() && report.meta.year && *report.meta.year <= 2018)
    report.meta.format = Format::legacy;  // before 2019 there was no mandated layout
  report.findings.insert(report.findings.end(), std::make_move_iterator(matched.findings.begin()),
                         std::make_move_iterator(matched.findings.end()));
  report.tables = std::move(matched.tables);
  std::vector<Finding> rules = check_tables(report.tables, *templates_);
  report.findings.insert(report.findings.end(), std::make_move_iterator(rules.begin()),
                         std::make_move_iterator(rules.end()));
  read_narrative(doc, report);

  if (nt.script == Script::hant && nt.first_converted) {
    Finding f;
    f.rule = Rule::script_converted;
    f.severity = Severity::info;
    f.message = "原文为繁体字，已将" + std::to_string(nt.converted) + "个繁体字转换为简体后检查";
    f.span = *nt.first_converted;
    report.findings.push_back(std::move(f));
  }
  std::stable_sort(report.findings.begin(), report.findings.end(), [](const Finding& a, const Finding& b) {
    // (By the rule's id, as text: the order of the JSON since rules had string ids.)
    return std::tuple(a.span.start, a.span.end, rule_id(a.rule)) < std::tuple(b.span.start, b.span.end, rule_id(b.rule));
  });
  return report;
}

namespace {

/// About the size of the report's JSON, from the sizes of what it writes: the writer's buffer is
/// made once (each doubling of a 4 KB start copied what was written and cleared the new half,
/// five times for a report with its tables).
std::size_t expected_json_size(const Report& r, int indent) {
  std::size_t n = 640 + r.file.size() + (r.input.text ? r.input.text->size() + r.input.text->size() / 16 : 0);
  auto sections = [&n](const std::vector<Section>& ss, auto& self) -> void {
    for (const Section& s : ss) {
      n += 64 + s.number.size() + s.title.size();
      self(s.subsections, self);
    }
  };
  sections(r.sections, sections);
  for (const ReportTable& t : r.tables)
    for (const TableCell& c : t.cells) n += 84 + c.row.size() + c.col.size() + c.raw.size();
  for (const Finding& f : r.findings) n += 160 + f.message.size() + f.hint.size() + 48 * f.related.size();
  n += 192 * (r.text_sums.size() + r.text_shares.size() + r.text_figures.size() + r.figures.size() + r.rates.size());
  for (const Chart& c : r.charts) n += 128 + 64 * c.items.size();
  return indent > 0 ? n + n / 4 : n;  // (pretty: the indentation)
}

}  // namespace

std::string to_json(const Report& r, int indent) {
  JsonWriter w(indent, expected_json_size(r, indent));
  w.begin_object();
  w.key("schema").string("nianbao/1");
  w.key("file").string(r.file);
  w.key("input").begin_object(true).key("format").string(r.input.format).key("encoding").string(r.input.encoding);
  if (r.input.text) w.key("text").string(*r.input.text);
  w.end_object();
  w.key("meta").begin_object();
  w.key("agency"); write_optional_string(w, r.meta.agency);
  w.key("year"); if (r.meta.year) w.number(*r.meta.year); else w.null();
  w.key("published"); write_optional_string(w, r.meta.published);
  w.key("format").string(format_name(r.meta.format));
  w.key("kind").string(body_kind_name(r.meta.kind));
  w.key("script").string(r.meta.script == Script::hant ? "hant" : "hans");
  w.end_object();
  w.key("sections");
  write_sections(w, r.sections);
  w.key("tables").begin_array();
  std::size_t cells = 0;
  for (const ReportTable& t : r.tables) {
    w.begin_object().key("id").string(t.id).key("template").string(t.template_name).key("cells").begin_array();
    for (const TableCell& c : t.cells) {
      w.begin_object(true).key("row").string(c.row).key("col").string(c.col).key("value");
      if (!c.value) w.null();
      else if (c.value->is_integer()) w.number(c.value->scaled() / Decimal::kScale);  // as to_string() writes it
      else w.raw(c.value->to_string());
      w.key("raw").string(c.raw).key("span");
      write_span(w, c.span);
      w.end_object();
      ++cells;
    }
    w.end_array();
    if (!t.unread.empty()) {  // template rows not read: the page shows them as such
      w.key("unread").begin_array();
      for (const UnreadRow& u : t.unread) {
        w.begin_object(true).key("row").string(u.row).key("cols").begin_array();
        for (std::string_view c : u.cols) w.string(c);
        w.end_array().key("before");
        if (u.before.empty()) w.null();
        else w.string(u.before);
        w.end_object();
      }
      w.end_array();
    }
    w.end_object();
  }
  w.end_array();
  w.key("findings").begin_array();
  for (const Finding& f : r.findings) write_finding(w, f);
  w.end_array();
  w.key("stats").begin_object();
  w.key("errors").number(static_cast<long long>(r.count(Severity::error)));
  w.key("warnings").number(static_cast<long long>(r.count(Severity::warning)));
  w.key("infos").number(static_cast<long long>(r.count(Severity::info)));
  w.key("tables").number(static_cast<long long>(r.tables.size()));
  w.key("cells").number(static_cast<long long>(cells));
  write_text_stats(w, r);
  w.end_object();
  w.end_object();
  std::string out = w.take();
  return out;
}

std::string to_json(const Error& e, std::string_view file, int indent) {
  JsonWriter w(indent);
  w.begin_object().key("schema").string("nianbao/1").key("file").string(file);
  w.key("error").begin_object();
  w.key("code").string(error_code_name(e.code)).key("message").string(e.message);
  w.key("position").number(static_cast<long long>(e.position));
  w.end_object().end_object();
  return w.take();
}

std::string to_text(const Report& r) {
  std::string out;
  const std::string& file = r.file.empty() ? std::string("-") : r.file;
  for (const Finding& f : r.findings) {
    const char* sev = f.severity == Severity::error ? "错误" : f.severity == Severity::warning ? "警告" : "提示";
    out += file + ":" + std::to_string(f.span.line) + ": " + sev + " [" + std::string(rule_id(f.rule)) + "] " + f.message + "\n";
  }
  out += file + ": " + std::to_string(r.count(Severity::error)) + " 个错误，" +
         std::to_string(r.count(Severity::warning)) + " 个警告，" + std::to_string(r.count(Severity::info)) +
         " 个提示（格式：" + std::string(format_name(r.meta.format)) + "）\n";
  return out;
}

}  // namespace nianbao
