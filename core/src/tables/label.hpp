// Label keys: what is left of a table label for matching once numbering, notes in brackets,
// punctuation and white space are gone (internal).
#pragma once
#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "tables/relations.hpp"
#include "tables/templates.hpp"

namespace nianbao {

struct LabelKey {
  std::u32string numbering;  ///< "一", "1", "其中" or empty
  std::u32string core;       ///< Han characters, letters and digits only
};

/// Works on normalised input text and on the full-width template labels alike.
LabelKey label_key(std::string_view label);

/// The label without its numbering, keeping the text of bracketed notes (for finding a label
/// inside run-together text, where notes are written out).
std::u32string full_core(std::string_view label);

/// Whether `label` has a bracket that opens a note for label_key (( [ 【, or the full-width （ ［
/// it folds to them): when not, full_core(label) is label_key(label).core.
bool may_have_note(std::string_view label);

/// label_key with the choice to keep bracketed notes (drop_notes = false).
LabelKey label_key_impl(std::string_view label, bool drop_notes);

/// The characters of a core as bits of a hash (one bit per character, shared by some): a
/// character of `a` whose bit is not in char_bits(b) is not in b.
inline std::uint64_t char_bit(char32_t c) { return std::uint64_t{1} << ((c * 2654435761u) >> 26); }
inline std::uint64_t char_bits(std::u32string_view core) {
  std::uint64_t bits = 0;
  for (char32_t c : core) bits |= char_bit(c);
  return bits;
}

/// The number of set bits: std::popcount where it is one instruction (wasm, x86 with POPCNT),
/// else in a few arithmetic steps (the baseline x86-64 build would call a library routine).
inline std::size_t count_bits(std::uint64_t x) {
#if defined(__wasm__) || defined(__POPCNT__) || !defined(__x86_64__)
  return static_cast<std::size_t>(std::popcount(x));
#else
  x -= (x >> 1) & 0x5555555555555555u;
  x = (x & 0x3333333333333333u) + ((x >> 2) & 0x3333333333333333u);
  x = (x + (x >> 4)) & 0x0F0F0F0F0F0F0F0Fu;
  return static_cast<std::size_t>((x * 0x0101010101010101u) >> 56);
#endif
}

/// Whether a row core of `row_size` characters may be a template core of `tmpl_size` without its
/// first one or two characters (label_score() takes such an end of the label as a close match).
inline bool is_cut_label(std::size_t row_size, std::size_t tmpl_size) {
  return row_size >= 4 && row_size < tmpl_size && tmpl_size - row_size <= 2;
}

/// Whether label_score() is 0 for certain for a row core and a template core, of these sizes
/// and char_bits() (`row_repeats`: the row's size less the number of its bits): too few
/// characters of the row can be in the template. A test in a few instructions before the
/// score, for comparing one label with many.
inline bool fuzzy_rejects(std::size_t row_size, std::uint64_t row_bits, std::size_t row_repeats, std::size_t tmpl_size,
                          std::uint64_t tmpl_bits) {
  if (row_size == 0 || tmpl_size == 0) return true;
  // label_score's bound (the characters in common, as a multiset) is at most the row's
  // distinct bits found in the template plus the row's repeated bits.
  const std::size_t bound = count_bits(row_bits & tmpl_bits) + row_repeats;
  const std::size_t longer = std::max(row_size, tmpl_size);
  const bool could_contain = bound >= tmpl_size && tmpl_size >= 6 && row_size * 2 <= tmpl_size * 3;
  const bool could_be_cut = bound >= row_size && is_cut_label(row_size, tmpl_size);
  return !could_contain && !could_be_cut && (bound * 4 < longer * 3 || longer - std::min(bound, longer) > 4);
}

/// The template core sizes outside which fuzzy_rejects() rejects for certain, for a row core of
/// `row_size` characters with `row_repeats` repeated: [first, second]. (The bound is at most the
/// row's size and at most the template's size plus the row's repeats; a containment needs
/// 2/3 of the row's size up to its size, a near match a size within 4 of the bound.)
inline std::pair<std::size_t, std::size_t> fuzzy_size_window(std::size_t row_size, std::size_t row_repeats) {
  const std::size_t contain = (2 * row_size + 2) / 3;
  const std::size_t near = row_size > row_repeats + 4 ? row_size - row_repeats - 4 : 1;
  return {std::max<std::size_t>(1, std::min(contain, near)), row_size + 4};
}

/// How well a label matches a template label: 0 (no match) to 100 (same core).
int label_score(const LabelKey& row, const LabelKey& tmpl);

/// Length of the longest common subsequence (bounded inputs only).
std::size_t lcs_length(std::u32string_view a, std::u32string_view b);

/// The label keys of every template row and format fingerprint, made once (a Checker holds one)
/// instead of for every check.
class TemplateIndex {
 public:
  struct Row {
    LabelKey key;          ///< label_key(label)
    std::u32string full;   ///< full_core(label)
    std::uint64_t chars = 0;  ///< char_bits(key.core): which characters it has
    std::u32string alias;     ///< full_core(RowDef::alias), or empty
  };
  /// A row label as run-together text shows it (runtogether.cpp): its full core and, when
  /// different, its core without notes; under the label's last character.
  struct Glued {
    std::size_t row;
    const std::u32string* core;
  };
  struct Template {
    const TableTemplate* tmpl = nullptr;
    std::vector<Row> rows;  ///< per template row
    std::map<char32_t, std::vector<Glued>> by_last;
    std::vector<RelationInstance> relations;  ///< expand_relations(*tmpl)
  };

  /// A template row the matcher may place a table row on: every row of the format's templates
  /// (those with rows), in order.
  struct Candidate {
    const TableTemplate* tmpl;
    std::size_t row;    ///< index into tmpl->rows
    std::size_t order;  ///< position across all templates of the format (its index)
    const Row* keys;    ///< the row's label keys
  };
  struct Candidates {
    std::vector<Candidate> list;
    /// The candidates by their label's core, in order.
    std::unordered_map<std::u32string_view, std::vector<std::size_t>> by_core;
    /// (core size, index) of every candidate, in that order: the ones of a fuzzy_size_window().
    std::vector<std::pair<std::size_t, std::size_t>> by_size;
  };

  TemplateIndex();
  TemplateIndex(const TemplateIndex&) = delete;
  TemplateIndex& operator=(const TemplateIndex&) = delete;

  /// The keys of a template of templates_for().
  const Template& of(const TableTemplate* t) const;
  /// The same, or nothing for a template not of templates_for().
  const Template* find(const TableTemplate* t) const;
  /// The matcher's candidates of a format (legacy, 2019, 2021; none for unknown).
  const Candidates& candidates(Format f) const;
  /// label_key of each format_fingerprints() label, in order.
  const std::vector<LabelKey>& fingerprints() const { return fingerprints_; }
  /// char_bits of each fingerprint's core, in order.
  const std::vector<std::uint64_t>& fingerprint_bits() const { return fingerprint_bits_; }
  /// Every fingerprint's key has a character beyond ASCII (so a cell of ASCII holds none).
  bool fingerprints_have_han() const { return fingerprints_have_han_; }

 private:
  std::vector<std::unique_ptr<Template>> templates_;
  std::vector<LabelKey> fingerprints_;
  std::vector<std::uint64_t> fingerprint_bits_;
  std::array<Candidates, 4> candidates_;  ///< by Format
  bool fingerprints_have_han_ = true;
};

/// check_tables (rules.hpp) with each template's relations as the index holds them, expanded
/// once instead of for every check.
std::vector<Finding> check_tables(const std::vector<ReportTable>& tables, const TemplateIndex& index);

/// A table as a reader names it: 表二, 表三, 表四 (统计表 for any other table).
std::string_view table_title(std::string_view id);

}  // namespace nianbao
