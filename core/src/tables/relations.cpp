#include "tables/relations.hpp"

#include "tables/cell_index.hpp"
#include "tables/label.hpp"

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
  ri.terms.reserve(rel.terms.size());
  for (const Term& term : rel.terms) ri.terms.push_back({{pick(term.row, row), pick(term.col, col)}, term.sign});
  return ri;
}

void report(const ReportTable& table, const CellIndex& cells, const RelationInstance& ri, std::vector<Finding>& out) {
  const RelationDef& rel = *ri.def;
  // Blank or missing cells: reported elsewhere, not guessed.
  const std::optional<bool> holds = relation_holds(ri, [&](const CellRef& c) {
    const TableCell* x = cells.find(c.row, c.col);
    return x ? x->value : std::nullopt;
  });
  if (!holds || *holds) return;
  const TableCell* target = cells.find(ri.target.row, ri.target.col);
  // It fails: the message's formula and sums.
  Decimal sum;
  Decimal plus, minus;
  std::string formula, plus_text, minus_text;
  std::vector<Span> related;
  bool balance = false;  // terms on both sides: target + negatives = positives
  for (const auto& [ref, sign] : ri.terms) {
    const TableCell* c = cells.find(ref.row, ref.col);
    sum += sign < 0 ? Decimal() - *c->value : *c->value;
    if (!formula.empty() || sign < 0) formula += sign < 0 ? "−" : "+";
    formula += c->value->to_string();
    std::string& side = sign < 0 ? minus_text : plus_text;
    if (!side.empty()) side += '+';
    side += c->value->to_string();
    (sign < 0 ? minus : plus) += *c->value;
    balance = balance || sign < 0;
    related.push_back(c->span);
  }
  const Decimal actual = *target->value;
  if (rel.op == Op::equal ? actual == sum : actual <= sum) return;
  Finding f;
  f.rule = rel.rule;
  f.severity = rel.error ? Severity::error : Severity::warning;
  const bool several_columns = table.tmpl->rows.size() > 1 && ri.target.col != "统计数";
  auto cell_name = [&](const CellRef& c) {
    return "「" + std::string(c.row) + "」" + (several_columns ? "「" + std::string(c.col) + "」" : std::string());
  };
  const std::string where = cell_name(ri.target);
  const std::string note = "（" + std::string(rel.note) + "）";
  if (balance) {
    // Either side may hold the wrong figure: state both sums.
    f.message = (several_columns ? "「" + std::string(ri.target.col) + "」列：" : std::string()) + "一边为" + plus_text +
                "=" + plus.to_string() + "，另一边为" + actual.to_string() + "+" + minus_text + "=" +
                (actual + minus).to_string() + "，两者不相等" + note;
  } else if (rel.op == Op::equal) {
    f.message = where + "应为" + formula + "=" + sum.to_string() + "，表中填报为" + actual.to_string() + note;
  } else if (ri.terms.size() == 1) {
    f.message = where + "填报为" + actual.to_string() + "，大于" + cell_name(ri.terms.front().first) + "的" +
                sum.to_string() + note;
  } else {
    f.message = where + "填报为" + actual.to_string() + "，大于" + formula + "=" + sum.to_string() + note;
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
  out.reserve(t.relations.size());
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

namespace {

void check_table(const ReportTable& t, const std::vector<RelationInstance>& relations, std::vector<Finding>& out) {
  const CellIndex cells(t);
  for (const RelationInstance& ri : relations) report(t, cells, ri, out);
}

}  // namespace

std::vector<Finding> check_tables(const std::vector<ReportTable>& tables) {
  std::vector<Finding> out;
  for (const ReportTable& t : tables)
    if (t.tmpl) check_table(t, expand_relations(*t.tmpl), out);
  return out;
}

std::vector<Finding> check_tables(const std::vector<ReportTable>& tables, const TemplateIndex& index) {
  std::vector<Finding> out;
  for (const ReportTable& t : tables) {
    if (!t.tmpl) continue;
    if (const TemplateIndex::Template* x = index.find(t.tmpl)) check_table(t, x->relations, out);
    else check_table(t, expand_relations(*t.tmpl), out);  // a template of its own (not of templates_for())
  }
  return out;
}

}  // namespace nianbao
