// The DOCX reader: a Word .docx becomes the plain-text rendition of docs/contracts.md
// ("Readers for structured input"), which the text pipeline then reads like any pasted text.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "nianbao/limits.hpp"
#include "nianbao/error.hpp"

namespace nianbao {

/// Bounds on hostile containers (see docs/docx.md). A bound that is exceeded gives an Error
/// (code too_large for sizes, bad_docx for everything else), never a partial rendition.
namespace docx_limits {
/// The .docx file itself, and separately the sum of the bytes inflated from it, are capped at
/// max(kMinBytes, Limits::max_input_bytes).
inline constexpr std::size_t kMinBytes = std::size_t{64} << 20;  // 64 MiB
/// Entries in the ZIP central directory.
inline constexpr std::size_t kMaxEntries = 10000;
/// Small parts read besides the main document (_rels/.rels, numbering.xml, styles.xml) are
/// skipped (not an error) above this size.
inline constexpr std::size_t kMaxAuxiliaryPart = std::size_t{8} << 20;  // 8 MiB
/// Parts above kRatioFloor bytes may not be compressed more than kMaxRatio : 1.
inline constexpr std::size_t kRatioFloor = std::size_t{1} << 20;  // 1 MiB
inline constexpr std::size_t kMaxRatio = 200;
/// XML nodes + attributes of one part (bounds the DOM's memory to a few hundred MiB at most).
inline constexpr std::size_t kMaxMarkup = 4'000'000;
/// Element nesting in word/document.xml.
inline constexpr std::size_t kMaxDepth = 256;
}  // namespace docx_limits

/// The format test of this reader: a ZIP file (its local file header signature "PK\3\4"),
/// as a .docx is; whether it is one, docx_to_text says. (Inline: the checker asks it also in a
/// build without the DOCX reader, to say so.)
inline bool is_docx(std::string_view bytes) { return bytes.substr(0, 4) == std::string_view("PK\x03\x04", 4); }

/// The rendition of the main document part of a .docx (`bytes` = the whole file). Paragraphs
/// become lines, tables `| a | b |` rows (merged cells once), deleted text and field codes are
/// dropped, automatic list numbers are written out. On failure (not a ZIP, corrupt, encrypted,
/// no word/document.xml, bad XML, a limit exceeded) returns nullopt and sets `*error` (if not
/// null) to a code and a Chinese message; the position is a byte offset in `bytes`.
/// The rendition may be empty (a document without text); it is never longer than
/// `limits.max_input_bytes` (too_large otherwise).
std::optional<std::string> docx_to_text(std::string_view bytes, const Limits& limits, Error* error);

}  // namespace nianbao
