// The PDF reader: the positioned text runs that pdf.js extracts from a PDF (the payload of
// docs/contracts.md, "PDF text runs", made by web/pdf-runs.js) become a `pdftotext -layout`-like
// text rendition that the text pipeline reads like any layout text.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "nianbao/limits.hpp"
#include "nianbao/error.hpp"

namespace nianbao {

/// The payload's first line.
inline constexpr std::string_view kRunsHeader = "nianbao-runs/1";

namespace runs_limits {
/// Text items in one payload (a 200-page report has about 50,000); more is too_large.
inline constexpr std::size_t kMaxItems = 2'000'000;
/// Pages in one payload.
inline constexpr std::size_t kMaxPages = 100'000;
/// A coordinate or size beyond this (in PDF units, 1/72 inch) is not a page position: bad_runs.
inline constexpr double kMaxCoordinate = 1e7;
/// Text is placed on a grid of columns of half the page's usual font height (so that a CJK
/// glyph takes two columns and an ASCII one about one, as in pdftotext's layout); the column
/// an item is padded out to is capped here, so that tiny fonts cannot blow up the rendition.
inline constexpr std::size_t kMaxColumn = 400;
}  // namespace runs_limits

/// The format test of this reader: true when `bytes` starts with the runs header line (after
/// an optional UTF-8 BOM).
bool is_pdf_runs(std::string_view bytes);

/// A PDF file itself ("%PDF-"), which the core does not read: pdf.js extracts its runs first
/// (web/pdf-runs.js; the CLI through core/cli/pdf.cpp).
bool is_pdf_file(std::string_view bytes);

/// The rendition of a runs payload (docs/reading.md, "PDF"): per page, items grouped into lines
/// by baseline, ordered by x and padded to a character grid so that table columns are separated
/// by two or more spaces (also where pdf.js merged two cells into one item with a single space,
/// when the piece lines up with a column of the lines around it); pieces of one word that pdf.js
/// split are joined, letter-spaced CJK loses its spaces; a row of numbers set up to half a font
/// height below or above its label joins the label's line (text left of the label on the
/// numbers' line, a merged cell's label, stays on its own line), a row of numbers centred
/// between the two lines of its label goes onto the lower one, a label wrapped in a narrow column becomes one
/// cell on its row's line, running text wrapped at the right edge becomes one line; a large
/// vertical gap gives an empty line, and pages are separated by a form feed. Glyphs that CJK
/// fonts map to Kangxi/CJK radicals (⼈ U+2F08, ⻚ U+2EDA) are read as the unified ideographs.
///
/// Returns nullopt and sets `*error` (when not null) for a payload that does not start with
/// kRunsHeader or has a malformed line (bad_runs; the position is the line's byte offset), and
/// for one over `limits.max_input_bytes` or runs_limits, or a rendition over
/// `limits.max_input_bytes` (too_large). A payload without text gives "". Linear in the number
/// of items apart from sorting; memory O(items).
std::optional<std::string> runs_to_text(std::string_view payload, const Limits& limits, Error* error);

}  // namespace nianbao
