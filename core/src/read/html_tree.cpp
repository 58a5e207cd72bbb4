// The HTML reader: libxml2's SAX events -> the tree of visible content. Elements classified by
// tag (block, inline, table parts, invisible), hidden content dropped as it arrives, text the
// way a browser reads what libxml2 leaves as text ("&nbsp217", "<!...>"), and a stop when
// mismatched end tags would make libxml2 take quadratic time.
#include "read/html_tree.hpp"

#include <algorithm>
#include <array>

#include "util/utf8.hpp"

namespace nianbao::html {

namespace {

// ---------------------------------------------------------------------------------------------
// Elements

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

Builder& builder(void* ctx) {
  Builder& b = *static_cast<Builder*>(ctx);
  if (b.amp) {  // an "&" whose name never came (e.g. from "&#38" without ";"): keep it
    b.amp = false;
    if (!b.bogus && b.skipping == 0) b.text("&");
  }
  return b;
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

/// libxml2 searches its whole stack of open elements for every end tag that matches none of
/// them (and for every misplaced <body>), so thousands of such tags under thousands of unclosed
/// elements take quadratic time. Each search is reported as an error; past this many searched
/// entries (a fraction of a second) the parse stops. Real pages stay far below.
constexpr std::uint64_t kScanBudget = 50'000'000;

}  // namespace

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

}  // namespace nianbao::html
