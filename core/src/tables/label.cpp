#include "tables/label.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <vector>

#include "util/utf8.hpp"

namespace nianbao {

namespace {

char32_t fold(char32_t c) {
  if (c >= 0xFF01 && c <= 0xFF5E) return c - 0xFEE0;  // full-width ASCII
  if (c == 0x3000 || c == 0xA0) return U' ';
  return c;
}

bool is_cn_numeral(char32_t c) {
  switch (c) {
    case U'一': case U'二': case U'三': case U'四': case U'五': case U'六': case U'七': case U'八': case U'九':
    case U'十': case U'〇': case U'零': return true;
    default: return false;
  }
}
bool is_space(char32_t c) { return c == U' ' || c == U'\t' || c == U'\r' || c == U'\n'; }
bool keep_in_core(char32_t c) {
  return utf8::is_han(c) || utf8::is_digit_cp(c) || (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z');
}

}  // namespace

LabelKey label_key(std::string_view label) { return label_key_impl(label, true); }

std::u32string full_core(std::string_view label) { return label_key_impl(label, false).core; }

bool may_have_note(std::string_view label) {
  // The openers label_key_impl drops notes at, as UTF-8 before fold(): ( [ 【 （ ［.
  for (std::size_t i = 0; i < label.size(); ++i) {
    const char c = label[i];
    if (c == '(' || c == '[') return true;
    const std::string_view three = label.substr(i, 3);
    if ((c == '\xE3' && three == "【") || (c == '\xEF' && (three == "（" || three == "［"))) return true;
  }
  return false;
}

LabelKey label_key_impl(std::string_view label, bool drop_notes) {
  // The label's code points (folded): on the stack for labels of a table cell's size.
  std::array<char32_t, 256> buffer;
  std::u32string heap;
  std::size_t count = 0;
  if (label.size() > buffer.size()) heap.resize(label.size());
  char32_t* const out = label.size() > buffer.size() ? heap.data() : buffer.data();
  for (std::size_t i = 0; i < label.size();) {
    const auto b = static_cast<unsigned char>(label[i]);
    if (b < 0x80) {  // ASCII and the usual three-byte characters without decode()
      out[count++] = b;
      ++i;
      continue;
    }
    std::size_t len = utf8::plain_three(label, i);
    out[count++] = fold(len ? utf8::three(label, i) : utf8::decode(label, i, len));
    i += len;
  }
  const std::u32string_view s(out, count);
  std::size_t i = 0;
  while (i < s.size() && is_space(s[i])) ++i;
  LabelKey key;
  // Leading numbering: "(一)", "一、", "1.", "1、", "(1)", "其中:".
  auto numeral_run = [&](std::size_t at) {
    std::size_t j = at;
    if (j < s.size() && utf8::is_digit_cp(s[j])) {
      while (j < s.size() && utf8::is_digit_cp(s[j])) ++j;
    } else {
      while (j < s.size() && is_cn_numeral(s[j])) ++j;
    }
    return j;
  };
  if (i < s.size() && s[i] == U'(') {
    const std::size_t j = numeral_run(i + 1);
    if (j > i + 1 && j < s.size() && s[j] == U')') {
      key.numbering = s.substr(i + 1, j - i - 1);
      i = j + 1;
    }
  } else if (s.compare(i, 2, U"其中") == 0) {
    key.numbering = U"其中";
    i += 2;
    if (i < s.size() && s[i] == U':') ++i;
  } else {
    const std::size_t j = numeral_run(i);
    if (j > i && j < s.size() && (s[j] == U'、' || s[j] == U'.' || s[j] == U')' || s[j] == U'．')) {
      // "1.5" is a number, not numbering
      if (!(s[j] == U'.' && j + 1 < s.size() && utf8::is_digit_cp(s[j + 1]))) {
        key.numbering = s.substr(i, j - i);
        i = j + 1;
      }
    }
  }
  // Core: drop bracketed notes (after the first character), punctuation and spaces.
  key.core.resize(s.size() - i);  // (written in place, then cut to what was kept)
  char32_t* const core = key.core.data();
  std::size_t kept = 0;
  int depth = 0;
  for (std::size_t k = i; k < s.size(); ++k) {
    const char32_t c = s[k];
    if (drop_notes && (c == U'(' || c == U'[' || c == U'【') && kept > 0) { ++depth; continue; }
    if ((c == U')' || c == U']' || c == U'】') && depth > 0) { --depth; continue; }
    if (depth == 0 && keep_in_core(c)) core[kept++] = c;
  }
  key.core.resize(kept);
  return key;
}

namespace {

/// The LCS table two rows at a time, in `prev` and `cur` (b.size() + 1 entries each, zero).
std::size_t lcs_rows(std::u32string_view a, std::u32string_view b, std::size_t* prev, std::size_t* cur) {
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j)
      cur[j] = a[i - 1] == b[j - 1] ? prev[j - 1] + 1 : std::max(prev[j], cur[j - 1]);
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

}  // namespace

std::size_t lcs_length(std::u32string_view a, std::u32string_view b) {
  if (a.empty() || b.empty()) return 0;
  if (b.size() < 128) {  // labels: the two rows on the stack
    std::array<std::size_t, 128> prev, cur;
    std::fill_n(prev.begin(), b.size() + 1, 0);
    std::fill_n(cur.begin(), b.size() + 1, 0);
    return lcs_rows(a, b, prev.data(), cur.data());
  }
  std::vector<std::size_t> prev(b.size() + 1, 0), cur(b.size() + 1, 0);
  return lcs_rows(a, b, prev.data(), cur.data());
}

int label_score(const LabelKey& row, const LabelKey& tmpl) {
  if (row.core.empty() || tmpl.core.empty()) return 0;
  const bool numbering_differs =
      !row.numbering.empty() && !tmpl.numbering.empty() && row.numbering != tmpl.numbering;
  if (row.core == tmpl.core) return numbering_differs ? 90 : 100;
  // The official label without its first one or two characters ("规范性文件" for the 2021
  // "行政规范性文件": the 2019 wording, or a converter's cut): a close match.
  if (is_cut_label(row.core.size(), tmpl.core.size()) && std::u32string_view(tmpl.core).ends_with(row.core))
    return 50 + static_cast<int>(40 * row.core.size() / tmpl.core.size()) - (numbering_differs ? 30 : 0);
  constexpr std::size_t kMaxFuzzy = 96;  // longer labels are not compared fuzzily (bounded cost)
  if (row.core.size() > kMaxFuzzy || tmpl.core.size() < 2) return 0;
  const std::size_t longer = std::max(row.core.size(), tmpl.core.size());
  const std::size_t shorter = std::min(row.core.size(), tmpl.core.size());
  // Cheap bound before the quadratic LCS: neither acceptance rule below can hold.
  if (longer - shorter > 4 && row.core.size() * 2 > tmpl.core.size() * 3) return 0;
  if (longer - shorter > 4 && row.core.size() < tmpl.core.size()) return 0;
  // The characters the two have in common (as a multiset; by a hash of each character, so at
  // least as many) bound the LCS from above: when even that many could not be accepted below,
  // the LCS cannot either.
  {
    std::array<std::uint8_t, 256> count{};
    for (char32_t c : tmpl.core) ++count[(c * 2654435761u) >> 24];
    std::size_t bound = 0;
    for (char32_t c : row.core) {
      std::uint8_t& n = count[(c * 2654435761u) >> 24];
      if (n) { --n; ++bound; }
    }
    const bool could_contain = bound == tmpl.core.size() && tmpl.core.size() >= 6 && row.core.size() * 2 <= tmpl.core.size() * 3;
    if (!could_contain && (bound * 4 < longer * 3 || longer - bound > 4)) return 0;
  }
  const std::size_t common = lcs_length(row.core, tmpl.core);
  // Close misspellings and small insertions: at least 75% of the longer label in order.
  // A template label found whole inside a slightly longer one ("告知通过转其他途径办理数").
  const bool contained = common == tmpl.core.size() && tmpl.core.size() >= 6 &&
                         row.core.size() * 2 <= tmpl.core.size() * 3;
  if (!contained && (common * 4 < longer * 3 || longer - common > 4)) return 0;
  int score = 50 + static_cast<int>(40 * common / longer);
  if (numbering_differs) score -= 30;
  return score;
}

TemplateIndex::TemplateIndex() {
  for (Format f : {Format::legacy, Format::f2019, Format::f2021})
    for (const TableTemplate* t : templates_for(f)) {
      auto x = std::make_unique<Template>();
      x->tmpl = t;
      for (const RowDef& r : t->rows) {
        LabelKey key = label_key(r.label);
        const std::uint64_t chars = char_bits(key.core);
        x->rows.push_back({std::move(key), full_core(r.label), chars, r.alias.empty() ? std::u32string() : full_core(r.alias)});
      }
      for (std::size_t r = 0; r < t->rows.size(); ++r) {
        if (t->rows[r].group) continue;
        const Row& k = x->rows[r];
        for (const std::u32string* core : {&k.full, &k.key.core})
          if (core->size() >= 2 && (core == &k.full || *core != k.full)) x->by_last[core->back()].push_back({r, core});
        if (k.alias.size() >= 2) x->by_last[k.alias.back()].push_back({r, &k.alias});
      }
      x->relations = expand_relations(*t);
      templates_.push_back(std::move(x));
    }
  for (const Fingerprint& f : format_fingerprints()) {
    fingerprints_.push_back(label_key(f.label));
    const std::u32string& core = fingerprints_.back().core;
    fingerprint_bits_.push_back(char_bits(core));
    fingerprints_have_han_ = fingerprints_have_han_ && std::any_of(core.begin(), core.end(), [](char32_t c) { return c >= 0x80; });
  }
  for (Format f : {Format::legacy, Format::f2019, Format::f2021}) {
    Candidates& c = candidates_[static_cast<std::size_t>(f)];
    for (const TableTemplate* t : templates_for(f)) {
      if (t->flat) continue;
      const Template& x = of(t);
      for (std::size_t r = 0; r < t->rows.size(); ++r) c.list.push_back({t, r, c.list.size(), &x.rows[r]});
    }
    for (std::size_t i = 0; i < c.list.size(); ++i) {
      c.by_core[c.list[i].keys->key.core].push_back(i);
      c.by_size.emplace_back(c.list[i].keys->key.core.size(), i);
    }
    std::sort(c.by_size.begin(), c.by_size.end());
  }
}

const TemplateIndex::Candidates& TemplateIndex::candidates(Format f) const {
  return candidates_[static_cast<std::size_t>(f) < candidates_.size() ? static_cast<std::size_t>(f) : 0];
}

const TemplateIndex::Template* TemplateIndex::find(const TableTemplate* t) const {
  for (const auto& x : templates_)
    if (x->tmpl == t) return x.get();
  return nullptr;
}

const TemplateIndex::Template& TemplateIndex::of(const TableTemplate* t) const {
  const Template* x = find(t);
  return x ? *x : *templates_.front();  // (unreachable: every template of templates_for() is indexed)
}

std::string_view table_title(std::string_view id) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 3> kTitles{
      {{"T2", "表二"}, {"T3", "表三"}, {"T4", "表四"}}};
  for (const auto& [k, v] : kTitles)
    if (k == id) return v;
  return "统计表";
}

}  // namespace nianbao
