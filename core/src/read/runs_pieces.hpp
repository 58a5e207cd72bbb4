// The PDF reader, internal: what the layout is made of. The glyph widths measured on the
// document, pieces (an item's words with estimated positions), lines and output lines, the line
// spacing; and the tests on a piece's text the layout uses. Defined in runs_pieces.cpp; used by
// the layout (runs_reader.cpp).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "read/runs_parse.hpp"

namespace nianbao::runs {

/// Advance per em of a wide (CJK) and a narrow glyph, measured on the document's own items.
struct Widths {
  double wide = 1.0, narrow = 0.55;
};

/// The median of `v` (reordered), or `fallback` when it is empty.
double median(std::vector<float>& v, double fallback);

/// The glyph widths of the document's items of one kind of glyph only.
Widths calibrate(const Parsed& p);

/// A word of an item (items are split at spaces), with its position: exact for an item's
/// first start and last end, estimated from the glyph widths in between.
struct Piece {
  double x, w, h, y;  // y: the baseline of its item
  std::uint32_t begin, len;  // text
  std::uint32_t item, last_item;  // index of the item it came from (first and last, once joined)
  std::uint32_t cols;        // columns on the grid (wide glyphs 2)
  std::uint32_t joined;      // 1 + index into Layout::joined_ when the text is a joined label
  double cell_top, cell_bottom, cell_right;  // a joined cell: baselines of its first and last line, column end
  bool item_first, item_last, numeric, gone, in_cell;
  double end() const { return x + w; }
};

struct Line {
  double y, h, hmax;  // baseline and font height of its first item; the largest font height
  std::vector<Piece> pieces;
  std::vector<float> starts, ends;  // where runs of text begin and end: column anchors
  bool gone = false;                // merged into another line
};

/// A line of the rendition before prose lines are joined.
struct OutLine {
  std::string text;
  double top, bottom, h, x, end;  // baselines of its first and last line
  bool single;                    // no column gap: running text
  bool gone = false;
};

/// A table number (or blank marker) as the text reader takes it: "217", "-3", "35.6", "—".
bool numeric_word(std::string_view t);

/// Joins two pieces of wrapped text: directly, or with a space between two Latin words.
void join_text(std::string& a, std::string_view b);

/// A line that begins a heading or an item: 一、 （一） (1) 1. 1、 (not "1.5").
bool starts_numbered(std::string_view t);

/// The pieces of item `it` (number `index`) at font height `h`: its words, placed along its box.
void split_item(const Parsed& p, const Item& it, std::uint32_t index, double h, const Widths& wd,
                std::vector<Piece>& out);

/// The document's line spacing, in font heights: the smallest baseline distance between
/// neighbouring lines of text (not of table numbers) of one font size (1.05 to 2.2 heights) that
/// is common (common_ratio); 2.0 when there is none. A font size with a wider spacing of its own
/// (a table in a smaller font, its cells' lines set farther apart than the body's) has it.
struct LinePitch {
  double all = 2.0;
  std::vector<std::pair<int, double>> sizes;  // (height in half points, spacing), sorted
  static int key(double h) { return static_cast<int>(std::min(h, 1e4) * 2 + 0.5); }
  double of(double h) const {
    auto it = std::lower_bound(sizes.begin(), sizes.end(), std::make_pair(key(h), 0.0));
    return it != sizes.end() && it->first == key(h) ? std::max(all, it->second) : all;
  }
};

LinePitch line_pitch(const Parsed& p);

}  // namespace nianbao::runs
