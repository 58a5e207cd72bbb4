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

RelationInstance instance(const RelationDef& rel, std::string_view row, std::string_view col) {
  RelationInstance ri{&rel, {pick(rel.target.row, row), pick(rel.target.col, col)}, {}};
  for (const Term& term : rel.terms) ri.terms.push_back({{pick(term.row, row), pick(term.col, col)}, term.sign});
  return ri;
}

void report(const ReportTable& table, const RelationInstance& ri, std::vector<Finding>& out) {
  const RelationDef& rel = *ri.def;
  const TableCell* target = table.find(ri.target.row, ri.target.col);
  if (!target || !target->value) return;
  Decimal sum;
  std::string formula;
  std::vector<Span> related;
  for (const auto& [ref, sign] : ri.terms) {
    const TableCell* c = table.find(ref.row, ref.col);
    if (!c || !c->value) return;  // blank or missing: reported elsewhere, not guessed
    sum += sign < 0 ? Decimal() - *c->value : *c->value;
    if (!formula.empty() || sign < 0) formula += sign < 0 ? "−" : "+";
    formula += c->value->to_string();
    related.push_back(c->span);
  }
  const Decimal actual = *target->value;
  if (rel.op == Op::equal ? actual == sum : actual <= sum) return;
  Finding f;
  f.rule = std::string(rel.rule);
  f.severity = rel.error ? Severity::error : Severity::warning;
  std::string where = "「" + std::string(ri.target.row) + "」";
  if (table.tmpl->rows.size() > 1 && ri.target.col != "统计数") where += "「" + std::string(ri.target.col) + "」";
  if (rel.op == Op::equal) {
    f.message = where + "应为" + formula + "=" + sum.to_string() + "，表中填报为" + actual.to_string() + "（" +
                std::string(rel.note) + "）";
  } else {
    f.message = where + "填报为" + actual.to_string() + "，超过了" + formula + "=" + sum.to_string() + "（" +
                std::string(rel.note) + "）";
  }
  f.span = target->span;
  f.expected = sum;
  f.actual = actual;
  f.related = std::move(related);
  out.push_back(std::move(f));
}

}  // namespace

std::vector<RelationInstance> expand_relations(const TableTemplate& t) {
  std::vector<RelationInstance> out;
  for (const RelationDef& rel : t.relations) {
    switch (rel.iterate) {
      case Iterate::none:
        out.push_back(instance(rel, "", ""));
        break;
      case Iterate::each_column:
        if (const RowDef* r = row_def(t, rel.target.row))
          for (std::string_view col : r->columns) out.push_back(instance(rel, "", col));
        break;
      case Iterate::each_row:
        for (const RowDef& r : t.rows)
          if (!r.group && has_column(r, rel.target.col)) out.push_back(instance(rel, r.key, ""));
        break;
    }
  }
  return out;
}

std::vector<Finding> check_tables(const std::vector<ReportTable>& tables) {
  std::vector<Finding> out;
  for (const ReportTable& t : tables) {
    if (!t.tmpl) continue;
    for (const RelationInstance& ri : expand_relations(*t.tmpl)) report(t, ri, out);
  }
  return out;
}

}  // namespace nianbao
