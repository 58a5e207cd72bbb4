#include <string_view>

#include "nianbao/reader.hpp"
#include "utf8.hpp"

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
    // Split on '|' keeping positions.
    struct Piece { std::size_t start, end; };
    std::vector<Piece> pieces;
    std::size_t from = 0;
    int pipes = 0;
    for (std::size_t i = 0; i <= s.size(); ++i) {
      if (i == s.size() || s[i] == '|') {
        pieces.push_back({from, i});
        if (i < s.size()) ++pipes;
        from = i + 1;
      }
    }
    std::vector<Cell> cells;
    for (const Piece& p : pieces) cells.push_back(make_cell(ln.start + p.start, ln.start + p.end));
    std::size_t first = cells.size(), last = 0, nonempty = 0;
    for (std::size_t i = 0; i < cells.size(); ++i) {
      if (!cells[i].text.empty()) {
        if (first == cells.size()) first = i;
        last = i;
        ++nonempty;
      }
    }
    const bool one_cell_line = nonempty == 1 && pipes == 1 && first == 0;
    if (one_cell_line) {  // "X |": one cell of a row that continues on the next lines
      pending_.cells.push_back(std::move(cells[first]));
      return;
    }
    close_row();
    Row row;
    for (std::size_t i = first; i <= last && first < cells.size(); ++i) row.cells.push_back(std::move(cells[i]));
    finish_row(std::move(row));
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
  Cell make_cell(std::size_t start, std::size_t end) {
    const std::string_view raw = std::string_view(nt_.text).substr(start, end - start);
    const std::string_view t = utf8::trim(raw);
    Cell c;
    c.text = std::string(t);
    const std::size_t off = start + static_cast<std::size_t>(t.data() - raw.data());
    c.span = nt_.map.span(off, off + t.size());
    return c;
  }
  void close_row() {
    if (!pending_.cells.empty()) finish_row(std::move(pending_));
    pending_ = Row{};
  }
  void finish_row(Row row) {
    if (row.cells.empty()) return;
    row.span = row.cells.front().span;
    row.span.end = row.cells.back().span.end;
    table_.rows.push_back(std::move(row));
  }

  const NormalizedText& nt_;
  Table table_;
  Row pending_;
};

}  // namespace

Document read_text(const NormalizedText& nt) {
  const std::string_view text = nt.text;
  std::vector<Line> lines;
  for (std::size_t i = 0; i <= text.size();) {
    std::size_t j = text.find('\n', i);
    if (j == std::string_view::npos) j = text.size();
    lines.push_back({i, j});
    i = j + 1;
  }
  Document doc;
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
    const std::string_view t = utf8::trim(s);
    if (!t.empty()) {
      Block b;
      b.paragraph.text = std::string(t);
      const std::size_t off = lines[i].start + static_cast<std::size_t>(t.data() - s.data());
      b.paragraph.span = nt.map.span(off, off + t.size());
      doc.blocks.push_back(std::move(b));
    }
    ++i;
  }
  return doc;
}

}  // namespace nianbao
