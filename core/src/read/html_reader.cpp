// The HTML reader (docs/html.md): libxml2's HTML parser (SAX, recovery mode) builds a compact
// tree of the visible content; a second pass decides which tables are data tables and which
// are layout, and a third writes the plain-text rendition of docs/contracts.md.
//
// libxml2 does the tokenising, entity decoding and the HTML error recovery (implied and
// auto-closed elements, stray end tags). We take its SAX events rather than its DOM: no tree
// depth limit ("Excessive depth" stops libxml2's own tree builder at 256 levels), no text node
// limit, less memory, and invisible subtrees are dropped as they arrive. Every later pass is
// iterative, so arbitrarily deep markup costs no stack.
#include "read/html_reader.hpp"

#include <algorithm>
#include <array>
#include <climits>
#include <cstdint>
#include <utility>
#include <vector>

#include "read/html_tree.hpp"
#include "util/utf8.hpp"

namespace nianbao {

using namespace html;

namespace {

// ---------------------------------------------------------------------------------------------
// Which tables are layout: a table with a table inside it (the contract), or whose rows have at
// most one cell each (a frame around running text, not data).

std::vector<char> layout_tables(const Tree& t) {
  const std::size_t n = t.nodes.size();
  std::vector<std::uint32_t> row(n, kNone), table(n, kNone), cells(n, 0), widest(n, 0);
  std::vector<char> nested(n, 0);
  for (std::size_t i = 1; i < n; ++i) {
    const Node& node = t.nodes[i];
    const std::uint32_t p = node.parent;
    switch (node.kind) {
      case Kind::table:
        table[i] = static_cast<std::uint32_t>(i);
        break;
      case Kind::cell:
        // A cell counts in its row, or (no <tr> around it) in an implicit row of its table.
        if (table[p] != kNone) ++cells[row[p] != kNone ? row[p] : table[p]];
        break;
      case Kind::row:
        row[i] = static_cast<std::uint32_t>(i);
        table[i] = table[p];
        break;
      default:
        row[i] = row[p];
        table[i] = table[p];
    }
  }
  for (std::size_t i = n; i-- > 1;) {
    const Node& node = t.nodes[i];
    if (node.kind == Kind::table || nested[i]) nested[node.parent] = 1;
    if (node.kind == Kind::row && table[i] != kNone) widest[table[i]] = std::max(widest[table[i]], cells[i]);
    if (node.kind == Kind::table) widest[i] = std::max(widest[i], cells[i]);
  }
  std::vector<char> layout(n, 0);
  for (std::size_t i = 1; i < n; ++i)
    if (t.nodes[i].kind == Kind::table) layout[i] = nested[i] || widest[i] <= 1;
  return layout;
}

// ---------------------------------------------------------------------------------------------
// Text of one line or one cell: white space collapsed, no space added between inline elements.

enum class Space { none, collapsible, hard, ignore };

Space space_class(char32_t c) {
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') return Space::collapsible;
  if (c < 0x20 || (c >= 0x7F && c < 0xA0)) return Space::ignore;  // control characters
  if (c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F ||
      c == 0x205F || c == 0x3000)
    return Space::hard;
  if (c == 0x200B || c == 0xFEFF || c == 0xAD) return Space::ignore;  // zero width, soft hyphen
  return Space::none;
}

/// East Asian wide or fullwidth (not Hangul): a source line break between two of them is
/// dropped, not turned into a space (CSS Text 3, segment break transformation).
bool wide(char32_t c) {
  return (c >= 0x2E80 && c <= 0x303E) || (c >= 0x3041 && c <= 0x33FF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xA4CF) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6) ||
         (c >= 0x20000 && c <= 0x3FFFD);
}

class Line {
 public:
  void add(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
      std::size_t len = 1;
      const char32_t c = static_cast<unsigned char>(s[i]) < 0x80 ? static_cast<char32_t>(s[i]) : utf8::decode(s, i, len);
      const std::string_view bytes = s.substr(i, len);
      i += len;
      switch (space_class(c)) {
        case Space::collapsible:
          pending_ = true;
          if (c == '\n' || c == '\r') newline_ = true;
          continue;
        case Space::hard:
          pending_ = hard_ = true;
          continue;
        case Space::ignore:
          continue;
        case Space::none:
          break;
      }
      if (pending_ && !buf_.empty() && !(newline_ && !hard_ && wide(last_) && wide(c))) buf_ += ' ';
      pending_ = newline_ = hard_ = false;
      buf_.append(bytes);
      last_ = c;
    }
  }
  /// A break that becomes one space (a <br> or a paragraph inside a table cell).
  void space() { pending_ = hard_ = true; }
  bool empty() const { return buf_.empty(); }
  std::string take() {
    std::string r = std::move(buf_);
    buf_.clear();
    pending_ = newline_ = hard_ = false;
    last_ = 0;
    return r;
  }

 private:
  std::string buf_;
  bool pending_ = false, newline_ = false, hard_ = false;
  char32_t last_ = 0;
};

// ---------------------------------------------------------------------------------------------
// The rendition.

class Renderer {
 public:
  Renderer(const Tree& t, std::vector<char> layout) : t_(t), layout_(std::move(layout)) {}

  std::string run() {
    const std::vector<Node>& n = t_.nodes;
    std::uint32_t cur = n[0].first;
    while (cur != kNone) {
      enter(cur);
      if (n[cur].first != kNone) {
        cur = n[cur].first;
        continue;
      }
      for (;;) {
        leave(cur);
        if (n[cur].next != kNone) {
          cur = n[cur].next;
          break;
        }
        cur = n[cur].parent;
        if (cur == 0) {
          cur = kNone;
          break;
        }
      }
    }
    flush();
    return std::move(out_);
  }

 private:
  bool in_data_table() const { return table_ != kNone; }
  bool table_level() const { return table_ != kNone && cell_ == kNone && caption_ == 0; }

  Line& sink() {
    if (table_ == kNone) return flow_;
    if (cell_ != kNone) return cell_text_;
    if (caption_ > 0) return caption_text_;
    return stray_;
  }

  void flush() {
    if (!flow_.empty()) {
      out_ += flow_.take();
      out_ += '\n';
    } else {
      flow_.take();
    }
  }

  /// A block boundary: a new line in the flow, one space inside a data table's cell.
  void boundary() {
    if (table_ == kNone) flush();
    else sink().space();
  }

  void text(std::string_view s) {
    if (pre_ > 0 && table_ == kNone) {
      for (;;) {
        const std::size_t nl = s.find('\n');
        flow_.add(s.substr(0, nl));
        if (nl == std::string_view::npos) break;
        flush();
        s.remove_prefix(nl + 1);
      }
      return;
    }
    sink().add(s);
  }

  void enter(std::uint32_t i) {
    const Node& n = t_.nodes[i];
    switch (n.kind) {
      case Kind::text:
        text(t_.text_of(n));
        return;
      case Kind::inline_:
      case Kind::root:
      case Kind::skip:
        return;
      case Kind::table:
        if (!in_data_table()) {
          flush();
          if (!layout_[i]) table_ = i;
          return;
        }
        break;
      case Kind::row:
        if (table_level()) {
          end_row();
          row_open_ = true;
          return;
        }
        break;
      case Kind::cell:
        if (table_level()) {
          if (!row_open_) row_open_ = true;  // a cell with no <tr>: an implicit row
          cell_ = i;
          return;
        }
        break;
      case Kind::caption:
        if (in_data_table() && cell_ == kNone) {
          ++caption_;
          return;
        }
        break;
      case Kind::pre:
        ++pre_;
        break;
      case Kind::block:
      case Kind::br:
        break;
    }
    boundary();
  }

  void leave(std::uint32_t i) {
    const Node& n = t_.nodes[i];
    switch (n.kind) {
      case Kind::text:
      case Kind::inline_:
      case Kind::root:
      case Kind::skip:
      case Kind::br:
        return;
      case Kind::table:
        if (i == table_) {
          end_table();
          return;
        }
        break;
      case Kind::row:
        if (table_level()) {
          end_row();
          return;
        }
        break;
      case Kind::cell:
        if (i == cell_) {
          end_cell();
          return;
        }
        break;
      case Kind::caption:
        if (in_data_table() && cell_ == kNone && caption_ > 0) {
          --caption_;
          caption_text_.space();
          return;
        }
        break;
      case Kind::pre:
        --pre_;
        break;
      case Kind::block:
        break;
    }
    boundary();
  }

  void end_cell() {
    std::string s = cell_text_.take();
    std::string cell;
    cell.reserve(s.size());
    for (char c : s) {
      if (c == '|') cell += "\xC2\xA6";  // ¦
      else cell += c;
    }
    if (!cell.empty()) row_filled_ = true;
    cells_.push_back(std::move(cell));
    cell_ = kNone;
  }

  void end_row() {
    if (row_filled_) {
      table_out_ += "| ";
      for (std::size_t k = 0; k < cells_.size(); ++k) {
        if (k > 0) table_out_ += " | ";
        table_out_ += cells_[k];
      }
      table_out_ += " |\n";
    }
    cells_.clear();
    row_open_ = row_filled_ = false;
  }

  void end_table() {
    end_row();
    // Stray text inside a table shows before it in a browser; then the caption, the rows.
    for (Line* l : {&stray_, &caption_text_}) {
      if (!l->empty()) {
        out_ += l->take();
        out_ += '\n';
      } else {
        l->take();
      }
    }
    if (!table_out_.empty()) {
      out_ += table_out_;
      out_ += '\n';
      table_out_.clear();
    }
    table_ = kNone;
    caption_ = 0;
  }

  const Tree& t_;
  const std::vector<char> layout_;
  std::string out_;
  Line flow_;
  std::size_t pre_ = 0;
  // The open data table (a data table never contains another table).
  std::uint32_t table_ = kNone, cell_ = kNone;
  std::size_t caption_ = 0;
  bool row_open_ = false, row_filled_ = false;
  std::vector<std::string> cells_;
  Line cell_text_, caption_text_, stray_;
  std::string table_out_;
};

// ---------------------------------------------------------------------------------------------
// Input screening and the parser run.

std::optional<Error> screen(std::string_view in, std::string& clean) {
  clean.clear();
  clean.reserve(in.size());
  std::size_t i = 0, invalid = 0, chars = 0, first_invalid = 0;
  if (in.substr(0, 3) == "\xEF\xBB\xBF") i = 3;  // BOM
  while (i < in.size()) {
    const auto b = static_cast<unsigned char>(in[i]);
    if (b == 0) return Error{ErrorCode::not_text, "输入不是 HTML 文本（含有 NUL 字节，可能是二进制文件）", i};
    ++chars;
    if (b < 0x80) {
      // Control characters other than white space are dropped (libxml2 would reject them).
      if (b >= 0x20 || b == '\t' || b == '\n' || b == '\r' || b == '\f') clean += static_cast<char>(b);
      ++i;
      continue;
    }
    std::size_t len = 0;
    const char32_t c = utf8::decode(in, i, len);
    if (c == utf8::kReplacement && len == 1) {
      if (invalid++ == 0) first_invalid = i;
      clean += "\xEF\xBF\xBD";
    } else {
      clean.append(in.substr(i, len));
    }
    i += len;
  }
  if (invalid * 4 > chars || (invalid > 16 && invalid * 100 > chars))
    return Error{ErrorCode::not_text,
                 "输入不是 UTF-8 编码的 HTML（" + std::to_string(invalid) + " 处无效字节），可能是二进制文件或其他编码",
                 first_invalid};
  return std::nullopt;
}

bool only_space(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return utf8::is_ascii_space(c); });
}

}  // namespace

std::optional<std::string> html_to_text(std::string_view html, const Limits& limits, Error* error) {
  auto fail = [&](Error e) -> std::optional<std::string> {
    if (error != nullptr) *error = std::move(e);
    return std::nullopt;
  };
  if (html.size() > limits.max_input_bytes || html.size() > static_cast<std::size_t>(INT_MAX))
    return fail(Error{ErrorCode::too_large,
                      "输入过大：" + std::to_string(html.size()) + " 字节，上限为 " +
                          std::to_string(std::min<std::size_t>(limits.max_input_bytes, INT_MAX)) + " 字节",
                      std::min<std::size_t>(limits.max_input_bytes, html.size())});
  std::string clean;
  if (auto e = screen(html, clean)) return fail(std::move(*e));
  if (only_space(clean)) return std::string();

  xmlInitParser();
  htmlParserCtxtPtr ctxt = htmlNewParserCtxt();
  if (ctxt == nullptr || ctxt->sax == nullptr) {
    if (ctxt != nullptr) htmlFreeParserCtxt(ctxt);
    return fail(Error{ErrorCode::bad_html, "无法启动 HTML 解析器（内存不足）", 0});
  }
  Builder b;
  b.ctxt = ctxt;
  xmlSAXHandler sax{};
  sax.startElement = on_start;
  sax.endElement = on_end;
  sax.characters = on_characters;
  sax.ignorableWhitespace = on_characters;
  sax.serror = on_error;
  sax.initialized = XML_SAX2_MAGIC;  // makes libxml2 report errors to serror, never to stderr
  *ctxt->sax = sax;
  ctxt->userData = &b;
  // "UTF-8" installs a decoder, so a <meta charset="gb2312"> in the page cannot switch it.
  htmlDocPtr doc = htmlCtxtReadMemory(ctxt, clean.data(), static_cast<int>(clean.size()), nullptr, "UTF-8",
                                      HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR |
                                          HTML_PARSE_NOWARNING);
  if (doc != nullptr) xmlFreeDoc(doc);
  htmlFreeParserCtxt(ctxt);
  b.ctxt = nullptr;
  std::string().swap(clean);
  if (b.failed)
    return fail(Error{ErrorCode::bad_html,
                      "HTML 无法完整解析，解析在第 " + std::to_string(b.failure_position) + " 字节处停止（" +
                          b.failure + "）",
                      b.failure_position});
  b.open.clear();
  b.open.shrink_to_fit();
  std::vector<char> layout = layout_tables(b.tree);
  return Renderer(b.tree, std::move(layout)).run();
}

}  // namespace nianbao
