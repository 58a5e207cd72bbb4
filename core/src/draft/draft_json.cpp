// A draft to and from JSON (draft.hpp). The cells are checked against the 2021 tables the way
// a reviewer's corrections are (draft_tables below, tables/corrections.cpp): a cell no template
// has, a negative count or a fraction where the template wants a whole number is refused.
#include <string>

#include "draft/cells.hpp"
#include "nianbao/draft.hpp"
#include "output/json_writer.hpp"
#include "tables/corrections.hpp"
#include "tables/templates.hpp"
#include "util/json_scan.hpp"

namespace nianbao {

namespace {

Error bad(std::string_view what) {
  std::string message = "编制稿无法读取：";
  message += what;
  return Error{ErrorCode::bad_draft, std::move(message), 0};
}

}  // namespace

namespace draft {

std::variant<std::vector<ReportTable>, Error> draft_tables(const std::vector<CellCorrection>& cells) {
  std::vector<ReportTable> out;
  for (const TableTemplate* t : templates_for(Format::f2021)) {
    ReportTable r;
    r.id = std::string(t->id);
    r.template_name = std::string(t->template_name);
    r.tmpl = t;
    out.push_back(std::move(r));
  }
  if (auto e = apply_corrections(out, cells)) return std::move(*e);
  return out;
}

}  // namespace draft

std::variant<Draft, Error> draft_from_json(std::string_view json) {
  Draft d;
  JsonScanner sc(json);
  if (!sc.eat('{')) return bad("不是 JSON 对象");
  bool has_year = false;
  if (!sc.eat('}')) {
    do {
      std::string key;
      if (!sc.string(key) || !sc.eat(':')) return bad("JSON 格式有误");
      bool ok = true;
      if (key == "agency") ok = sc.string(d.agency);
      else if (key == "date") ok = sc.string(d.date);
      else if (key == "overview") ok = sc.string(d.overview);
      else if (key == "problems") ok = sc.string(d.problems);
      else if (key == "other") ok = sc.string(d.other);
      else if (key == "cells") ok = sc.cells(d.cells);
      else if (key == "year") {
        std::uint64_t y = 0;
        ok = sc.number(y);
        d.year = static_cast<int>(y > 9999 ? 0 : y);
        has_year = ok;
      } else ok = sc.skip();
      if (!ok) return bad(std::string("“").append(key).append("”的值有误"));
    } while (sc.eat(','));
    if (!sc.eat('}')) return bad("JSON 格式有误");
  }
  if (!sc.at_end()) return bad("JSON 之后还有内容");
  if (!has_year || d.year < 2021 || d.year > 2100) return bad("年度应为 2021 年及以后（2021 年格式）");
  if (auto tables = draft::draft_tables(d.cells); auto* e = std::get_if<Error>(&tables)) return std::move(*e);
  return d;
}

namespace {

void write_cells(JsonWriter& w, const std::vector<CellCorrection>& cells) {
  w.begin_array();
  for (const CellCorrection& c : cells) {
    w.begin_object(true).key("table").string(c.table).key("row").string(c.row).key("col").string(c.col).key("value");
    if (c.value) w.raw(c.value->to_string()); else w.null();
    w.end_object();
  }
  w.end_array();
}

void write_draft(JsonWriter& w, const Draft& d) {
  w.begin_object().key("agency").string(d.agency).key("year").number(d.year).key("date").string(d.date);
  w.key("cells");
  write_cells(w, d.cells);
  w.key("overview").string(d.overview).key("problems").string(d.problems).key("other").string(d.other);
  w.end_object();
}

}  // namespace

std::string to_json(const Draft& d) {
  JsonWriter w(0, 8192);
  write_draft(w, d);
  return w.take();
}

std::string to_json(const DraftStart& s) {
  JsonWriter w(0, 8192);
  w.begin_object().key("schema").string("nianbao/1").key("draft");
  write_draft(w, s.draft);
  w.key("carried");
  write_cells(w, s.carried);
  w.key("notes").begin_array();
  for (const std::string& n : s.notes) w.string(n);
  w.end_array().end_object();
  return w.take();
}

}  // namespace nianbao
