#include "narrative/prose.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <functional>
#include <stdexcept>

#include "read/normalize.hpp"
#include "util/number.hpp"
#include "read/screen_words.hpp"
#include "util/utf8.hpp"

namespace nianbao {

using namespace std::string_view_literals;

Prose::Prose(const Document& doc, std::span<const ReportTable> tables) : doc_(doc) {
  // Crawled tables: paragraphs that hold cells the matcher placed.
  std::vector<Span> cells;
  for (const ReportTable& t : tables)
    for (const TableCell& c : t.cells) cells.push_back(c.span);
  std::sort(cells.begin(), cells.end(), [](const Span& a, const Span& b) { return a.start < b.start; });
  auto holds_cell = [&](const Span& s) {
    auto it = std::lower_bound(cells.begin(), cells.end(), s.start, [](const Span& c, std::uint32_t v) { return c.start < v; });
    return it != cells.end() && it->end <= s.end;
  };
  std::vector<Kind> kinds;
  // A crawler's header block: "key: value" lines at the top, down to a separator line if any.
  std::size_t seen = 0, header_end = 0, fields = 0, leading = 0;
  for (const Block& b : doc.blocks) {
    if (b.kind != Block::Kind::paragraph) continue;
    if (++seen > 14) break;
    std::size_t value = 0;
    const HeaderLine h = header_line(b.paragraph.text, value);
    if (h == HeaderLine::separator) {
      if (fields >= 2) header_end = seen;
      break;
    }
    if (h == HeaderLine::none) continue;
    if (++fields == seen) leading = seen;  // the fields that open the document
  }
  if (!header_end && leading >= 2) header_end = leading;
  seen = 0;
  for (const Block& b : doc.blocks) {
    if (b.kind != Block::Kind::paragraph) continue;
    const Paragraph& p = b.paragraph;
    if (++seen <= header_end) {
      std::size_t value = 0;
      if (header_line(p.text, value) == HeaderLine::title && value < p.text.size()) {
        all_.push_back(piece(p, value, p.text.size()));  // the title is report text
        kinds.push_back(Kind::body);
      } else {
        all_.push_back(&p);
        kinds.push_back(Kind::chrome);
      }
      continue;
    }
    // A markdown heading ("## 一、总体情况", "# 沐阳县人民政府 2025 年 …"): its words.
    if (p.text.size() > 2 && p.text[0] == '#') {
      std::size_t k = 0;
      while (k < p.text.size() && p.text[k] == '#') ++k;
      if (k <= 6 && k < p.text.size() && p.text[k] == ' ') {
        while (k < p.text.size() && p.text[k] == ' ') ++k;
        const Paragraph* x = piece(p, k, p.text.size());
        all_.push_back(x);
        kinds.push_back(holds_cell(x->span) ? Kind::table_text : Kind::body);
        continue;
      }
    }
    const auto span_of = [&](std::size_t a, std::size_t e) { return doc.map ? doc.map->span(p.offset + a, p.offset + e) : p.span; };
    const auto pieces = p.text.size() < 512 ? std::vector<std::pair<std::size_t, std::size_t>>{}
                                            : flat_pieces(p.text, [&](std::size_t a, std::size_t e) { return holds_cell(span_of(a, e)); });
    if (pieces.empty()) {
      all_.push_back(&p);
      kinds.push_back(holds_cell(p.span) ? Kind::table_text : Kind::body);
      continue;
    }
    for (const auto& [a, e] : pieces) {
      const Paragraph* x = piece(p, a, e);
      all_.push_back(x);
      kinds.push_back(holds_cell(x->span) ? Kind::table_text : Kind::body);
    }
  }
  // Lines of a table crawled one cell per line (row labels, group labels between them).
  for (const ReportTable& t : tables)
    for (const Span& s : t.text_spans)
      for (std::size_t i = 0; i < all_.size(); ++i)
        if (all_[i]->span.start >= s.start && all_[i]->span.end <= s.end) kinds[i] = Kind::table_text;
  reflow(kinds);
  kind_ = std::move(kinds);
  words_.resize(all_.size());
  for (std::size_t i = 0; i < all_.size(); ++i) words_[i] = screening::kWords.which(all_[i]->text);
  order_.reserve(all_.size());
  for (std::size_t i = 0; i < all_.size(); ++i) order_.emplace_back(all_[i], i);
  std::sort(order_.begin(), order_.end(), [](const auto& x, const auto& y) { return std::less<const Paragraph*>()(x.first, y.first); });
  sort();
}

const Paragraph* Prose::piece(const Paragraph& p, std::size_t a, std::size_t b) {
  Paragraph x;
  x.text = p.text.substr(a, b - a);
  x.offset = p.offset + a;
  x.span = doc_.map ? doc_.map->span(x.offset, x.offset + x.text.size()) : p.span;
  owned_.push_back(std::move(x));
  return &owned_.back();
}

void Prose::set_chrome(const std::vector<const Paragraph*>& chrome) {
  for (const Paragraph* p : chrome) kind_[index(p)] = Kind::chrome;
  sort();
}

void Prose::sort() {
  body_.clear();
  for (std::size_t i = 0; i < all_.size(); ++i)
    if (kind_[i] == Kind::body) body_.push_back(all_[i]);
}

bool Prose::is_chrome(const Paragraph* p) const { return kind_[index(p)] == Kind::chrome; }
bool Prose::is_table_text(const Paragraph* p) const { return kind_[index(p)] == Kind::table_text; }

Span Prose::span(const Paragraph& p, std::size_t a, std::size_t b) const {
  if (!doc_.map) return p.span;
  if (!joined_.empty()) {
    const auto it = std::lower_bound(joined_.begin(), joined_.end(), &p,
                                     [](const Joined& j, const Paragraph* v) { return std::less<const Paragraph*>()(j.p, v); });
    if (it != joined_.end() && it->p == &p) {
      // Each end in the line it belongs to: the start's part, and the part of the byte before the end.
      auto offset_of = [&](std::size_t i) {
        auto k = std::upper_bound(it->parts.begin(), it->parts.end(), i, [](std::size_t v, const auto& x) { return v < x.first; });
        --k;
        return k->second + (i - k->first);
      };
      const std::size_t na = offset_of(a), nb = b > a ? offset_of(b - 1) + 1 : na;
      return doc_.map->span(na, std::max(na, nb));
    }
  }
  return doc_.map->span(p.offset + a, p.offset + b);
}


std::size_t Prose::index(const Paragraph* p) const {
  const auto it = std::lower_bound(order_.begin(), order_.end(), p,
                                   [](const auto& x, const Paragraph* v) { return std::less<const Paragraph*>()(x.first, v); });
  if (it == order_.end() || it->first != p) throw std::out_of_range("Prose::index: not a paragraph of the document");
  return it->second;
}

Finding make_finding(Rule rule, Severity severity, std::string message, Span span, std::string hint) {
  Finding f;
  f.rule = std::move(rule);
  f.severity = severity;
  f.message = std::move(message);
  f.span = span;
  f.hint = std::move(hint);
  return f;
}

}  // namespace nianbao
