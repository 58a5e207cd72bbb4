#include <algorithm>
#include <array>
#include <cstring>
#include <string>
#include <string_view>

#include "util/number.hpp"
#include "read/reader.hpp"
#include "util/utf8.hpp"

namespace nianbao {

namespace {

struct Line {
  std::size_t start, end;  // in the normalised text, without the newline
};

bool only_pipes(std::string_view s) {
  bool any = false;
  for (char c : s) {
    if (c == '|') any = true;
    else if (!utf8::is_ascii_space(c)) return false;
  }
  return any;
}

bool is_table_line(std::string_view s) {
  const std::string_view t = utf8::trim(s);
  return !t.empty() && t.back() == '|';
}

class TableBuilder {
 public:
  explicit TableBuilder(const NormalizedText& nt) : nt_(nt) {}

  void line(const Line& ln) {
    const std::string_view s = std::string_view(nt_.text).substr(ln.start, ln.end - ln.start);
    if (only_pipes(s)) { close_row(); return; }
    // Split on '|' keeping positions: each cell's trimmed text first; only the cells kept (the
    // filled ones and the blank ones between them) are made, with their span.
    parts_.clear();
    for (std::size_t from = 0;;) {  // each '|' found with memchr
      const void* bar = from < s.size() ? std::memchr(s.data() + from, '|', s.size() - from) : nullptr;
      const std::size_t i = bar ? static_cast<std::size_t>(static_cast<const char*>(bar) - s.data()) : s.size();
      parts_.push_back(utf8::trim(s.substr(from, i - from)));
      if (!bar) break;
      from = i + 1;
    }
    const std::size_t pipes = parts_.size() - 1;
    std::size_t first = parts_.size(), last = 0, nonempty = 0;
    for (std::size_t i = 0; i < parts_.size(); ++i) {
      if (!parts_[i].empty()) {
        if (first == parts_.size()) first = i;
        last = i;
        ++nonempty;
      }
    }
    const bool one_cell_line = nonempty == 1 && pipes == 1 && first == 0;
    if (one_cell_line) {  // "X |": one cell of a row that continues on the next lines
      if (pending_.cells.empty()) pending_.cells.reserve(8);  // (rows of templates have up to 8 cells)
      pending_.cells.push_back(make_cell(parts_[first]));
      return;
    }
    close_row();
    Row row;
    if (first < parts_.size()) {  // the filled cells and the blank ones between them
      row.cells.reserve(last + 1 - first);
      for (std::size_t i = first; i <= last; ++i) row.cells.push_back(make_cell(parts_[i]));
    }
    // Empty cells after a row's last number (`| 四、结转… | 1 | … | 0 |  |`) may be its blank last
    // cells: counted, for the matcher to use only where the row is short by them (a header
    // row's trailing empty cells are padding).
    const std::size_t trailing = first < parts_.size() ? parts_.size() - 2 - last : 0;
    const bool after_number = trailing > 0 && classify_cell(parts_[last]).kind == CellKind::number;
    finish_row(std::move(row), after_number ? trailing : 0);
  }

  Table take() {
    close_row();
    if (!table_.rows.empty()) {
      table_.span = table_.rows.front().span;
      table_.span.end = table_.rows.back().span.end;
    }
    return std::move(table_);
  }

 private:
  /// A cell of trimmed text `t` (a view of nt_.text).
  Cell make_cell(std::string_view t) {
    Cell c;
    c.text = std::string(t);
    const std::size_t off = static_cast<std::size_t>(t.data() - nt_.text.data());
    c.span = nt_.map.span(off, off + t.size());
    return c;
  }
  void close_row() {
    if (!pending_.cells.empty()) finish_row(std::move(pending_));
    pending_ = Row{};
  }
  /// `trailing`: empty cells after the last filled one (Row::trailing_empty).
  void finish_row(Row row, std::size_t trailing = 0) {
    if (row.cells.empty()) return;
    row.span = row.cells.front().span;
    row.span.end = row.cells.back().span.end;
    row.trailing_empty = trailing;
    table_.rows.push_back(std::move(row));
  }

  const NormalizedText& nt_;
  Table table_;
  Row pending_;
  std::vector<std::string_view> parts_;  ///< the trimmed cells of the line (reused)
};

// ---- pdftotext -layout shapes ------------------------------------------------------------

struct Chunk {
  std::size_t start, end;  // in the normalised text
};

/// "- 4 -", "-1-", "— 4 —", "第 4 页", "第4页 共10页", "4/10": page furniture between rows.
bool is_page_marker(std::string_view t) {
  t = utf8::trim(t);
  if (t.empty()) return false;
  // Every form below starts with one of the dashes, 第 or a digit: most lines are passed over by
  // their first byte.
  static constexpr std::array<std::string_view, 4> kDashes{"-", "—", "–", "－"};
  const char first = t[0];
  if (first != "第"[0] && !(first >= '0' && first <= '9') &&
      std::none_of(kDashes.begin(), kDashes.end(), [first](std::string_view d) { return d[0] == first; }))
    return false;
  // Every form is at most 20 bytes without its spaces ("第1234页共1234页").
  // (Counted only as far as the 21st such byte: a paragraph's line is not read to its end.)
  std::array<char, 20> buf;
  std::size_t filled = 0;
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (t[i] == ' ' || t[i] == '\t') continue;
    if (filled == buf.size()) return false;
    buf[filled++] = t[i];
  }
  const std::string_view c(buf.data(), filled);  // the line without its spaces
  auto digits_only = [](std::string_view v) {
    return !v.empty() && v.size() <= 4 &&
           std::all_of(v.begin(), v.end(), [](char x) { return x >= '0' && x <= '9'; });
  };
  for (std::string_view dash : kDashes) {
    if (c.size() > 2 * dash.size() && c.substr(0, dash.size()) == dash && c.substr(c.size() - dash.size()) == dash)
      return digits_only(c.substr(dash.size(), c.size() - 2 * dash.size()));
  }
  if (c.substr(0, 3) == "第") {
    const std::size_t ye = utf8::find(c, "页");
    if (ye != std::string_view::npos && digits_only(c.substr(3, ye - 3))) {
      const std::string_view rest = c.substr(ye + 3);
      if (rest.empty()) return true;
      if (rest.substr(0, 3) == "共" && rest.size() > 6 && rest.substr(rest.size() - 3) == "页")
        return digits_only(rest.substr(3, rest.size() - 6));
    }
    return false;
  }
  const std::size_t slash = c.find('/');
  return slash != std::string_view::npos && digits_only(c.substr(0, slash)) && digits_only(c.substr(slash + 1));
}

/// Splits a line at runs of two or more spaces (or tabs): pdftotext's column gaps; calls
/// `chunk(start, end)` for each.
template <class F>
void layout_chunks(std::string_view text, const Line& ln, F chunk) {
  std::size_t i = ln.start;
  while (i < ln.end) {
    while (i < ln.end && utf8::is_ascii_space(text[i])) ++i;
    if (i >= ln.end) break;
    std::size_t j = i;
    while (j < ln.end) {
      if (text[j] == '\t') break;
      if (text[j] == ' ' && j + 1 < ln.end && utf8::is_ascii_space(text[j + 1])) break;
      ++j;
    }
    std::size_t e = j;
    while (e > i && utf8::is_ascii_space(text[e - 1])) --e;
    chunk(i, e);
    i = j;
  }
}

bool numeric_token(std::string_view t) {
  if (t.empty()) return false;
  if (t == "—" || t == "-" || t == "/") return true;
  std::size_t i = t[0] == '-' ? 1 : 0;
  if (i >= t.size()) return false;
  bool digit = false;
  for (; i < t.size(); ++i) {
    if (t[i] >= '0' && t[i] <= '9') digit = true;
    else if (t[i] != '.' && t[i] != ',') return false;
  }
  return digit;
}

/// Chunks of a layout row, with chunks like "217 1 0" (numbers one space apart) split further,
/// into `out` (emptied first).
void layout_cells(std::string_view text, const Line& ln, std::vector<Chunk>& out) {
  out.clear();
  layout_chunks(text, ln, [&](std::size_t start, std::size_t end) {
    // Its parts one space apart, added after it; kept when there are several, all numbers.
    const std::size_t first = out.size();
    bool all_numeric = true;
    for (std::size_t i = start; i < end && all_numeric;) {
      // Looked for inside the chunk only: a line without spaces must not scan the rest of the text.
      const void* sp = std::memchr(text.data() + i, ' ', end - i);
      const std::size_t j = sp ? static_cast<std::size_t>(static_cast<const char*>(sp) - text.data()) : end;
      out.push_back({i, j});
      all_numeric = numeric_token(text.substr(i, j - i));
      i = j + 1;
    }
    if (!all_numeric || out.size() - first < 2) {
      out.resize(first);
      out.push_back({start, end});
    }
  });
}

bool starts_with_heading_numeral(std::string_view t) {
  std::size_t i = 0, n = 0;
  while (i < t.size()) {
    std::size_t len = 0;
    const char32_t cp = utf8::decode(t, i, len);
    if (std::u32string_view(U"一二三四五六七八九十").find(cp) == std::u32string_view::npos) break;
    i += len;
    ++n;
  }
  return n > 0 && t.substr(i, 3) == "、";
}

enum class LayoutKind { none, row, numeric_row, fragment };

/// `cells`: a buffer for layout_cells.
LayoutKind layout_kind(std::string_view text, const Line& ln, std::vector<Chunk>& cells) {
  const std::string_view s = utf8::trim(text.substr(ln.start, ln.end - ln.start));
  if (s.empty()) return LayoutKind::none;
  bool numeric = false;
  bool short_chunks = true;
  std::size_t count = 1;
  // (memchr for each: a line of prose is long and has neither.)
  if (!std::memchr(s.data(), ' ', s.size()) && !std::memchr(s.data(), '\t', s.size())) {
    // No gap (most lines of prose): one cell, the trimmed line.
    numeric = numeric_token(s);
    short_chunks = s.size() <= 90;
  } else {
    layout_cells(text, ln, cells);
    for (const Chunk& c : cells) {
      numeric = numeric || numeric_token(text.substr(c.start, c.end - c.start));
      short_chunks = short_chunks && c.end - c.start <= 90;  // 30 Chinese characters
    }
    count = cells.size();
  }
  if (count >= 2 && numeric) return LayoutKind::numeric_row;
  // Header cells, a piece of a label wrapped over lines, one character of a vertical label.
  const bool sentence_end = s.size() >= 3 && s.substr(s.size() - 3) == "。";
  if (short_chunks && !sentence_end && !(count == 1 && starts_with_heading_numeral(s)))
    return count >= 3 ? LayoutKind::row : LayoutKind::fragment;
  return LayoutKind::none;
}

}  // namespace

Document read_text(const NormalizedText& nt) {
  const std::string_view text = nt.text;
  std::vector<Line> lines;
  // Lines end at '\n' or a form feed: each found with memchr (the next form feed is looked for
  // again only once passed).
  auto next = [&](char c, std::size_t from) {
    if (from >= text.size()) return text.size();
    const void* at = std::memchr(text.data() + from, c, text.size() - from);
    return at ? static_cast<std::size_t>(static_cast<const char*>(at) - text.data()) : text.size();
  };
  std::size_t form_feed = next('\f', 0);
  for (std::size_t i = 0; i <= text.size();) {
    if (form_feed < i) form_feed = next('\f', i);
    const std::size_t j = std::min(next('\n', i), form_feed);
    lines.push_back({i, j});
    i = j + 1;
  }
  Document doc;
  doc.map = &nt.map;
  // Each line's layout kind, made once (a line is looked at again when a table around it is
  // read), and a buffer for layout cells.
  std::vector<signed char> kinds(lines.size(), -1);
  std::vector<Chunk> cells;
  auto kind_of = [&](std::size_t k) {
    if (kinds[k] < 0) kinds[k] = static_cast<signed char>(layout_kind(text, lines[k], cells));
    return static_cast<LayoutKind>(kinds[k]);
  };
  for (std::size_t i = 0; i < lines.size();) {
    const std::string_view s = text.substr(lines[i].start, lines[i].end - lines[i].start);
    if (is_table_line(s)) {
      TableBuilder tb(nt);
      while (i < lines.size()) {
        const std::string_view t = text.substr(lines[i].start, lines[i].end - lines[i].start);
        if (!is_table_line(t)) break;
        tb.line(lines[i]);
        ++i;
      }
      Block b;
      b.kind = Block::Kind::table;
      b.table = tb.take();
      if (!b.table.rows.empty()) doc.blocks.push_back(std::move(b));
      continue;
    }
    if (kind_of(i) == LayoutKind::numeric_row) {
      // A space-aligned table: layout rows, with wrapped label pieces, blank lines and page
      // markers between them. It ends at its last layout row.
      std::size_t j = i, last = i, numeric_rows = 0, numeric_cells = 0;
      for (; j < lines.size(); ++j) {
        const std::string_view t = text.substr(lines[j].start, lines[j].end - lines[j].start);
        if (utf8::trim(t).empty() || is_page_marker(t)) continue;
        if (is_table_line(t)) break;
        const LayoutKind k = kind_of(j);
        if (k == LayoutKind::none) break;
        if (k == LayoutKind::numeric_row) {
          ++numeric_rows;
          layout_cells(text, lines[j], cells);
          for (const Chunk& c : cells) numeric_cells += numeric_token(text.substr(c.start, c.end - c.start));
        }
        if (k != LayoutKind::fragment) last = j;
      }
      if (numeric_rows >= 2 || numeric_cells >= 5) {
        // Header lines directly above the first row belong to the table (they were read as
        // paragraphs a moment ago: take them back).
        std::size_t first = i;
        while (first > 0 && i - first < 8 && !doc.blocks.empty() &&
               doc.blocks.back().kind == Block::Kind::paragraph) {
          const Line& prev = lines[first - 1];
          const std::string_view t = text.substr(prev.start, prev.end - prev.start);
          if (utf8::trim(t).empty() || kind_of(first - 1) == LayoutKind::none) break;
          // The report's title is not a header: no template has 报告 in a label.
          if (utf8::find(t, "报告") != std::string_view::npos || utf8::find(t, "年报") != std::string_view::npos) break;
          const Span ps = nt.map.span(prev.start, prev.end);
          if (doc.blocks.back().paragraph.span.end > ps.end || doc.blocks.back().paragraph.span.start < ps.start) break;
          doc.blocks.pop_back();
          --first;
        }
        Block b;
        b.kind = Block::Kind::table;
        for (std::size_t k = first; k <= last; ++k) {
          const std::string_view t = text.substr(lines[k].start, lines[k].end - lines[k].start);
          if (utf8::trim(t).empty() || is_page_marker(t)) continue;
          Row row;
          layout_cells(text, lines[k], cells);
          row.cells.reserve(cells.size());
          // The characters before each cell (and their width), counted once per line.
          std::size_t at = lines[k].start, column = 0, wide = 0;
          for (const Chunk& c : cells) {
            for (std::size_t x = at; x < c.start; ++x) {
              const auto b = static_cast<unsigned char>(text[x]);
              column += (b & 0xC0) != 0x80;
              wide += b < 0x80 ? 1 : b >= 0xE0 ? 2 : b >= 0xC0 ? 1 : 0;  // 3- and 4-byte characters: wide
            }
            at = c.start;
            Cell cell;
            cell.text = std::string(text.substr(c.start, c.end - c.start));
            cell.span = nt.map.span(c.start, c.end);
            cell.column = column;
            cell.wide_column = wide;
            row.cells.push_back(std::move(cell));
          }
          row.span = row.cells.front().span;
          row.span.end = row.cells.back().span.end;
          b.table.rows.push_back(std::move(row));
        }
        b.table.span = b.table.rows.front().span;
        b.table.span.end = b.table.rows.back().span.end;
        doc.blocks.push_back(std::move(b));
        i = last + 1;
        continue;
      }
    }
    const std::string_view t = utf8::trim(s);
    if (!t.empty() && !is_page_marker(t)) {
      Block b;
      b.paragraph.text = std::string(t);
      const std::size_t off = lines[i].start + static_cast<std::size_t>(t.data() - s.data());
      b.paragraph.span = nt.map.span(off, off + t.size());
      b.paragraph.offset = off;
      doc.blocks.push_back(std::move(b));
    }
    ++i;
  }
  return doc;
}

}  // namespace nianbao
