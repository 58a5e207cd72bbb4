// The report's running text as the narrative rules see it (internal): which paragraphs are
// report text and which are page chrome or crawled table rows, spans into the input, and the
// small readers of dates, Chinese numerals and figures with units that the rules share.
#pragma once
#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <deque>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "nianbao/decimal.hpp"
#include "read/document.hpp"
#include "nianbao/report.hpp"
#include "text/phrases.hpp"
#include "text/words.hpp"
#include "util/strings.hpp"

namespace nianbao {

/// A line of a crawler's header block: "标题: …" (its value is the report's title), another
/// field ("发布时间: …", "发布机构: …"), or the separator line under the block ("==== 正文 ====").
/// `value`: where the field's value starts in `t`.
enum class HeaderLine { none, title, field, separator };
HeaderLine header_line(std::string_view t, std::size_t& value);

/// A report body crawled onto one line (two or more of the six section headings inside it): its
/// pieces [start, end) — the title and preamble, each heading, the text under it split at
/// "(一)" items, a table (`has_cells(a, b)`) whole, the signature after the last sentence. Empty
/// when `t` is not such a line. (flat.cpp)
std::vector<std::pair<std::size_t, std::size_t>> flat_pieces(std::string_view t,
                                                             const std::function<bool(std::size_t, std::size_t)>& has_cells);

/// The paragraphs of a document, sorted into report text, page chrome and table rows that a
/// crawler flattened into paragraphs. A body crawled onto one line is read as the paragraphs it
/// had (flat_pieces); a crawler's header block is chrome, but for its title.
class Prose {
 public:
  /// `tables`: the tables matched in `doc` (their cells and crawled rows are not report text).
  Prose(const Document& doc, std::span<const ReportTable> tables);

  const Document& doc() const { return doc_; }
  /// Every paragraph, in order.
  const std::vector<const Paragraph*>& all() const { return all_; }
  /// Report text: not chrome and not holding table cells.
  const std::vector<const Paragraph*>& body() const { return body_; }
  bool is_chrome(const Paragraph* p) const;
  bool is_table_text(const Paragraph* p) const;
  /// Marks the runs of chrome paragraphs (found by the caller) as chrome.
  void set_chrome(const std::vector<const Paragraph*>& chrome);

  /// The input span of bytes [a, b) of a paragraph's normalised text.
  Span span(const Paragraph& p, std::size_t a, std::size_t b) const;
  /// The index of `p` in all(), for ordering.
  std::size_t index(const Paragraph* p) const;
  /// The words of screening::kWords (screen_words.hpp) that all()[i] has, as bits: page chrome
  /// and integrity words, found in one pass over each paragraph.
  std::uint64_t screen_words(std::size_t i) const { return words_[i]; }

 private:
  enum class Kind : unsigned char { body, chrome, table_text };
  void sort();
  /// A paragraph made of bytes [a, b) of `p` (a piece of a flattened line).
  const Paragraph* piece(const Paragraph& p, std::size_t a, std::size_t b);
  /// Joins the lines of running text that PDF text and converted markdown wrap at a fixed width.
  void reflow(std::vector<Kind>& kinds);
  /// A joined paragraph's text positions and where each part starts in the normalised text.
  struct Joined {
    const Paragraph* p;
    std::vector<std::pair<std::size_t, std::size_t>> parts;  ///< (text position, offset)
  };
  std::vector<Joined> joined_;  ///< by address
  const Document& doc_;
  std::deque<Paragraph> owned_;  ///< the pieces of flattened lines
  std::vector<std::pair<const Paragraph*, std::size_t>> order_;  ///< index() by address
  std::vector<const Paragraph*> all_, body_;
  std::vector<Kind> kind_;
  std::vector<std::uint64_t> words_;  ///< screen_words() by index
};

/// A finding without expected/actual values.
Finding make_finding(Rule rule, Severity severity, std::string message, Span span, std::string hint = {});

}  // namespace nianbao
