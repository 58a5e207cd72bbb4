// Run-together cells: finding the rows. Template labels that end where a run of numbers
// starts, paragraph by paragraph for all templates at once; a header-only table's labels and its
// one run; a row whose label is written differently, by its place between two rows found.
#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <set>

#include "util/strings.hpp"
#include "tables/label.hpp"
#include "tables/runtogether.hpp"
#include "tables/runtogether_text.hpp"
#include "util/number.hpp"

namespace nianbao {

using namespace runtogether;

namespace {

/// A row whose label is written a little differently ("其他法律和行政法规禁止公开", "不再受理")
/// is not found by its label; but when it is the one template row missing between two rows
/// found, its place is known: the text between them is its label and numbers, taken when the
/// label is close to the template's (label_score, as the matcher accepts a table's labels).
template <class At>
void missing_between(const Document& doc, const Paragraph& p, bool lines, const TemplateIndex::Template& keys,
                     std::size_t n_placed, At at, std::set<std::size_t>& seen, std::vector<GluedRow>& found) {
  const TableTemplate* t = keys.tmpl;
  const std::string& text = p.text;
  for (std::size_t k = 1; k < n_placed; ++k) {
    const auto [r1, b1, e1] = at(k - 1);
    const auto b2 = at(k)[1];
    if (b2 <= e1 || b2 - e1 > 1200) continue;
    std::vector<std::size_t> missing;
    for (std::size_t r = r1 + 1; r < at(k)[0]; ++r)
      if (!t->rows[r].group) missing.push_back(r);
    std::size_t cursor = e1;
    for (std::size_t m = 0; m < missing.size() && !seen.count(missing[m]); ++m) {
      // The label: from the cursor to the last label character before the next number.
      std::size_t label_end = 0;
      for (std::size_t i = cursor; i < b2 && !label_end; ++i) {
        if (!is_digit(text[i])) continue;
        {  // an item number ("1.申请人…") is part of the label
          std::size_t e = i, len = 0;
          while (e < b2 && is_digit(text[e])) ++e;
          std::size_t h = e < b2 && text[e] == '.' ? e + 1 : starts_with(std::string_view(text).substr(e), "、") ? e + 3 : 0;
          const bool short_number = e - i == 1 || (e - i == 2 && text[i] != '0');
          if (short_number && h && h < text.size() && utf8::is_han(utf8::decode(text, h, len))) {
            i = e;
            continue;
          }
        }
        std::size_t k2 = i;
        while (k2 > cursor && (text[k2 - 1] == ' ' || text[k2 - 1] == '\n')) --k2;
        std::size_t len = 0;
        if (k2 > cursor && utf8::is_han(utf8::decode(text, char_before(text, k2), len))) label_end = k2;
      }
      if (!label_end) break;
      auto after = read_after(text, label_end, false);
      if (!after || after->end > b2) break;
      if (m + 1 == missing.size()) {
        bool clean = true;  // nothing but the next row's numbering after the last one's numbers
        for (std::size_t j = after->end; j < b2;) {
          std::size_t len = 0;
          if (utf8::is_han(utf8::decode(text, j, len))) clean = false;
          j += len ? len : 1;
        }
        if (!clean) break;
      }
      // The label as written, or what follows an item number in it (a group label before it:
      // "（六）其他处理1.申请人…").
      const std::string_view written = std::string_view(text).substr(cursor, label_end - cursor);
      bool close = label_score(label_key(written), keys.rows[missing[m]].key) > 0;
      for (std::size_t j = 1; !close && j + 1 < written.size(); ++j)
        if (written[j] == '.' && is_digit(written[j - 1]))
          close = label_score(label_key(written.substr(j + 1)), keys.rows[missing[m]].key) > 0;
      if (!close) break;
      std::size_t begin = cursor;
      while (begin < label_end && (text[begin] == ' ' || text[begin] == '\n')) ++begin;
      found.push_back({t, missing[m], false, after->digits, spans_of(doc, p, *after), lines, region(doc, p, begin, after->end)});
      seen.insert(missing[m]);
      cursor = after->end;
    }
  }
}

}  // namespace

std::vector<GluedRow> find_glued_rows(const Document& doc, Format format, const TemplateIndex& index, std::size_t min_rows) {
  return find_glued_rows(doc, format, index, number_runs(doc), min_rows);
}

std::vector<GluedRow> find_glued_rows(const Document& doc, Format format, const TemplateIndex& index,
                                      const NumberRuns& runs, std::size_t min_rows) {
  const std::vector<const Paragraph*>& paras = runs.paras;
  const std::vector<std::vector<std::size_t>>& run_starts = runs.starts;
  const auto templates = templates_for(format);
  std::vector<std::vector<GluedRow>> per_template(templates.size());  // the rows found, by template
  // The templates with rows (not header-only), searched below.
  struct Scan {
    std::size_t ti;  // index in `templates`
    const TableTemplate* t;
    const TemplateIndex::Template* keys;
    bool unit_first;
    std::set<std::size_t> seen;  // its rows found
  };
  std::vector<Scan> scanned;
  for (std::size_t ti = 0; ti < templates.size(); ++ti) {
    const TableTemplate* t = templates[ti];
    const TemplateIndex::Template& keys = index.of(t);
    if (t->flat) {
      // A header-only table: its header labels, then all numbers in one run.
      std::size_t cells = 0;
      for (const RowDef& r : t->rows) cells += r.columns.size();
      const std::u32string& first = keys.rows.front().key.core;
      for (std::size_t pi = 0; pi < paras.size(); ++pi) {
        if (run_starts[pi].empty()) continue;
        const std::string& text = paras[pi]->text;
        const std::size_t a = find_label(text, first);
        if (a == std::string::npos) continue;
        const bool lines = runs.lines[pi];
        for (std::size_t i = a; i < text.size(); ++i) {
          if (!is_digit(text[i]) && text[i] != ' ' && text[i] != '\n') continue;
          auto after = read_after(text, i, false);
          if (!after) {  // (past the numbers it read: each is read once)
            while (i + 1 < text.size() && (is_digit(text[i + 1]) || text[i + 1] == ' ' || text[i + 1] == '\n' || text[i + 1] == '.')) ++i;
            continue;
          }
          const std::size_t tokens = 1 + std::count_if(after->digits.begin(), after->digits.end(), [](char c) { return c == ' ' || c == '|'; });
          const std::size_t units = after->digits.size() + 1 - tokens;
          // (One cell per line: dropped lines make fewer, broken numbers more.)
          if (lines ? tokens <= 2 * cells : units >= cells && tokens <= cells) {
            GluedRow g{t, 0, true, after->digits, spans_of(doc, *paras[pi], *after), lines, region(doc, *paras[pi], after->ranges.front().first, after->end)};
            per_template[ti].push_back(std::move(g));
            break;
          }
          i = after->end;
        }
        if (!per_template[ti].empty()) break;
      }
      continue;
    }
    scanned.push_back({ti, t, &keys, t->id == "legacy", {}});
  }
  // The other templates' rows, paragraph by paragraph (each paragraph's text is read once for
  // all of them, while it is in the cache): labels that end where numbers start.
  // Where numbers start, walk back over what may stand between a label and its numbers (spaces,
  // closing brackets and quotes, and for the legacy table a unit) to where a label would end: the
  // same places for every template, so found once per paragraph (in the order first reached, each
  // once), with the label character that ends there. Most paragraphs have few such places.
  struct LabelEnd {
    std::size_t e;  // where the label would end (byte)
    char32_t last;  // its last character
  };
  const bool any_unit_first = std::any_of(scanned.begin(), scanned.end(), [](const Scan& sc) { return sc.unit_first; });
  const bool any_plain = std::any_of(scanned.begin(), scanned.end(), [](const Scan& sc) { return !sc.unit_first; });
  std::array<std::vector<LabelEnd>, 2> label_ends;  // [unit_first]
  std::vector<std::size_t> tried;  // where labels were looked for (sorted)
  auto find_label_ends = [&](const std::string& text, const std::vector<std::size_t>& starts, bool unit_first,
                             std::vector<LabelEnd>& out) {
    out.clear();
    tried.clear();
    for (const std::size_t i : starts) {
      std::size_t k = i;
      while (k > 0 && (text[k - 1] == ' ' || text[k - 1] == '\n')) --k;
      std::array<std::size_t, 2> ends{k, 0};
      std::size_t n_ends = 1;
      if (unit_first)  // (the last bytes compared first: most places have no unit)
        for (std::string_view u : kUnitWords)
          if (k >= u.size() && text[k - 1] == u.back() && starts_with(std::string_view(text).substr(k - u.size()), u)) {
            ends[n_ends++] = k - u.size();
            break;
          }
      for (std::size_t ei = 0; ei < n_ends; ++ei) {
        std::size_t e = ends[ei];
        for (bool more = true; more && e > 0;) {
          more = false;
          // (Only a byte that ends one of the marks can: ) ] " : and the last bytes of ” ’ 」 】.)
          const auto last_byte = static_cast<unsigned char>(text[e - 1]);
          if (last_byte != ')' && last_byte != ']' && last_byte != '"' && last_byte != ':' && last_byte != 0x9D &&
              last_byte != 0x99 && last_byte != 0x8D && last_byte != 0x91)
            break;
          for (std::string_view c : {")", "]", "”", "\"", "’", "」", "】", ":"})
            if (e >= c.size() && starts_with(std::string_view(text).substr(e - c.size()), c)) { e -= c.size(); more = true; }
        }
        // (A set of the places tried, kept sorted: they nearly always come in increasing order.)
        if (tried.empty() || e > tried.back()) {
          tried.push_back(e);
        } else {
          const auto at = std::lower_bound(tried.begin(), tried.end(), e);
          if (*at == e) continue;
          tried.insert(at, e);
        }
        if (e == 0) continue;
        // The label character that ends at `e`, if one does.
        const std::size_t lb = char_before(text, e);
        std::size_t llen = 0;
        const char32_t last = utf8::decode(text, lb, llen);
        if (lb + llen != e || !is_label_char(last)) continue;
        out.push_back({e, last});
      }
    }
  };
  for (std::size_t pi = 0; pi < paras.size(); ++pi) {
    const std::string& text = paras[pi]->text;
    if (run_starts[pi].empty()) continue;
    if (any_plain) find_label_ends(text, run_starts[pi], false, label_ends[0]);
    if (any_unit_first) find_label_ends(text, run_starts[pi], true, label_ends[1]);
    for (Scan& sc : scanned) {
      const TableTemplate* const t = sc.t;
      const TemplateIndex::Template& keys = *sc.keys;
      const bool unit_first = sc.unit_first;
      std::vector<GluedRow>& found = per_template[sc.ti];
      std::set<std::size_t>& seen = sc.seen;
      // Every label that ends at one of the places with numbers after it (labels by their last
      // character: keys.by_last).
      struct Hit {
        std::size_t a, len;  // where the label starts (byte), its length (characters)
        After after;
      };
      std::map<std::size_t, std::vector<Hit>> hits;  // row -> hits in text order
      for (const LabelEnd& le : label_ends[unit_first]) {
        const auto labels = keys.by_last.find(le.last);
        if (labels == keys.by_last.end()) continue;
        for (const auto& [r, core] : labels->second) {
          const std::size_t a = label_ending_at(text, le.e, *core);
          if (a == std::string::npos) continue;
          if (auto after = read_after(text, le.e, unit_first, t->rows[r].decimal_ok)) hits[r].push_back({a, core->size(), std::move(*after)});
        }
      }
      if (hits.empty()) continue;
      std::size_t pos = 0;              // labels start at or after this byte: past the previous row's digits
      std::optional<std::size_t> prev;  // index into `found` of the previous row in this paragraph
      std::size_t prev_end = 0;         // byte after its digits
      struct Placed {
        std::size_t r, begin, end;  // template row, its label's start, the byte after its numbers
      };
      std::vector<Placed> placed;  // the rows found in this paragraph, in order
      for (std::size_t r = 0; r < t->rows.size(); ++r) {
        if (t->rows[r].group || seen.count(r) || !hits.count(r)) continue;
        // The first occurrence at or after `pos`; at one place the longer label (with its note).
        const Hit* first = nullptr;
        for (const Hit& h : hits[r])
          if (h.a >= pos && (!first || h.a < first->a || (h.a == first->a && h.len > first->len))) first = &h;
        if (!first) continue;
        const std::size_t label_begin = first->a;
        // The next item's number run into the previous digits: "…信息32000003" + "2" + ".属于…".
        const std::u32string& numbering = keys.rows[r].key.numbering;
        if (prev && !numbering.empty() &&
            std::all_of(numbering.begin(), numbering.end(), [](char32_t c) { return c >= U'0' && c <= U'9'; })) {
          GluedRow& p = found[*prev];
          std::string num;
          for (char32_t c : numbering) num.push_back(static_cast<char>(c));
          const std::string_view between = std::string_view(text).substr(prev_end, label_begin - prev_end);
          const bool glued = between.empty() || between == "." || between == "、" || between == ")";
          if (glued && p.digits.size() > num.size() &&
              p.digits.compare(p.digits.size() - num.size(), num.size(), num) == 0) {
            p.digits.resize(p.digits.size() - num.size());
            while (!p.digits.empty() && (p.digits.back() == ' ' || p.digits.back() == '|')) p.digits.pop_back();
            p.digit_spans.resize(p.digits.size());
          }
        }
        GluedRow g{t, r, false, first->after.digits, spans_of(doc, *paras[pi], first->after), runs.lines[pi],
                   region(doc, *paras[pi], label_begin, first->after.end)};
        found.push_back(std::move(g));
        seen.insert(r);
        prev = found.size() - 1;
        prev_end = first->after.end;
        pos = first->after.end;
        placed.push_back({r, label_begin, first->after.end});
      }
      missing_between(doc, *paras[pi], runs.lines[pi], keys, placed.size(),
                      [&](std::size_t k) { return std::array<std::size_t, 3>{placed[k].r, placed[k].begin, placed[k].end}; },
                      seen, found);
    }
  }
  // In template order: a header-only table's row, or the rows of another if there are enough.
  std::vector<GluedRow> result;
  for (std::size_t ti = 0; ti < templates.size(); ++ti) {
    std::vector<GluedRow>& rows = per_template[ti];
    if (!templates[ti]->flat && rows.size() < min_rows) continue;
    result.insert(result.end(), std::make_move_iterator(rows.begin()), std::make_move_iterator(rows.end()));
  }
  return result;
}

}  // namespace nianbao
