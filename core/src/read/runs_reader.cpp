// The PDF reader: pdf.js text runs (docs/contracts.md, "PDF text runs") -> a pdftotext
// -layout-like rendition (docs/reading.md, "PDF"). Parse (runs_parse.cpp), then per page: lines
// by baseline, pieces split at spaces with estimated positions (runs_pieces.cpp), column
// alignment, padding to a grid: the layout, here.
#include "read/runs_reader.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <utility>
#include <vector>

#include "read/runs_parse.hpp"
#include "read/runs_pieces.hpp"
#include "util/utf8.hpp"

namespace nianbao {

using namespace runs;

namespace {

class Layout {
 public:
  Layout(const Parsed& p, const Limits& limits)
      : p_(p), limits_(limits), widths_(calibrate(p)), pitch_(line_pitch(p)) {}

  /// Appends the rendition of page `pg`; false when the rendition grows too large.
  bool page(const Page& pg, std::string& out) {
    lines_.clear();
    joined_.clear();
    group(pg);
    join_offset_numbers();
    merge_number_lines();
    anchors();  // of the page as drawn, before cells are joined
    join_wrapped_cells();
    std::vector<OutLine> outs;
    for (std::uint32_t li = 0; li < lines_.size(); ++li)
      if (!lines_[li].gone) outs.push_back(write_line(li));
    reflow(outs);
    const OutLine* prev = nullptr;
    for (const OutLine& o : outs) {
      if (o.gone) continue;
      if (prev && prev->bottom - o.top > 2.0 * std::max(prev->h, o.h)) out += '\n';
      out += o.text;
      out += '\n';
      if (out.size() > limits_.max_input_bytes) return false;
      prev = &o;
    }
    return true;
  }

 private:
  void group(const Page& pg) {
    std::vector<std::uint32_t> order;
    std::vector<float> heights;
    for (std::size_t i = pg.first; i < pg.last; ++i) {
      const Item& it = p_.items[i];
      if (it.x > pg.width || it.x + it.w < 0 || it.y > pg.height + it.h || it.y < -it.h) continue;  // off the page
      order.push_back(static_cast<std::uint32_t>(i));
      if (it.h > 0) heights.push_back(it.h);
    }
    if (order.empty()) return;
    const double usual = median(heights, 10.0);
    cw_ = std::max(usual / 2, 0.01);
    std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
      const Item &x = p_.items[a], &y = p_.items[b];
      return x.y != y.y ? x.y > y.y : x.x != y.x ? x.x < y.x : a < b;
    });
    left_ = p_.items[order.front()].x;
    for (std::uint32_t i : order) {
      const Item& it = p_.items[i];
      left_ = std::min<double>(left_, it.x);
      const double h = it.h > 0 ? it.h : usual;
      // One baseline, within 0.3 of the font height (a superscript, a shifted glyph); a
      // cell's text a third of a line lower is another line.
      if (lines_.empty() || lines_.back().y - it.y > 0.3 * std::max(lines_.back().hmax, h)) lines_.push_back({it.y, h, h, {}, {}, {}, false});
      Line& ln = lines_.back();
      ln.hmax = std::max(ln.hmax, h);
      split_item(p_, it, i, h, widths_, ln.pieces);
    }
    for (Line& ln : lines_) {
      std::stable_sort(ln.pieces.begin(), ln.pieces.end(), [](const Piece& a, const Piece& b) { return a.x < b.x; });
      // The same word drawn twice a little apart (fake bold, shadows) is read once.
      std::vector<Piece> kept;
      kept.reserve(ln.pieces.size());
      for (const Piece& pc : ln.pieces) {
        if (!kept.empty()) {
          const Piece& k = kept.back();
          if (k.item != pc.item && pc.x - k.x < 0.3 * pc.h && text(k) == text(pc)) continue;
        }
        kept.push_back(pc);
      }
      // Pieces of one word that pdf.js gave as separate items (a glyph from another font,
      // "2022年12" "月" "31") are one piece.
      ln.pieces.clear();
      for (const Piece& pc : kept) {
        if (!ln.pieces.empty()) {
          Piece& q = ln.pieces.back();
          if (pc.item_first && q.item_last && pc.x - q.end() < 0.1 * std::min(pc.h, q.h)) {
            if (!q.joined) {
              joined_.emplace_back(text(q));
              q.joined = static_cast<std::uint32_t>(joined_.size());
            }
            std::string& t = joined_[q.joined - 1];
            t += text(pc);
            q.w = std::max(q.w, pc.end() - q.x);
            q.h = std::max(q.h, pc.h);
            q.cols += pc.cols;
            q.last_item = pc.last_item;
            q.item_last = pc.item_last;
            q.numeric = t.size() <= 64 && numeric_word(t);  // longer is no table number (and stays linear)
            continue;
          }
        }
        ln.pieces.push_back(pc);
      }
    }
  }

  /// The line ends, before `x` and after `after`, in a piece of text (a label).
  static bool label_before(const Line& l, double x, double after) {
    return !l.gone && !l.pieces.empty() && l.pieces.back().end() <= x && l.pieces.back().x >= after &&
           !l.pieces.back().numeric;
  }

  /// The row of numbers of a line `i` (its trailing numeric pieces) and the label they follow:
  /// the text piece nearest to their left, on line `i` or on a line within `reach` of it.
  /// Returns the index of the line whose last piece is that label, or lines_.size() when it is
  /// on line `i`, another line's label column lies nearer to the numbers, or there is none.
  std::size_t label_line(std::size_t i, std::size_t k0, double reach, double wide) const {
    const Line& l = lines_[i];
    const double first = l.pieces[k0].x - 0.1 * l.h;
    double best_end = k0 > 0 ? l.pieces[k0 - 1].end() : -runs_limits::kMaxCoordinate;
    const double after = best_end;
    std::size_t best = lines_.size();
    const std::size_t from = i >= 6 ? i - 6 : 0, to = std::min(lines_.size(), i + 7);
    for (std::size_t j = from; j < to; ++j) {
      const Line& c = lines_[j];
      if (j == i || c.gone || c.pieces.empty() || std::abs(c.y - l.y) > wide) continue;
      // The text of line j nearest to the numbers, left of them.
      auto it = std::lower_bound(c.pieces.begin(), c.pieces.end(), first, [](const Piece& p, double x) { return p.x < x; });
      if (it == c.pieces.begin()) continue;
      const Piece& t = *(it - 1);
      if (t.numeric || t.end() > first || t.end() <= best_end) continue;
      best_end = t.end();
      // Only a line near enough, that ends in this label and is no row of numbers itself, takes them.
      best = std::abs(c.y - l.y) <= reach && label_before(c, first, after) ? j : lines_.size();
    }
    return best;
  }

  /// Where the run of numeric pieces that ends a line begins.
  static std::size_t trailing_numbers(const Line& l) {
    std::size_t k = l.pieces.size();
    while (k > 0 && l.pieces[k - 1].numeric) --k;
    return k;
  }

  /// A row of numbers set a little lower (or higher) than its label, as a CJK label and numbers
  /// in a Latin font come out when a table centres each cell's text (0.3 to 0.5 of a height
  /// apart), joins the label's line, so that the row is one line as pdftotext shows it. Text left
  /// of the label on the numbers' line (a label printed down a merged cell, nearer to the numbers
  /// than to the row's own label) stays where it is, on a line of its own, never glued onto
  /// the row. Numbers with a label column nearer to them on a line around (a wrapped label whose
  /// lines enclose the numbers) are left to merge_number_lines.
  void join_offset_numbers() {
    for (std::size_t i = 0; i < lines_.size(); ++i) {
      Line& l = lines_[i];
      if (l.gone || l.pieces.empty() || !l.pieces.back().numeric) continue;
      const std::size_t k0 = trailing_numbers(l);
      const std::size_t li = label_line(i, k0, 0.5 * l.h, 1.1 * l.h);
      if (li == lines_.size()) continue;
      move_numbers(l, k0, lines_[li]);
    }
  }

  /// The numbers of `l` from piece `k0` on go to the end of label line `b`; a line left empty goes.
  static void move_numbers(Line& l, std::size_t k0, Line& b) {
    b.pieces.insert(b.pieces.end(), l.pieces.begin() + static_cast<std::ptrdiff_t>(k0), l.pieces.end());
    b.hmax = std::max(b.hmax, l.hmax);
    l.pieces.resize(k0);
    if (l.pieces.empty()) l.gone = true;
  }

  /// A row of numbers centred between the lines of a wrapped label (a cell of two lines next
  /// to cells of one, middle-aligned) joins the label line below it whose text ends nearest to
  /// the numbers (join_wrapped_cells then puts the line above in front of that label). What
  /// the line has left of the label's column (a glyph of a vertical label) stays.
  void merge_number_lines() {
    for (std::size_t i = 0; i < lines_.size(); ++i) {
      Line& l = lines_[i];
      if (l.gone || l.pieces.empty() || !l.pieces.back().numeric) continue;
      const std::size_t k0 = trailing_numbers(l);
      const double first = l.pieces[k0].x - 0.1 * l.h, reach = 1.1 * l.h;
      const double after = k0 > 0 ? l.pieces[k0 - 1].end() : -runs_limits::kMaxCoordinate;
      bool above = false;
      for (std::size_t j = i, steps = 0; j-- > 0 && steps < 4; ++steps) {
        if (lines_[j].gone) continue;
        if (lines_[j].y - l.y > reach) break;
        if (label_before(lines_[j], first, after)) { above = true; break; }
      }
      if (!above) continue;
      std::size_t best = lines_.size();
      for (std::size_t j = i + 1; j < lines_.size() && j < i + 5; ++j) {
        if (lines_[j].gone) continue;
        if (l.y - lines_[j].y > reach) break;
        if (label_before(lines_[j], first, after) &&
            (best == lines_.size() || lines_[j].pieces.back().end() > lines_[best].pieces.back().end()))
          best = j;
      }
      if (best == lines_.size()) continue;
      move_numbers(l, k0, lines_[best]);
    }
  }

  /// The one piece of line `l` (sorted by x) in the column [x0, x1), or nullptr (none, or
  /// several). Looks at a bounded number of pieces.
  static Piece* in_column(Line& l, double x0, double x1, bool& several) {
    Piece* found = nullptr;
    several = false;
    auto it = std::lower_bound(l.pieces.begin(), l.pieces.end(), x1, [](const Piece& p, double x) { return p.x < x; });
    for (int looked = 0; it != l.pieces.begin() && looked < 8; ++looked) {
      Piece& p = *--it;
      if (p.gone || p.end() <= x0) continue;
      if (found) { several = true; return nullptr; }
      found = &p;
    }
    return found;
  }

  /// Where the column of piece `k` of line `li` ends: the next piece on its line, or the
  /// nearest column start to its right on the lines around it (infinite in running text).
  double column_end(std::size_t li, std::size_t k) const {
    const Line& ln = lines_[li];
    const Piece& p = ln.pieces[k];
    double r = k + 1 < ln.pieces.size() ? ln.pieces[k + 1].x : runs_limits::kMaxCoordinate;
    const std::size_t from = li >= 6 ? li - 6 : 0, to = std::min(lines_.size(), li + 7);
    for (std::size_t j = from; j < to; ++j) {
      const std::vector<float>& a = lines_[j].starts;
      auto it = std::lower_bound(a.begin(), a.end(), static_cast<float>(p.end() - 0.1 * p.h));
      if (it != a.end() && *it < r && *it > p.x) r = *it;
    }
    return r;
  }

  /// A number that ends its line inside the item before it, a word apart ("…洪泽湖大道 90":
  /// running text wrapped after a house number), is no cell of a table row.
  static bool trailing_word_number(const Line& l, std::size_t k) {
    return k + 1 == l.pieces.size() && k > 0 && l.pieces[k].numeric && !l.pieces[k].item_first;
  }

  /// The line holds more than one cell (a trailing word number is not one).
  static bool several_cells(const Line& l) {
    return l.pieces.size() > 2 || (l.pieces.size() == 2 && !trailing_word_number(l, 1));
  }

  /// The piece after `p` on its line is a number: `p` is the label of a row of numbers.
  static bool labels_numbers(const Line& l, const Piece& p) {
    const std::size_t k = static_cast<std::size_t>(&p - l.pieces.data());
    return k + 1 < l.pieces.size() && l.pieces[k + 1].numeric && !trailing_word_number(l, k + 1);
  }

  /// A tall cell alone on its lines (a label spanning several rows, centred between them) goes
  /// onto the nearest row beside it, as a copied table shows it in a row, so that it does not
  /// stand alone between rows (where "三、本年度办理结果" would read as a heading).
  void attach(std::size_t li) {
    Piece& cell = lines_[li].pieces.front();
    const double top = cell.cell_top, bottom = cell.cell_bottom, mid = (top + bottom) / 2, right = cell.cell_right;
    const double reach = pitch(cell.h) * cell.h;
    std::size_t best = lines_.size();
    double best_d = 0;
    for (std::size_t j = li >= 16 ? li - 16 : 0; j < lines_.size() && j <= li + 16; ++j) {
      Line& l = lines_[j];
      if (j == li || l.gone || l.y > top + reach || l.y < bottom - reach) continue;
      bool several = false;
      const bool clash = in_column(l, cell.x - 1, right, several) || several;
      const bool beside = !l.pieces.empty() && l.pieces.back().x >= right;
      if (clash || !beside) continue;
      const double d = std::abs(l.y - mid);
      if (best == lines_.size() || d < best_d) { best = j; best_d = d; }
    }
    if (best == lines_.size()) return;
    const Piece moved = cell;
    cell.gone = true;
    std::vector<Piece>& ps = lines_[best].pieces;
    ps.insert(std::upper_bound(ps.begin(), ps.end(), moved, [](const Piece& a, const Piece& b) { return a.x < b.x; }), moved);
  }

  /// A table cell whose text wraps over several lines (a narrow column) becomes one piece: the
  /// pieces on the lines below that start where it starts, in its column, at the document's
  /// line spacing, while the piece above is full (the next glyph or two would not have fitted
  /// before the next column). The cell's text goes onto the line with its row's numbers
  /// (else a line with other cells, else its first line); a continuation may not begin a
  /// numbered item, and a cell has one row of numbers.
  void join_wrapped_cells() {
    constexpr std::size_t kReach = 16;  // lines looked at below a piece
    for (std::size_t li = 0; li < lines_.size(); ++li) {
      for (std::size_t k = 0; !lines_[li].gone && k < lines_[li].pieces.size(); ++k) {
        Piece& p = lines_[li].pieces[k];
        if (p.gone || p.numeric || p.in_cell) continue;
        // A word of an item that goes on in text after it ("商 业 企", letter-spaced) is not a cell.
        if (!p.item_last && k + 1 < lines_[li].pieces.size() && !lines_[li].pieces[k + 1].numeric) continue;
        const double right = column_end(li, k), h = p.h, tolx = std::max(1.0, 0.15 * h);
        auto full = [&](const Piece& q) { return q.end() <= right + 0.1 * h && right - q.end() < 2.6 * h; };
        if (!full(p)) continue;
        struct Member {
          std::size_t line;
          Piece* piece;
        };
        std::vector<Member> cell{{li, &p}};
        // In a table: a block line has other cells, or lines of other columns lie between.
        bool numbers = labels_numbers(lines_[li], p), others = several_cells(lines_[li]);
        double y = p.y;
        for (std::size_t j = li + 1, steps = 0; j < lines_.size() && steps < kReach; ++j, ++steps) {
          Line& d = lines_[j];
          if (d.gone) continue;
          if (y - d.y > pitch(h) * h + 0.3 * h) break;
          bool several = false;
          Piece* q = in_column(d, p.x - tolx, right, several);
          if (several) break;
          if (!q) {  // a line of another column (a glyph of a vertical label, a row beside a tall cell)
            others = true;
            continue;
          }
          if (std::abs(q->x - p.x) > tolx || q->end() > right + 0.1 * h || q->numeric || q->in_cell ||
              std::abs(q->h - h) > 0.1 * h || y - q->y > pitch(h) * h || starts_numbered(text(*q)))
            break;
          const bool n = labels_numbers(d, *q);
          if (n && numbers) break;
          numbers = numbers || n;
          others = others || several_cells(d);
          cell.push_back({j, q});
          y = q->y;
          if (!full(*q)) break;
        }
        if (cell.size() < 2 || !(numbers || others)) continue;  // running text is reflowed, not joined here
        std::size_t target = 0;
        for (std::size_t m = cell.size(); m-- > 0;)
          if (several_cells(lines_[cell[m].line])) target = m;
        for (std::size_t m = cell.size(); m-- > 0;)
          if (labels_numbers(lines_[cell[m].line], *cell[m].piece)) target = m;
        std::string joined;
        std::uint32_t cols = 0;
        for (const Member& m : cell) {
          const std::string_view t = text(*m.piece);
          const std::size_t before = joined.size();
          join_text(joined, t);
          cols += m.piece->cols + static_cast<std::uint32_t>(joined.size() - before - t.size());
          m.piece->in_cell = true;
        }
        Piece& into = *cell[target].piece;
        for (std::size_t m = 0; m < cell.size(); ++m)
          if (m != target) cell[m].piece->gone = true;
        if (!into.joined) {
          joined_.emplace_back();
          into.joined = static_cast<std::uint32_t>(joined_.size());
        }
        joined_[into.joined - 1] = std::move(joined);
        into.cols = cols;
        into.x = p.x;
        into.cell_top = cell.front().piece->y;
        into.cell_bottom = cell.back().piece->y;
        into.cell_right = right;
      }
    }
    auto compact = [this] {
      for (Line& l : lines_) {
        if (l.gone) continue;
        l.pieces.erase(std::remove_if(l.pieces.begin(), l.pieces.end(), [](const Piece& x) { return x.gone; }), l.pieces.end());
        if (l.pieces.empty()) l.gone = true;
      }
    };
    compact();
    for (std::size_t li = 0; li < lines_.size(); ++li)
      if (!lines_[li].gone && lines_[li].pieces.size() == 1 && lines_[li].pieces.front().cell_right > 0) attach(li);
    compact();
  }

  void anchors() {
    for (Line& ln : lines_) {
      ln.starts.clear();
      ln.ends.clear();
      if (ln.gone) continue;
      const std::vector<Piece>& ps = ln.pieces;
      for (std::size_t k = 0; k < ps.size(); ++k) {
        const Piece& p = ps[k];
        if (p.item_first && (k == 0 || p.x - ps[k - 1].end() >= 0.6 * p.h)) ln.starts.push_back(static_cast<float>(p.x));
        if (p.item_last && (k + 1 == ps.size() || ps[k + 1].x - p.end() >= 0.6 * p.h))
          ln.ends.push_back(static_cast<float>(p.end()));
      }
      std::sort(ln.starts.begin(), ln.starts.end());
      std::sort(ln.ends.begin(), ln.ends.end());
    }
  }

  /// Whether two of the lines near line `li` (six above, six below) have a column anchor
  /// within `tol` of `x`: a piece there starts (ends) a column even when pdf.js put it in one
  /// item with its neighbour, one space apart.
  bool aligned(std::size_t li, double x, double tol, bool starts) const {
    int n = 0;
    const std::size_t from = li >= 6 ? li - 6 : 0, to = std::min(lines_.size(), li + 7);
    for (std::size_t j = from; j < to; ++j) {
      if (j == li) continue;  // lines merged away keep their anchors: the page as drawn
      const std::vector<float>& a = starts ? lines_[j].starts : lines_[j].ends;
      auto it = std::lower_bound(a.begin(), a.end(), static_cast<float>(x - tol));
      if (it != a.end() && *it <= x + tol && ++n >= 2) return true;
    }
    return false;
  }

  std::string_view text(const Piece& p) const {
    return p.joined ? std::string_view(joined_[p.joined - 1]) : std::string_view(p_.text).substr(p.begin, p.len);
  }

  std::size_t grid(double x) const {
    const double c = (x - left_) / cw_ + 0.5;
    if (!(c > 0)) return 0;
    return c >= static_cast<double>(runs_limits::kMaxColumn) ? runs_limits::kMaxColumn : static_cast<std::size_t>(c);
  }

  OutLine write_line(std::uint32_t li) const {
    const Line& ln = lines_[li];
    const std::vector<Piece>& ps = ln.pieces;
    OutLine o{{}, ln.y, ln.y, ln.hmax, ps.front().x, ps.back().end(), true};
    std::size_t col = 0;
    for (std::size_t k = 0; k < ps.size(); ++k) {
      const Piece& p = ps[k];
      std::size_t pad = 0;
      if (k == 0) {
        pad = grid(p.x);
      } else {
        const Piece& q = ps[k - 1];
        const double gap = p.x - q.end(), em = (p.h + q.h) / 2;
        int sep = 0;
        if (gap >= 0.8 * em) sep = 2;
        else if (gap >= 0.1 * em || p.item == q.last_item)
          // A column starts at p, or q is a number ending where a right-aligned column of
          // numbers ends. (Text ending where other lines' text ends proves nothing: CJK labels
          // in one column end on a grid of glyph widths.)
          sep = aligned(li, p.x, std::max(1.0, 0.25 * p.h), true) ||
                        (q.numeric && aligned(li, q.end(), std::max(1.0, 0.25 * q.h), false))
                    ? 2
                    : 1;
        // A number ending the line a word after the text of its own item ("大道 90"), not at
        // the start of a column: a word space, however wide the estimated gap.
        if (sep == 2 && trailing_word_number(ln, k) && !aligned(li, p.x, std::max(1.0, 0.25 * p.h), true)) sep = 1;
        // Letter-spaced CJK (distributed or justified text, which pdf.js writes "政 府 信 息"):
        // a small gap next to a single CJK glyph is no word space. ("办公室 网站" keeps its space.)
        if (sep == 1 && gap < 0.5 * em && (q.cols == 2 || p.cols == 2) && wide_at(text(q), false) && wide_at(text(p), true))
          sep = 0;
        if (sep == 2) o.single = false;
        const std::size_t target = grid(p.x);
        pad = sep < 2 ? static_cast<std::size_t>(sep) : std::max<std::size_t>(2, target > col ? target - col : 0);
      }
      if (p.cell_right > 0) {  // a cell joined from several lines spans them
        o.top = std::max(o.top, p.cell_top);
        o.bottom = std::min(o.bottom, p.cell_bottom);
      }
      o.text.append(pad, ' ');
      o.text += text(p);
      col += pad + p.cols;
    }
    return o;
  }

  /// Running text wrapped at the right edge continues on the next line: the lines of one
  /// paragraph are joined (same font size, normal line spacing, the line full to the page's
  /// right edge of text, the next one not indented and not a new heading or item).
  void reflow(std::vector<OutLine>& outs) const {
    double right = 0;
    for (const OutLine& o : outs) right = std::max(right, o.end);
    for (std::size_t i = 0; i < outs.size(); ++i) {
      OutLine& u = outs[i];
      if (u.gone || !u.single) continue;
      for (std::size_t j = i + 1; j < outs.size(); ++j) {
        OutLine& d = outs[j];
        const double h = u.h;
        if (!d.single || std::abs(d.h - h) > 0.1 * h || u.bottom - d.top > 1.8 * h || u.bottom - d.top <= 0) break;
        if (right - u.end >= 2.1 * h || d.x > u.x + 0.5 * h) break;
        const std::string_view t = utf8::trim(d.text);
        if (starts_numbered(t)) break;
        join_text(u.text, t);
        u.bottom = d.bottom;
        u.end = d.end;
        d.gone = true;
      }
    }
  }

  const Parsed& p_;
  const Limits& limits_;
  Widths widths_;
  std::vector<Line> lines_;
  std::vector<std::string> joined_;
  LinePitch pitch_;
  /// The largest baseline distance (in font heights) between two lines of one cell of height h.
  double pitch(double h) const { return 1.1 * pitch_.of(h); }
  double left_ = 0, cw_ = 5;
};

}  // namespace

std::optional<std::string> runs_to_text(std::string_view payload, const Limits& limits, Error* error) {
  if (payload.size() > limits.max_input_bytes || payload.size() > 0xFFFFFFF0u) {  // texts are indexed with 32 bits
    if (error)
      *error = Error{ErrorCode::too_large,
                     "输入过大：" + std::to_string(payload.size()) + " 字节，上限为 " +
                         std::to_string(limits.max_input_bytes) + " 字节",
                     limits.max_input_bytes};
    return std::nullopt;
  }
  std::optional<Parsed> parsed = parse(payload, error);
  if (!parsed) return std::nullopt;
  Layout layout(*parsed, limits);
  std::string out;
  for (std::size_t i = 0; i < parsed->pages.size(); ++i) {
    if (i > 0 && !out.empty() && out.back() != '\f') out += '\f';
    if (!layout.page(parsed->pages[i], out)) {
      if (error)
        *error = Error{ErrorCode::too_large,
                       "PDF 文本的排版结果超过 " + std::to_string(limits.max_input_bytes) + " 字节的上限", 0};
      return std::nullopt;
    }
  }
  return out;
}

}  // namespace nianbao
