#include "nianbao/rules.hpp"

#include <string>

namespace nianbao {

namespace {

const RowDef* row_def(const TableTemplate& t, std::string_view key) {
  for (const RowDef& r : t.rows)
    if (r.key == key) return &r;
  return nullptr;
}

bool has_column(const RowDef& r, std::string_view col) {
  for (std::string_view c : r.columns)
    if (c == col) return true;
  return false;
}

std::string_view pick(std::string_view pattern, std::string_view value) {
  return pattern == "*" ? value : pattern;
}

class Evaluator {
 public:
  Evaluator(const ReportTable& table, std::vector<Finding>& out) : table_(table), out_(out) {}

  void relation(const RelationDef& rel) {
    const TableTemplate& t = *table_.tmpl;
    switch (rel.iterate) {
      case Iterate::none:
        once(rel, "", "");
        break;
      case Iterate::each_column:
        if (const RowDef* r = row_def(t, rel.target.row))
          for (std::string_view col : r->columns) once(rel, "", col);
        break;
      case Iterate::each_row:
        for (const RowDef& r : t.rows)
          if (!r.group && has_column(r, rel.target.col)) once(rel, r.key, "");
        break;
    }
  }

 private:
  void once(const RelationDef& rel, std::string_view row, std::string_view col) {
    const std::string_view target_row = pick(rel.target.row, row);
    const std::string_view target_col = pick(rel.target.col, col);
    const TableCell* target = table_.find(target_row, target_col);
    if (!target || !target->value) return;
    Decimal sum;
    std::string formula;
    std::vector<Span> related;
    for (const Term& term : rel.terms) {
      const TableCell* c = table_.find(pick(term.row, row), pick(term.col, col));
      if (!c || !c->value) return;  // blank or missing: reported elsewhere, not guessed
      const Decimal v = term.sign < 0 ? Decimal() - *c->value : *c->value;
      sum += v;
      if (!formula.empty() || term.sign < 0) formula += term.sign < 0 ? "−" : "+";
      formula += c->value->to_string();
      related.push_back(c->span);
    }
    const Decimal actual = *target->value;
    const bool ok = rel.op == Op::equal ? actual == sum : actual <= sum;
    if (ok) return;
    Finding f;
    f.rule = std::string(rel.rule);
    f.severity = rel.error ? Severity::error : Severity::warning;
    std::string where = "「" + std::string(target_row) + "」";
    if (table_.tmpl->rows.size() > 1 && !(target_col == "统计数")) where += "「" + std::string(target_col) + "」";
    if (rel.op == Op::equal) {
      f.message = where + "应为" + formula + "=" + sum.to_string() + "，表中填报为" + actual.to_string() +
                  "（" + std::string(rel.note) + "）";
    } else {
      f.message = where + "填报为" + actual.to_string() + "，超过了" + formula + "=" + sum.to_string() + "（" +
                  std::string(rel.note) + "）";
    }
    f.span = target->span;
    f.expected = sum;
    f.actual = actual;
    f.related = std::move(related);
    out_.push_back(std::move(f));
  }

  const ReportTable& table_;
  std::vector<Finding>& out_;
};

}  // namespace

std::vector<Finding> check_tables(const std::vector<ReportTable>& tables) {
  std::vector<Finding> out;
  for (const ReportTable& t : tables) {
    if (!t.tmpl) continue;
    Evaluator ev(t, out);
    for (const RelationDef& rel : t.tmpl->relations) ev.relation(rel);
  }
  return out;
}

}  // namespace nianbao
