// Run-together cells: placing the splits. Figures the text states for glued rows; the search
// across rows tied by relations (split_glued_rows), and the findings that say how each row was
// read or why it was not. Finding the rows: runtogether_find.cpp; the search within a row:
// runtogether_search.cpp.
#include "tables/runtogether.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string>

#include "text/text_figures.hpp"
#include "tables/label.hpp"
#include "tables/runtogether_search.hpp"
#include "tables/runtogether_text.hpp"

namespace nianbao {

using namespace runtogether;

namespace {

std::string list_values(const std::vector<Value>& v) {
  std::string s;
  for (const Value& d : v) s += (s.empty() ? "" : "、") + (d ? d->to_string() : std::string("（空白）"));
  return s;
}

std::string shown_digits(const std::string& digits) {
  std::string s;
  for (char c : digits) s += c == 'x' ? std::string("—") : c == '|' ? std::string("/") : std::string(1, c);
  return s;
}

std::string row_name(const GluedRow& g) {
  return g.flat ? std::string(g.tmpl->id == "T4" ? "表四（行政复议、行政诉讼）" : g.tmpl->id) : std::string(g.tmpl->rows[g.row].key);
}

/// Keeps an ambiguous row's fitting splits (those `shown` in its finding) with its table.
void record_ambiguous(ReportTable& rt, const RowWork& w, const std::vector<std::size_t>& shown, Span span) {
  AmbiguousRow a;
  for (const CellRef& c : w.cells) {
    a.rows.push_back(c.row);
    a.cols.push_back(c.col);
  }
  for (std::size_t c : shown) a.candidates.push_back(w.candidates[c]);
  a.span = span;
  rt.ambiguous.push_back(std::move(a));
}

}  // namespace

std::vector<StatedFigure> stated_figures(const Document& doc, const std::vector<GluedRow>& rows) {
  std::vector<StatedFigure> out;
  if (rows.empty()) return out;
  std::vector<const Paragraph*> paras;
  for (const Block& b : doc.blocks)
    if (b.kind == Block::Kind::paragraph) paras.push_back(&b.paragraph);
  const std::string_view name = rows.front().tmpl->template_name;
  const Format format = name == "2021" ? Format::f2021 : name == "2019" ? Format::f2019 : Format::legacy;
  for (const StatedCell& sc : stated_cells(paras, format)) {
    // Only a plain statement about one cell settles a split.
    if (sc.none || sc.scope != StatedCell::Scope::same) continue;
    const bool glued = std::any_of(rows.begin(), rows.end(), [&](const GluedRow& g) {
      if (g.flat || g.tmpl != sc.tmpl || g.tmpl->rows[g.row].key != sc.row) return false;
      const auto& cols = g.tmpl->rows[g.row].columns;
      return std::find(cols.begin(), cols.end(), sc.col) != cols.end();
    });
    if (glued) out.push_back({sc.row, sc.col, sc.value});
  }
  return out;
}

void split_glued_rows(const std::vector<GluedRow>& rows, const std::vector<StatedFigure>& stated, const TemplateIndex& index,
                      std::vector<ReportTable>& tables, std::vector<Finding>& findings) {
  if (rows.empty()) return;
  auto table_of = [&](const TableTemplate* t) -> ReportTable* {
    for (ReportTable& rt : tables)
      if (rt.tmpl == t) return &rt;
    return nullptr;
  };
  // A table crawled one cell per line: its lines, from the first row's label to the last
  // row's numbers, are the table's.
  for (const GluedRow& g : rows)
    if (ReportTable* rt = g.lines ? table_of(g.tmpl) : nullptr) {
      if (rt->text_spans.empty()) {
        rt->text_spans.push_back(g.region);
      } else {
        Span& s = rt->text_spans.front();
        if (g.region.start < s.start) { s.start = g.region.start; s.line = g.region.line; }
        s.end = std::max(s.end, g.region.end);
      }
    }
  // Rows already read from real tables stay as they are.
  std::vector<RowWork> work;
  for (const GluedRow& g : rows) {
    ReportTable* rt = table_of(g.tmpl);
    if (!rt) continue;
    RowWork w{&g, {}, {}, {}, {}, false, false};
    cells_of(w);
    const bool known = std::any_of(w.cells.begin(), w.cells.end(),
                                   [&](const CellRef& c) { return rt->find(c.row, c.col) != nullptr; });
    if (!known) work.push_back(std::move(w));
  }
  // Per row: the splits its own structure allows.
  std::map<const TableTemplate*, const std::vector<RelationInstance>*> relations;  // the index's, of the rows' templates
  std::size_t work_left = kMaxReportWork;
  for (RowWork& w : work) {
    const auto& rel = *relations.try_emplace(w.glued->tmpl, &index.of(w.glued->tmpl).relations).first->second;
    std::vector<RelationInstance> intra;
    for (const RelationInstance& ri : rel)
      if (covers(ri, w.cells)) intra.push_back(ri);
    enumerate(w, intra, work_left);
    if (w.candidates.empty() && !w.overflow) {
      enumerate(w, {}, work_left);
      if (w.candidates.size() == 1 && !w.overflow) {
        w.as_written = true;
        if (w.glued->lines) {
          // Unless a dropped line and a broken number would explain it: then say so, unread.
          RowWork mixed{w.glued, w.cells, w.defs, {}, {}, false, false};
          enumerate_mixed(mixed, intra, work_left);
          if (!mixed.candidates.empty() || mixed.overflow) {
            w.doubtful = true;
            for (std::size_t c = 0; c < mixed.candidates.size(); ++c) {
              w.candidates.push_back(mixed.candidates[c]);
              w.pieces.push_back(mixed.pieces[c]);
            }
          }
        }
      } else {
        w.candidates.clear();
        w.pieces.clear();
        w.overflow = false;
      }
    }
    // Figures the text states for this row's cells narrow its splits, each one if some split
    // fits it (a figure no split gives is the text's own error: text-table says so).
    for (const StatedFigure& sf : stated) {
      if (w.candidates.size() <= 1 || w.overflow) break;
      const auto at = std::find_if(w.cells.begin(), w.cells.end(), [&](const CellRef& c) { return c.row == sf.row && c.col == sf.col; });
      if (at == w.cells.end()) continue;
      const std::size_t i = static_cast<std::size_t>(at - w.cells.begin());
      std::vector<std::vector<Value>> kept;
      std::vector<std::vector<Piece>> kept_len;
      for (std::size_t c = 0; c < w.candidates.size(); ++c)
        if (w.candidates[c][i] && *w.candidates[c][i] == sf.value) {
          kept.push_back(w.candidates[c]);
          kept_len.push_back(w.pieces[c]);
        }
      if (kept.empty()) continue;
      w.candidates = std::move(kept);
      w.pieces = std::move(kept_len);
      w.by_text = true;
    }
  }
  // Across rows: every relation whose cells are all glued or already read with a value.
  CellMap<std::size_t> owner;  // cell -> work index
  for (std::size_t k = 0; k < work.size(); ++k)
    if (!work[k].candidates.empty() && !work[k].overflow && !work[k].as_written && !work[k].doubtful)
      for (const CellRef& c : work[k].cells) owner[{c.row, c.col}] = k;
  Values known;
  for (const ReportTable& rt : tables)
    for (const TableCell& c : rt.cells) known[{c.row, c.col}] = c.value;
  // Relations tie rows together; rows tied by no relation are solved apart (their choices do
  // not multiply), each group of tied rows by one search.
  // The cells of the relations used across rows, as slots of `values`: a value read from a
  // table, or one the search sets.
  CellMap<std::size_t> slot_of;
  std::vector<Value> values;
  auto slot = [&](const CellRef& c) {
    const auto [it, fresh] = slot_of.try_emplace({c.row, c.col}, values.size());
    if (fresh) {
      const auto k = known.find({c.row, c.col});
      values.push_back(k != known.end() ? k->second : Value{});
    }
    return it->second;
  };
  std::vector<std::vector<IndexedRelation>> ready(work.size());
  std::vector<std::size_t> group(work.size());
  for (std::size_t k = 0; k < work.size(); ++k) group[k] = k;
  auto find = [&](std::size_t k) {
    while (group[k] != k) k = group[k] = group[group[k]];
    return k;
  };
  for (const auto& [tmpl, rels] : relations)
    for (const RelationInstance& ri : *rels) {
      std::vector<std::size_t> owners;
      bool usable = true;
      auto visit = [&](const CellRef& c) {
        auto it = owner.find({c.row, c.col});
        if (it != owner.end()) owners.push_back(it->second);
        else if (!known.count({c.row, c.col})) usable = false;
      };
      visit(ri.target);
      for (const auto& [ref, sign] : ri.terms) visit(ref);
      if (!usable || owners.empty()) continue;
      ready[*std::max_element(owners.begin(), owners.end())].push_back(indexed(ri, slot));
      for (std::size_t o : owners) group[find(o)] = find(owners.front());
    }
  std::vector<std::size_t> choice(work.size(), 0);
  std::vector<std::set<std::size_t>> used(work.size());
  std::vector<bool> solved(work.size(), false);  // its group has solutions and was searched fully
  std::vector<std::vector<std::size_t>> cell_slot(work.size());  // per row cell: its slot, or npos
  for (std::size_t k = 0; k < work.size(); ++k)
    for (const CellRef& c : work[k].cells) {
      const auto it = slot_of.find({c.row, c.col});
      cell_slot[k].push_back(it != slot_of.end() ? it->second : std::string_view::npos);
    }
  for (std::size_t root = 0; root < work.size(); ++root) {
    std::vector<std::size_t> members;
    for (std::size_t k = 0; k < work.size(); ++k)
      if (find(k) == root && !work[k].candidates.empty() && !work[k].overflow) members.push_back(k);
    if (members.empty()) continue;
    std::size_t solutions = 0, steps = 0;
    bool aborted = false;
    auto rec = [&](auto&& self, std::size_t m) -> void {
      if (aborted) return;
      if (m == members.size()) {
        ++solutions;
        for (std::size_t k : members) used[k].insert(choice[k]);
        if (solutions >= kMaxSolutions) aborted = true;
        return;
      }
      const std::size_t k = members[m];
      for (std::size_t c = 0; c < work[k].candidates.size(); ++c) {
        if (++steps > kMaxGroupWork || work_left == 0) { aborted = true; return; }
        --work_left;
        choice[k] = c;
        for (std::size_t i = 0; i < work[k].cells.size(); ++i)
          if (cell_slot[k][i] != std::string_view::npos) values[cell_slot[k][i]] = work[k].candidates[c][i];
        bool ok = true;
        for (const IndexedRelation& x : ready[k]) ok = ok && holds(x, values);
        if (ok) self(self, m + 1);
        if (aborted) return;
      }
    };
    rec(rec, 0);
    for (std::size_t k : members) {
      solved[k] = solutions > 0 && !aborted;
      if (!solved[k]) used[k].clear();
    }
  }

  std::vector<std::pair<std::size_t, std::size_t>> short_rows;  // work index, its table-shape finding
  for (std::size_t k = 0; k < work.size(); ++k) {
    RowWork& w = work[k];
    const GluedRow& g = *w.glued;
    const Span span = join(g.digit_spans.front(), g.digit_spans.back());
    const std::string written = shown_digits(g.digits);
    const std::string written_as = g.lines ? "的数字分行写作“" : "的数字连写为“";
    // Numbers written apart, one per cell: nothing was split.
    const bool apart = !w.repaired && static_cast<std::size_t>(std::count_if(g.digits.begin(), g.digits.end(), [](char c) {
                                        return c == ' ' || c == '|';
                                      })) + 1 == w.cells.size();
    std::optional<std::size_t> pick;
    std::string why;
    if (w.doubtful) {
      // (Left unread: reported below with its readings.)
    } else if (w.candidates.size() == 1 && !w.overflow) {
      pick = 0;
      why = w.as_written ? "只有一种拆分方式（但不符合本行的勾稽关系，见表格检查）"
            : w.by_text ? "只有一种拆分与正文所述数字一致"
                      : solved[k] ? "只有一种拆分符合模板的勾稽关系" : "只有一种拆分符合本行的结构";
    } else if (solved[k] && used[k].size() == 1 && !w.overflow) {
      pick = *used[k].begin();
      why = "只有一种拆分同时符合各行之间的勾稽关系";
    }
    if (apart && pick) {
      // Numbers written apart: nothing was guessed, nothing to say.
    } else if (pick) {
      Finding f;
      f.rule = Rule::cell_split;
      f.severity = Severity::info;
      f.message = "「" + row_name(g) + "」" + written_as + written + "”，" + why + "，按 " + list_values(w.candidates[*pick]) + " 读取";
      f.span = span;
      findings.push_back(std::move(f));
    } else {
      Finding f;
      f.rule = Rule::cell_ambiguous;
      f.severity = Severity::warning;
      if (w.doubtful) {
        std::string list;
        for (std::size_t c = 1; c < w.candidates.size() && c < 4; ++c) list += (c > 1 ? "；" : "") + list_values(w.candidates[c]);
        f.message = "「" + row_name(g) + "」" + written_as + written + "”，照写读作 " + list_values(w.candidates[0]) +
                    " 不符合本行的勾稽关系，而若有一行重复的数字被漏掉、另一个数字被拆成两行，则可读作 " +
                    (list.empty() ? std::string("另一种拆分") : list) + "，无法确定，该行未参与检查";
      } else if (w.candidates.empty() && w.overflow) {  // the search gave up: nothing is known of its splits
        f.message = "「" + row_name(g) + "」" + written_as + written + "”，可能的拆分太多，未能逐一核对，无法确定，该行未参与检查";
      } else if (const std::size_t most = static_cast<std::size_t>(std::count_if(g.digits.begin(), g.digits.end(), [](char c) {
                   return is_digit(c) || c == 'x';
                 }));
                 w.candidates.empty() && !g.lines && most < w.cells.size()) {
        // Fewer digits than cells: the row lacks numbers (a cell left empty), whatever the split.
        f.rule = Rule::table_shape;
        f.message = "表格行「" + row_name(g) + "」的数字“" + written + "”最多只能拆成" + std::to_string(most) + "个数值，模板该行应有" +
                    std::to_string(w.cells.size()) + "个（可能有单元格未填写）";
        short_rows.push_back({k, findings.size()});
      } else if (w.candidates.empty()) {
        f.message = "「" + row_name(g) + "」的数字“" + written + "”无法拆分为" + std::to_string(w.cells.size()) +
                    "个符合本行勾稽关系的数，该行数字可能有误，未参与检查";
      } else {
        std::vector<std::size_t> shown;
        if (solved[k] && !used[k].empty()) shown.assign(used[k].begin(), used[k].end());
        else for (std::size_t c = 0; c < w.candidates.size(); ++c) shown.push_back(c);
        std::string list;
        for (std::size_t c = 0; c < shown.size() && c < 3; ++c) list += (c ? "；" : "") + list_values(w.candidates[shown[c]]);
        // Cells every fitting split gives the same value in the same digits are read all the same.
        std::vector<std::size_t> agreed;
        if (!w.overflow)
          for (std::size_t i = 0; i < w.cells.size(); ++i)
            if (std::all_of(shown.begin(), shown.end(), [&](std::size_t c) {
                  return w.candidates[c][i] == w.candidates[shown.front()][i] && w.pieces[c][i] == w.pieces[shown.front()][i];
                }))
              agreed.push_back(i);
        // (One cell alone of a row is not placed: a table of one value per row would take it for
        // that row's only cell.)
        if (agreed.size() < 2) agreed.clear();
        std::string read;
        for (std::size_t i : agreed) {
          const Value& v = w.candidates[shown.front()][i];
          if (!v) continue;
          const auto [at, len] = w.pieces[shown.front()][i];
          std::string raw = shown_digits(g.digits.substr(at, len));
          raw.erase(std::remove(raw.begin(), raw.end(), '/'), raw.end());
          table_of(g.tmpl)->cells.push_back({w.cells[i].row, w.cells[i].col, v, raw, join(g.digit_spans[at], g.digit_spans[at + len - 1])});
          read += (read.empty() ? "" : "、") + (g.flat ? std::string(w.cells[i].row) + "/" : std::string()) + std::string(w.cells[i].col) +
                  " " + v->to_string();
        }
        f.message = "「" + row_name(g) + "」" + written_as + written + "”，有" + (w.overflow ? std::string("很多") : std::to_string(shown.size())) +
                    "种拆分都符合模板（如 " + list + "），无法确定，" +
                    (read.empty() ? std::string("该行未参与检查") : "只读取各拆分一致的" + read + "，该行其余数字未参与检查");
        if (!w.overflow) record_ambiguous(*table_of(g.tmpl), w, shown, span);
      }
      f.span = span;
      findings.push_back(std::move(f));
      continue;
    }
    // Place the cells: the digits of each value give its span and raw text.
    ReportTable* rt = table_of(g.tmpl);
    for (std::size_t i = 0; i < w.cells.size(); ++i) {
      const Value v = w.candidates[*pick][i];
      const auto [at, len] = w.pieces[*pick][i];
      std::string raw = shown_digits(g.digits.substr(at, len));
      raw.erase(std::remove(raw.begin(), raw.end(), '/'), raw.end());  // a number broken over lines
      const Span s = join(g.digit_spans[at], g.digit_spans[at + len - 1]);
      if (!v) {
        Finding f;
        f.rule = Rule::cell_blank;
        f.severity = Severity::warning;
        f.message = "「" + std::string(w.cells[i].row) + "」「" + std::string(w.cells[i].col) + "」未填写数字（" + raw +
                    "），不按0计算，相关勾稽检查已跳过";
        f.span = s;
        findings.push_back(std::move(f));
      }
      rt->cells.push_back({w.cells[i].row, w.cells[i].col, v, raw, s});
    }
  }
  // Rows with a cell left empty: read when the other rows pin each of their cells and the
  // numbers written are those values but the empty ones; else not checked.
  for (const auto& [k, fi] : short_rows) {
    const RowWork& w = work[k];
    ReportTable* rt = table_of(w.glued->tmpl);
    const auto values = pinned_row(w, *rt, *relations.at(w.glued->tmpl));
    Finding& f = findings[fi];
    if (!values) {
      f.message += "，该行未参与检查";
      continue;
    }
    std::string list;
    for (const Decimal& v : *values) list += (list.empty() ? "" : "、") + v.to_string();
    f.message += "；按其他各行和勾稽关系，该行各列只能是 " + list + "，与所填数字相符，按此读取";
    for (std::size_t i = 0; i < w.cells.size(); ++i) rt->cells.push_back({w.cells[i].row, w.cells[i].col, (*values)[i], "", f.span});
  }
}

}  // namespace nianbao
