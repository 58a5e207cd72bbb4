// The HTML reader, internal: the tree of a page's visible content and the libxml2 SAX handlers
// that build it (html_tree.cpp); the rendition reads the tree (html_reader.cpp).
#pragma once
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace nianbao::html {

constexpr std::uint32_t kNone = 0xFFFFFFFFu;

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

/// The SAX handlers (`ctx`: the Builder).
void on_start(void* ctx, const xmlChar* name, const xmlChar** atts);
void on_end(void* ctx, const xmlChar* name);
void on_characters(void* ctx, const xmlChar* ch, int len);
void on_error(void* ctx, xmlErrorPtr e);

}  // namespace nianbao::html
