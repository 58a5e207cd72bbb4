// The result as JSON (spec §9, schema "nianbao/1"): a report, an error, a finding.
#include <algorithm>
#include <string>

#include "nianbao/check.hpp"
#include "output/json_writer.hpp"

namespace nianbao {

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
    case ErrorCode::bad_cells: return "bad_cells";
    case ErrorCode::bad_draft: return "bad_draft";
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

namespace {

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
      if (c.corrected) w.key("corrected").raw("true");
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
    if (!t.ambiguous.empty()) {  // rows whose digits split in several ways: each split and its relations
      w.key("ambiguous").begin_array();
      for (const AmbiguousRow& a : t.ambiguous) {
        w.begin_object().key("span");
        write_span(w, a.span);
        w.key("cells").begin_array();
        for (std::size_t i = 0; i < a.rows.size(); ++i) w.begin_object(true).key("row").string(a.rows[i]).key("col").string(a.cols[i]).end_object();
        w.end_array().key("candidates").begin_array();
        for (std::size_t c = 0; c < a.candidates.size(); ++c) {
          w.begin_object().key("values").begin_array(true);
          for (const auto& v : a.candidates[c]) {
            if (!v) w.null();
            else w.raw(v->to_string());
          }
          w.end_array().key("relations").begin_array();
          if (c < a.checks.size())
            for (const AmbiguousRow::Check& k : a.checks[c]) {
              w.begin_object(true).key("rule").string(rule_id(k.rule)).key("row").string(k.row).key("col").string(k.col).key("holds");
              if (!k.holds) w.null();
              else w.raw(*k.holds ? "true" : "false");
              w.end_object();
            }
          w.end_array().end_object();
        }
        w.end_array().end_object();
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

}  // namespace nianbao
