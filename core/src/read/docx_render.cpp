// The DOCX reader: the rendition of word/document.xml. Paragraphs become lines, tables
// `| a | b |` rows (merged cells once), deleted text and field codes are dropped, automatic list
// numbers written out; the text gathered is bounded (docs/docx.md).
#include "read/docx_render.hpp"

#include <algorithm>
#include <array>
#include <string_view>
#include <utility>
#include <vector>

#include "read/docx_reader.hpp"
#include "read/docx_xml.hpp"

namespace nianbao::docx {

namespace {

using pugi::xml_node;

// ---- the rendition --------------------------------------------------------------------

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

/// White space runs -> one space, trimmed; other C0 controls and DEL dropped; in cells `|` -> `¦`.
std::string collapse(std::string_view s, bool cell) {
  std::string out;
  out.reserve(s.size());
  bool pending = false;
  for (char c : s) {
    if (is_space(c)) {
      pending = !out.empty();
      continue;
    }
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7F) continue;
    if (pending) out += ' ';
    pending = false;
    if (cell && c == '|')
      out += "\xC2\xA6";  // U+00A6 BROKEN BAR
    else
      out += c;
  }
  return out;
}

/// Bytes of text gathered so far, against a cap: hostile documents (list labels repeated over
/// millions of paragraphs, text boxes inside text boxes) must not grow memory without bound.
struct Budget {
  std::size_t used = 0, cap = 0;
  bool exceeded = false;
  void take(std::size_t n) {
    used += n;
    if (used > cap) exceeded = true;
  }
};

/// Collects the inline text of a paragraph or a cell. In a paragraph a line break starts a new
/// line; in a cell it is a space.
struct Sink {
  bool cell;
  Budget* budget;
  std::string current;
  std::vector<std::string> lines;
  void text(std::string_view s) {
    if (budget->exceeded) return;
    budget->take(s.size());
    current += s;
  }
  void space() { text(" "); }
  void line_break() {
    if (cell) {
      text(" ");
    } else {
      budget->take(1);
      lines.push_back(std::move(current));
      current.clear();
    }
  }
};

enum class Tag {
  other,
  alternate_content,
  mc_choice,
  mc_fallback,
  body,
  br,
  cell_del,
  cr,
  custom_xml,
  custom_xml_pr,
  del,
  del_instr_text,
  del_text,
  document,
  instr_text,
  move_from,
  no_break_hyphen,
  num_id,
  num_pr,
  p,
  p_pr,
  p_style,
  ilvl,
  ptab,
  r,
  r_pr,
  sdt,
  sdt_end_pr,
  sdt_pr,
  sect_pr,
  smart_tag_pr,
  soft_hyphen,
  sym,
  t,
  tab,
  tbl,
  tbl_grid,
  tbl_pr,
  tbl_pr_ex,
  tc,
  tc_pr,
  tr,
  tr_pr,
  v_merge,
  vanish,
};

/// The WordprocessingML elements the renderer knows (by local name); a switch on the length keeps
/// this hot lookup to one or two comparisons.
Tag word_tag(std::string_view n) {
  switch (n.size()) {
    case 1:
      if (n == "p") return Tag::p;
      if (n == "r") return Tag::r;
      if (n == "t") return Tag::t;
      break;
    case 2:
      if (n == "br") return Tag::br;
      if (n == "cr") return Tag::cr;
      if (n == "tc") return Tag::tc;
      if (n == "tr") return Tag::tr;
      break;
    case 3:
      if (n == "del") return Tag::del;
      if (n == "pPr") return Tag::p_pr;
      if (n == "rPr") return Tag::r_pr;
      if (n == "sdt") return Tag::sdt;
      if (n == "sym") return Tag::sym;
      if (n == "tab") return Tag::tab;
      if (n == "tbl") return Tag::tbl;
      break;
    case 4:
      if (n == "body") return Tag::body;
      if (n == "ilvl") return Tag::ilvl;
      if (n == "ptab") return Tag::ptab;
      if (n == "tcPr") return Tag::tc_pr;
      if (n == "trPr") return Tag::tr_pr;
      break;
    case 5:
      if (n == "numId") return Tag::num_id;
      if (n == "numPr") return Tag::num_pr;
      if (n == "sdtPr") return Tag::sdt_pr;
      if (n == "tblPr") return Tag::tbl_pr;
      break;
    case 6:
      if (n == "pStyle") return Tag::p_style;
      if (n == "sectPr") return Tag::sect_pr;
      if (n == "vMerge") return Tag::v_merge;
      if (n == "vanish") return Tag::vanish;
      break;
    case 7:
      if (n == "cellDel") return Tag::cell_del;
      if (n == "delText") return Tag::del_text;
      if (n == "tblGrid") return Tag::tbl_grid;
      if (n == "tblPrEx") return Tag::tbl_pr_ex;
      break;
    case 8:
      if (n == "document") return Tag::document;
      if (n == "moveFrom") return Tag::move_from;
      if (n == "sdtEndPr") return Tag::sdt_end_pr;
      break;
    case 9:
      if (n == "customXml") return Tag::custom_xml;
      if (n == "instrText") return Tag::instr_text;
      break;
    case 10:
      if (n == "smartTagPr") return Tag::smart_tag_pr;
      if (n == "softHyphen") return Tag::soft_hyphen;
      break;
    case 11:
      if (n == "customXmlPr") return Tag::custom_xml_pr;
      break;
    case 12:
      if (n == "delInstrText") return Tag::del_instr_text;
      break;
    case 13:
      if (n == "noBreakHyphen") return Tag::no_break_hyphen;
      break;
  }
  return Tag::other;
}

/// Properties and removed content: never text of the rendition.
bool skipped(Tag t) {
  switch (t) {
    case Tag::del:
    case Tag::move_from:
    case Tag::del_text:
    case Tag::instr_text:
    case Tag::del_instr_text:
    case Tag::r_pr:
    case Tag::p_pr:
    case Tag::sdt_pr:
    case Tag::sdt_end_pr:
    case Tag::tc_pr:
    case Tag::tr_pr:
    case Tag::tbl_pr:
    case Tag::tbl_grid:
    case Tag::tbl_pr_ex:
    case Tag::sect_pr:
    case Tag::custom_xml_pr:
    case Tag::smart_tag_pr:
    case Tag::mc_fallback: return true;
    default: return false;
  }
}

class Renderer {
 public:
  /// `max_out`: the longest rendition; the raw text gathered may be twice that plus slack
  /// (white space collapses).
  Renderer(std::string w, std::string mc, docx::Numbering numbering, std::size_t max_out)
      : w_(std::move(w)), mc_(std::move(mc)), val_(w_ + "val"), numbering_(std::move(numbering)), max_out_(max_out) {
    budget_.cap = docx_limits::kMinBytes + 2 * max_out;
  }

  bool too_deep() const { return too_deep_; }
  bool too_long() const { return budget_.exceeded || out_.size() > max_out_; }
  bool stopped() const { return too_deep_ || too_long(); }
  std::string take() { return std::move(out_); }

  Tag tag(xml_node n) const {
    if (n.type() != pugi::node_element) return Tag::other;
    if (const auto local = strip(n.name(), w_)) return word_tag(*local);
    if (const auto local = strip(n.name(), mc_)) {
      if (*local == "AlternateContent") return Tag::alternate_content;
      if (*local == "Choice") return Tag::mc_choice;
      if (*local == "Fallback") return Tag::mc_fallback;
    }
    return Tag::other;
  }

  xml_node child(xml_node n, Tag t) const {
    for (xml_node c : n.children())
      if (tag(c) == t) return c;
    return {};
  }

  /// The branch of an mc:AlternateContent to read: the first mc:Choice, else mc:Fallback.
  xml_node alternative(xml_node ac) const {
    for (xml_node c : ac.children())
      if (tag(c) == Tag::mc_choice) return c;
    for (xml_node c : ac.children())
      if (tag(c) == Tag::mc_fallback) return c;
    return {};
  }

  /// Block content: paragraphs, tables, and the containers around them.
  void blocks(xml_node parent, std::size_t depth) {
    if (!enter(depth)) return;
    for (xml_node c : parent.children()) {
      if (c.type() != pugi::node_element) continue;
      const Tag t = tag(c);
      if (t == Tag::p)
        paragraph(c, depth + 1);
      else if (t == Tag::tbl)
        table(c, depth + 1);
      else if (t == Tag::alternate_content)
        blocks(alternative(c), depth + 1);
      else if (!skipped(t))
        blocks(c, depth + 1);
      if (stopped()) return;
    }
  }

  void paragraph(xml_node p, std::size_t depth) {
    Sink s{false, &budget_, {}, {}};
    s.text(label(p));
    inline_children(p, s, depth);
    s.line_break();
    for (const std::string& line : s.lines) {
      std::string l = collapse(line, false);
      if (!l.empty()) out_ += l + "\n";
    }
  }

  void table(xml_node tbl, std::size_t depth) {
    if (!enter(depth)) return;
    std::vector<xml_node> rows;
    collect(tbl, Tag::tr, rows, depth + 1);
    std::vector<std::vector<xml_node>> cells(rows.size());
    bool layout = false;
    for (std::size_t i = 0; i < rows.size() && !stopped(); ++i) {
      if (deleted_row(rows[i])) continue;
      collect(rows[i], Tag::tc, cells[i], depth + 2);
      for (xml_node c : cells[i]) layout = layout || contains_table(c, depth + 3);
    }
    if (stopped()) return;
    if (layout) {
      // A table holding a table lays the page out: its cells are read as blocks.
      for (const auto& row : cells)
        for (xml_node c : row)
          if (!covered(c)) blocks(c, depth + 3);
      return;
    }
    bool any = false;
    for (const auto& row : cells) {
      std::string line;
      std::size_t n = 0;
      for (xml_node c : row) {
        if (covered(c)) continue;
        Sink s{true, &budget_, {}, {}};
        inline_children(c, s, depth + 3);
        line += (n++ == 0 ? "| " : " | ") + collapse(s.current, true);
      }
      if (n == 0) continue;
      out_ += line + " |\n";
      any = true;
    }
    if (any) out_ += "\n";
  }

 private:
  bool enter(std::size_t depth) {
    if (depth > docx_limits::kMaxDepth) too_deep_ = true;
    return !stopped();
  }

  /// The automatic number of a paragraph ("" if none), advancing the list counters.
  std::string label(xml_node p) {
    if (numbering_.empty()) return "";
    const xml_node ppr = child(p, Tag::p_pr);
    if (!ppr) return numbering_.next(std::nullopt, std::nullopt, "");
    const std::string_view style = child(ppr, Tag::p_style).attribute(val_.c_str()).value();
    std::optional<int> num_id, ilvl;
    if (const xml_node np = child(ppr, Tag::num_pr)) {
      num_id = docx::to_int(child(np, Tag::num_id).attribute(val_.c_str()).value());
      ilvl = docx::to_int(child(np, Tag::ilvl).attribute(val_.c_str()).value());
    }
    return numbering_.next(num_id, ilvl, style);
  }

  void inline_children(xml_node parent, Sink& s, std::size_t depth) {
    if (!enter(depth)) return;
    for (xml_node c : parent.children()) {
      if (c.type() != pugi::node_element) continue;
      const Tag t = tag(c);
      switch (t) {
        case Tag::t:
          for (xml_node x : c.children())
            if (x.type() == pugi::node_pcdata || x.type() == pugi::node_cdata) s.text(x.value());
          break;
        case Tag::tab:
        case Tag::ptab: s.space(); break;
        case Tag::br:
        case Tag::cr: s.line_break(); break;
        case Tag::no_break_hyphen: s.text("-"); break;
        case Tag::soft_hyphen:
        case Tag::sym: break;
        case Tag::r:
          if (!hidden(c)) inline_children(c, s, depth + 1);
          break;
        case Tag::p:  // a paragraph inside a text box, or a cell's paragraphs
          s.line_break();
          s.text(label(c));
          inline_children(c, s, depth + 1);
          s.line_break();
          break;
        case Tag::tc:
          if (covered(c)) break;
          s.line_break();
          inline_children(c, s, depth + 1);
          s.line_break();
          break;
        case Tag::alternate_content: inline_children(alternative(c), s, depth + 1); break;
        default:
          // w:ins, w:moveTo, w:hyperlink, w:fldSimple, w:sdt(Content), w:smartTag, w:customXml,
          // drawings and text boxes: their runs are read; removed content and properties not.
          if (!skipped(t)) inline_children(c, s, depth + 1);
      }
      if (stopped()) return;
    }
  }

  /// Rows of a table / cells of a row, also when wrapped in w:sdt, w:customXml, w:ins, ...
  void collect(xml_node parent, Tag want, std::vector<xml_node>& out, std::size_t depth) {
    if (!enter(depth)) return;
    for (xml_node c : parent.children()) {
      if (c.type() != pugi::node_element) continue;
      const Tag t = tag(c);
      if (t == want)
        out.push_back(c);
      else if (t == Tag::alternate_content)
        collect(alternative(c), want, out, depth + 1);
      else if (!skipped(t) && t != Tag::tr && t != Tag::tc && t != Tag::p && t != Tag::tbl)
        collect(c, want, out, depth + 1);
    }
  }

  /// Whether a cell holds a table among its blocks (not inside a text box of a paragraph).
  bool contains_table(xml_node cell, std::size_t depth) {
    if (!enter(depth)) return false;
    for (xml_node c : cell.children()) {
      if (c.type() != pugi::node_element) continue;
      const Tag t = tag(c);
      if (t == Tag::tbl) return true;
      if (t == Tag::p || skipped(t)) continue;
      if (contains_table(t == Tag::alternate_content ? alternative(c) : c, depth + 1)) return true;
    }
    return false;
  }

  bool hidden(xml_node run) const {
    const xml_node v = child(child(run, Tag::r_pr), Tag::vanish);
    return v && docx::on(v.attribute(val_.c_str()));
  }

  bool deleted_row(xml_node tr) const { return child(child(tr, Tag::tr_pr), Tag::del); }

  /// A cell covered by a vertical merge (w:vMerge continue) or deleted: it emits nothing.
  bool covered(xml_node tc) const {
    const xml_node pr = child(tc, Tag::tc_pr);
    if (child(pr, Tag::cell_del)) return true;
    const xml_node vm = child(pr, Tag::v_merge);
    if (!vm) return false;
    const std::string_view v = vm.attribute(val_.c_str()).value();
    return v != "restart";
  }

  std::string w_, mc_, val_;
  docx::Numbering numbering_;
  std::string out_;
  bool too_deep_ = false;
  Budget budget_;
  std::size_t max_out_;
};

}  // namespace

Rendition render(xml_node root, std::string w, std::string mc, Numbering numbering, std::size_t max_out) {
  Renderer r(std::move(w), std::move(mc), std::move(numbering), max_out);
  r.blocks(r.child(root, Tag::body), 0);
  Rendition out;
  out.too_deep = r.too_deep();
  out.too_long = r.too_long();
  if (!out.too_deep && !out.too_long) out.text = r.take();
  return out;
}

}  // namespace nianbao::docx
