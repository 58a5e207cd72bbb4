// Label keys: what is left of a table label for matching once numbering, notes in brackets,
// punctuation and white space are gone (internal).
#pragma once
#include <string>
#include <string_view>

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

/// label_key with the choice to keep bracketed notes (drop_notes = false).
LabelKey label_key_impl(std::string_view label, bool drop_notes);

/// How well a label matches a template label: 0 (no match) to 100 (same core).
int label_score(const LabelKey& row, const LabelKey& tmpl);

/// Length of the longest common subsequence (bounded inputs only).
std::size_t lcs_length(std::u32string_view a, std::u32string_view b);

}  // namespace nianbao
