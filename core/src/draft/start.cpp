// A draft started from last year's report (draft.hpp start_from): what carries over from one
// year's report to the next. 上年结转 of each T3 column is last year's 结转下年度继续办理 of that
// column (the xyear-carry relation); 现行有效件数 of each T2 document row is last year's (the
// stock the new year starts from; xyear-stock compares them). A cell last year's report does
// not give is not carried, and said.
#include <string>

#include "lexicon/row_keys.hpp"
#include "nianbao/draft.hpp"
#include "tables/templates.hpp"
#include "years/compare.hpp"

namespace nianbao {

namespace {

const TableTemplate* template_2021(std::string_view id) {
  for (const TableTemplate* t : templates_for(Format::f2021))
    if (t->id == id) return t;
  return nullptr;
}

const RowDef* row_of(const TableTemplate& t, std::string_view key) {
  for (const RowDef& r : t.rows)
    if (r.key == key) return &r;
  return nullptr;
}

}  // namespace

DraftStart start_from(const Report& last) {
  DraftStart s;
  s.draft.agency = last.meta.agency.value_or("");
  s.draft.year = last.meta.year ? *last.meta.year + 1 : 0;
  if (!last.meta.agency) s.notes.push_back("上一年度报告中未找到机关名称");
  if (!last.meta.year) s.notes.push_back("上一年度报告中未找到年度");
  // What carries: (table, last year's row, this year's row, columns).
  struct Carry { std::string_view table, from, to, what; };
  static constexpr Carry kCarry[] = {
      {"T3", lexicon::kT3CarriedOn, lexicon::kT3Carried, "结转下年度继续办理"},
      {"T2", lexicon::kT2Rules, lexicon::kT2Rules, "现行有效件数"},
      {"T2", lexicon::kT2Documents, lexicon::kT2Documents, "现行有效件数"},
  };
  for (const Carry& c : kCarry) {
    const TableTemplate* tmpl = template_2021(c.table);
    const RowDef* to = tmpl ? row_of(*tmpl, c.to) : nullptr;
    if (!to) continue;
    const ReportTable* from = years::find_table(last, c.table);
    // The 2019 T2 has no 现行有效件数 (its 对外公开总数量 counts what was published, not what is
    // in force): only a 2021 table carries it.
    if (!from || (c.table == "T2" && from->template_name != "2021")) {
      s.notes.push_back("上一年度报告没有可结转的" + std::string(c.table == "T3" ? "表三" : "表二（2021年格式）") + "「" +
                        std::string(c.from) + "」");
      continue;
    }
    for (std::string_view col : to->columns) {
      if (c.table == "T2" && col != c.what) continue;
      const TableCell* cell = years::value_cell(from, c.from, col);
      if (!cell) {
        s.notes.push_back("上一年度报告「" + std::string(c.from) + "」「" + std::string(col) + "」未读出，未结转");
        continue;
      }
      CellCorrection v{std::string(c.table), std::string(to->key), std::string(col), cell->value};
      s.draft.cells.push_back(v);
      s.carried.push_back(std::move(v));
    }
  }
  return s;
}

}  // namespace nianbao
