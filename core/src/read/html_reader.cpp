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

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include <algorithm>
#include <array>
#include <climits>
#include <cstdint>
#include <utility>
#include <vector>

#include "util/utf8.hpp"

namespace nianbao {

namespace {

constexpr std::uint32_t kNone = 0xFFFFFFFFu;

// ---------------------------------------------------------------------------------------------
// Elements

enum class Kind : std::uint8_t {
  root,
  text,
  inline_,  // everything not listed below, including unknown tags (<o:p>, <st1:chsdate>)
  block,    // a line of its own
  br,
  pre,      // a block whose line breaks are kept
  table,
  caption,
  row,      // <tr>
  cell,     // <td>, <th>
  skip,     // invisible: never enters the tree
};

struct TagInfo {
  std::string_view name;
  Kind kind;
};

// Sorted by name (binary search). thead/tbody/tfoot/colgroup are blocks: transparent inside a
// data table (text there is stray), line breaks inside a layout table.
constexpr auto kTags = std::to_array<TagInfo>({
    {"address", Kind::block},   {"applet", Kind::skip},      {"article", Kind::block},
    {"aside", Kind::block},     {"audio", Kind::skip},       {"blockquote", Kind::block},
    {"body", Kind::block},      {"br", Kind::br},            {"canvas", Kind::skip},
    {"caption", Kind::caption}, {"center", Kind::block},     {"colgroup", Kind::block},
    {"datalist", Kind::skip},   {"dd", Kind::block},         {"details", Kind::block},
    {"dialog", Kind::block},    {"dir", Kind::block},        {"div", Kind::block},
    {"dl", Kind::block},        {"dt", Kind::block},         {"embed", Kind::skip},
    {"fieldset", Kind::block},  {"figcaption", Kind::block}, {"figure", Kind::block},
    {"footer", Kind::block},    {"form", Kind::block},       {"frameset", Kind::skip},
    {"h1", Kind::block},        {"h2", Kind::block},         {"h3", Kind::block},
    {"h4", Kind::block},        {"h5", Kind::block},         {"h6", Kind::block},
    {"head", Kind::skip},       {"header", Kind::block},     {"hgroup", Kind::block},
    {"hr", Kind::block},        {"html", Kind::block},       {"iframe", Kind::skip},
    {"legend", Kind::block},    {"li", Kind::block},         {"listing", Kind::pre},
    {"main", Kind::block},      {"math", Kind::skip},        {"menu", Kind::block},
    {"nav", Kind::block},       {"noembed", Kind::skip},     {"noframes", Kind::skip},
    {"noscript", Kind::skip},   {"object", Kind::skip},      {"ol", Kind::block},
    {"optgroup", Kind::skip},   {"option", Kind::skip},      {"p", Kind::block},
    {"plaintext", Kind::pre},   {"pre", Kind::pre},          {"script", Kind::skip},
    {"section", Kind::block},   {"select", Kind::skip},      {"style", Kind::skip},
    {"summary", Kind::block},   {"svg", Kind::skip},         {"table", Kind::table},
    {"tbody", Kind::block},     {"td", Kind::cell},          {"template", Kind::skip},
    {"tfoot", Kind::block},     {"th", Kind::cell},          {"thead", Kind::block},
    {"title", Kind::skip},      {"tr", Kind::row},           {"ul", Kind::block},
    {"video", Kind::skip},      {"xml", Kind::skip},         {"xmp", Kind::pre},
});
static_assert(std::is_sorted(kTags.begin(), kTags.end(),
                             [](const TagInfo& a, const TagInfo& b) { return a.name < b.name; }));

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (lower(a[i]) != lower(b[i])) return false;
  return true;
}

std::string_view sv(const xmlChar* s) { return s ? std::string_view(reinterpret_cast<const char*>(s)) : std::string_view(); }

Kind classify(std::string_view name) {
  char buf[16];
  if (name.size() > sizeof buf) return Kind::inline_;
  for (std::size_t i = 0; i < name.size(); ++i) buf[i] = lower(name[i]);
  const std::string_view key(buf, name.size());
  const auto it = std::lower_bound(kTags.begin(), kTags.end(), key,
                                   [](const TagInfo& t, std::string_view k) { return t.name < k; });
  return it != kTags.end() && it->name == key ? it->kind : Kind::inline_;
}

std::string_view trim_ascii(std::string_view s) { return utf8::trim(s); }

/// `display:none` or `visibility:hidden` in a style attribute.
bool style_hides(std::string_view style) {
  while (!style.empty()) {
    const std::size_t semi = style.find(';');
    std::string_view decl = style.substr(0, semi);
    style = semi == std::string_view::npos ? std::string_view() : style.substr(semi + 1);
    const std::size_t colon = decl.find(':');
    if (colon == std::string_view::npos) continue;
    const std::string_view prop = trim_ascii(decl.substr(0, colon));
    std::string_view value = trim_ascii(decl.substr(colon + 1));
    if (const std::size_t bang = value.find('!'); bang != std::string_view::npos)
      value = trim_ascii(value.substr(0, bang));
    if (iequals(prop, "display") && iequals(value, "none")) return true;
    if (iequals(prop, "visibility") && (iequals(value, "hidden") || iequals(value, "collapse"))) return true;
  }
  return false;
}

bool invisible(const xmlChar** atts) {
  if (atts == nullptr) return false;
  for (std::size_t i = 0; atts[i] != nullptr; i += 2) {
    const std::string_view name = sv(atts[i]);
    if (iequals(name, "hidden")) return true;
    if (iequals(name, "style") && style_hides(sv(atts[i + 1]))) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// The tree of visible content, nodes in document order (parents before children).

struct Node {
  Kind kind;
  std::uint32_t parent = kNone, first = kNone, last = kNone, next = kNone;
  std::uint32_t text_begin = 0, text_end = 0;  // text nodes: their bytes in Tree::text
};

struct Tree {
  std::vector<Node> nodes;
  std::string text;
  std::string_view text_of(const Node& n) const {
    return std::string_view(text).substr(n.text_begin, n.text_end - n.text_begin);
  }
};

/// Receives libxml2's SAX events.
struct Builder {
  htmlParserCtxtPtr ctxt = nullptr;
  Tree tree;
  std::vector<std::uint32_t> open{0};  // open elements, open[0] = the root
  std::size_t skipping = 0;            // depth inside an invisible element
  bool bogus = false;                  // inside "<!...>" that libxml2 passes on as text
  bool amp = false;                    // "&" of a reference without ";" seen, its name follows
  std::uint64_t scan_cost = 0;         // stack entries libxml2 searched for mismatched tags
  bool failed = false;                 // libxml2 stopped early (fatal error or our budget)
  std::string failure;
  std::size_t failure_position = 0;

  Builder() { tree.nodes.push_back(Node{Kind::root}); }

  std::uint32_t add(Kind kind) {
    const auto index = static_cast<std::uint32_t>(tree.nodes.size());
    const std::uint32_t parent = open.back();
    Node n{kind};
    n.parent = parent;
    tree.nodes.push_back(n);
    Node& p = tree.nodes[parent];
    if (p.last == kNone) p.first = index;
    else tree.nodes[p.last].next = index;
    p.last = index;
    return index;
  }

  void text(std::string_view t) {
    const Node& p = tree.nodes[open.back()];
    // Consecutive character events (libxml2 delivers long text in chunks) extend one node.
    if (p.last != kNone && p.last + 1 == tree.nodes.size() && tree.nodes[p.last].kind == Kind::text) {
      tree.text.append(t);
      tree.nodes[p.last].text_end = static_cast<std::uint32_t>(tree.text.size());
      return;
    }
    const std::uint32_t i = add(Kind::text);
    tree.nodes[i].text_begin = static_cast<std::uint32_t>(tree.text.size());
    tree.text.append(t);
    tree.nodes[i].text_end = static_cast<std::uint32_t>(tree.text.size());
  }

  std::size_t position() const {
    if (ctxt == nullptr || ctxt->input == nullptr || ctxt->input->cur == nullptr) return 0;
    return static_cast<std::size_t>(ctxt->input->consumed) +
           static_cast<std::size_t>(ctxt->input->cur - ctxt->input->base);
  }
};

Builder& builder(void* ctx) {
  Builder& b = *static_cast<Builder*>(ctx);
  if (b.amp) {  // an "&" whose name never came (e.g. from "&#38" without ";"): keep it
    b.amp = false;
    if (!b.bogus && b.skipping == 0) b.text("&");
  }
  return b;
}

void on_start(void* ctx, const xmlChar* name, const xmlChar** atts) {
  Builder& b = builder(ctx);
  if (b.skipping > 0) {
    ++b.skipping;
    return;
  }
  const Kind kind = classify(sv(name));
  if (kind == Kind::skip || invisible(atts)) {
    b.skipping = 1;
    return;
  }
  b.open.push_back(b.add(kind));
}

void on_end(void* ctx, const xmlChar* /*name*/) {
  Builder& b = builder(ctx);
  if (b.skipping > 0) --b.skipping;
  else if (b.open.size() > 1) b.open.pop_back();
}

bool is_alnum(unsigned char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

/// "&nbsp217" (no ";"): a browser decodes the longest entity name at the start ("&nbsp" then
/// "217"); libxml2 keeps it as text. Returns the decoded text, or "" when no prefix is an entity.
std::string legacy_reference(std::string_view name) {
  for (std::size_t n = std::min<std::size_t>(name.size(), 8); n >= 2; --n) {
    const std::string prefix(name.substr(0, n));
    if (const htmlEntityDesc* d = htmlEntityLookup(reinterpret_cast<const xmlChar*>(prefix.c_str()))) {
      std::string out;
      utf8::append(out, static_cast<char32_t>(d->value));
      out.append(name.substr(n));
      return out;
    }
  }
  return {};
}

void on_characters(void* ctx, const xmlChar* ch, int len) {
  Builder& b = *static_cast<Builder*>(ctx);
  if (len <= 0) return;
  std::string_view t(reinterpret_cast<const char*>(ch), static_cast<std::size_t>(len));
  const xmlChar* cur = b.ctxt != nullptr && b.ctxt->input != nullptr ? b.ctxt->input->cur : nullptr;
  // An unterminated reference reaches us as "&" (the input already past its name, which does
  // not end in ";") and then the name.
  if (b.amp) {
    b.amp = false;
    if (!b.bogus && b.skipping == 0) {
      const std::string decoded = legacy_reference(t);
      if (decoded.empty()) {
        b.text("&");
        b.text(t);
      } else {
        b.text(decoded);
      }
    }
    return;
  }
  if (len == 1 && t[0] == '&' && cur != nullptr && cur[0] != ';') {
    const xmlChar* p = cur;
    while (p > b.ctxt->input->base && is_alnum(p[-1])) --p;
    if (p < cur && p > b.ctxt->input->base && p[-1] == '&') {  // "&name" just read, no ";"
      b.amp = true;
      return;
    }
  }
  // libxml2 passes a literal "<" that starts no tag on as text, before moving past it. When
  // "<!" opens something that is neither a comment nor a DOCTYPE (Word's "<![if !supportLists]>",
  // "<![endif]>", "<![CDATA[...]]>"), a browser skips it up to the next ">" (a bogus comment).
  if (len == 1 && t[0] == '<' && cur != nullptr && cur[0] == '<' && cur[1] == '!') {
    b.bogus = true;
    return;
  }
  if (b.bogus) {
    const std::size_t gt = t.find('>');
    if (gt == std::string_view::npos) return;
    b.bogus = false;
    t.remove_prefix(gt + 1);
  }
  if (b.skipping > 0 || t.empty()) return;
  b.text(t);
}

/// libxml2 searches its whole stack of open elements for every end tag that matches none of
/// them (and for every misplaced <body>), so thousands of such tags under thousands of unclosed
/// elements take quadratic time. Each search is reported as an error; past this many searched
/// entries (a fraction of a second) the parse stops. Real pages stay far below.
constexpr std::uint64_t kScanBudget = 50'000'000;

void on_error(void* ctx, xmlErrorPtr e) {
  Builder& b = builder(ctx);
  if (e == nullptr || b.failed) return;
  // "<?" without a name: libxml2 skips the two characters and reads the rest as text; a
  // browser skips it all up to the next ">" (a bogus comment), as for "<!" above.
  if (e->code == XML_ERR_PI_NOT_STARTED) {
    b.bogus = true;
    return;
  }
  if ((e->code == XML_ERR_TAG_NAME_MISMATCH || e->code == XML_HTML_STRUCURE_ERROR) && b.ctxt != nullptr) {
    b.scan_cost += static_cast<std::uint64_t>(std::max(b.ctxt->nameNr, 0));
    if (b.scan_cost > kScanBudget) {
      b.failed = true;
      b.failure_position = b.position();
      b.failure = "在大量未闭合的元素中有大量多余或错配的结束标签";
      xmlStopParser(b.ctxt);
    }
    return;
  }
  if (e->level != XML_ERR_FATAL) return;
  b.failed = true;
  b.failure_position = b.position();
  std::string_view m = e->message ? std::string_view(e->message) : std::string_view("unknown error");
  while (!m.empty() && (m.back() == '\n' || m.back() == ' ')) m.remove_suffix(1);
  b.failure = "libxml2: " + std::string(m);
}

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
