// The report's running text as the narrative rules see it (internal): which paragraphs are
// report text and which are page chrome or crawled table rows, spans into the input, and the
// small readers of dates, Chinese numerals and figures with units that the rules share.
#pragma once
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "nianbao/decimal.hpp"
#include "nianbao/document.hpp"
#include "nianbao/report.hpp"

namespace nianbao {

bool ends_with(std::string_view s, std::string_view suffix);
bool starts_with(std::string_view s, std::string_view prefix);
bool contains(std::string_view s, std::string_view part);
/// The phrases of "a|b|c" (the phrase lists of the rule tables), iterated without allocating.
class Phrases {
 public:
  class iterator {
   public:
    iterator(std::string_view rest) : rest_(rest) { next(); }
    std::string_view operator*() const { return cur_; }
    iterator& operator++() { next(); return *this; }
    bool operator!=(const iterator& o) const { return cur_.data() != o.cur_.data() || rest_.size() != o.rest_.size(); }

   private:
    void next() {
      cur_ = {};
      while (!rest_.empty() && cur_.empty()) {
        const std::size_t bar = rest_.find('|');
        cur_ = rest_.substr(0, bar);
        rest_ = bar == std::string_view::npos ? std::string_view{} : rest_.substr(bar + 1);
      }
      if (cur_.empty()) cur_ = rest_ = {};
    }
    std::string_view rest_, cur_;
  };
  explicit Phrases(std::string_view list) : list_(list) {}
  iterator begin() const { return iterator(list_); }
  iterator end() const { return iterator({}); }

 private:
  std::string_view list_;
};
inline Phrases split_bar(std::string_view list) { return Phrases(list); }
/// The first of `phrases` ("a|b|c") found in `s` at or after `from`, or npos.
std::size_t find_any(std::string_view s, std::string_view phrases, std::size_t from = 0);

std::u32string to_u32(std::string_view s);

/// 一 … 九 (also 〇/○/零 as 0); -1 otherwise.
int cn_digit(char32_t c);
/// 1–99 written 一 … 十二 … 九十九, or with Arabic digits.
std::optional<int> small_number(std::u32string_view s);

struct Date {
  int y = 0, m = 0, d = 0;  ///< d == 0: the day is not given
  std::string iso() const;
  friend auto operator<=>(const Date&, const Date&) = default;
};

/// A date filling the whole string: "2017年3月1日", "二○一三年三月十二日", "二〇二四年一月",
/// "2013-03-15".
std::optional<Date> whole_date(std::string_view text);

/// Unit words of running text: the table units (kUnitWords) and the counters reports use in
/// prose ("747名公务员", "2起", "3场").
std::span<const std::string_view> text_units();

/// A number with a unit in running text: "8359条", "2022人次", "35.6万元".
struct Mention {
  Decimal value;
  std::string_view unit;
  std::size_t start = 0, end = 0;  ///< bytes in the paragraph text, the unit included
  bool approximate = false;        ///< 约/近/超过/逾 before it, 余/多 after it
  /// A share stated right after it ("，占总数的41.31%"): the value, its decimals, and where the
  /// percentage stands.
  struct Share {
    Decimal value;
    int decimals = 0;
    std::size_t start = 0, end = 0;
  };
  std::optional<Share> share;
};

/// Numbers followed by a unit in [from, to) of `t`; years, dates and numbers glued to other
/// digits are not mentions.
std::vector<Mention> find_mentions(std::string_view t, std::size_t from, std::size_t to);

/// Where the clause or sentence around byte `at` of `t` starts and ends. A clause ends at
/// ， ； 。 ： 、 (and their ASCII forms after NFKC); a sentence at 。 ； ! ? and line ends.
std::size_t clause_start(std::string_view t, std::size_t at, bool split_on_dun = true);
std::size_t clause_end(std::string_view t, std::size_t at, bool split_on_dun = true);
std::size_t sentence_start(std::string_view t, std::size_t at);
std::size_t sentence_end(std::string_view t, std::size_t at);
/// Where the text after a clause or sentence end `i` resumes: past its punctuation, if any.
std::size_t past_stop(std::string_view t, std::size_t i);

/// share×10^decimals rounded half up equals `stated` (a percentage with `decimals` places).
bool share_holds(Decimal part, Decimal total, Decimal stated, int decimals);
/// part÷total as a percentage rounded half up to `decimals` places.
Decimal share_of(Decimal part, Decimal total, int decimals);

/// The paragraphs of a document, sorted into report text, page chrome and table rows that a
/// crawler flattened into paragraphs.
class Prose {
 public:
  Prose(const Document& doc, const Report& report);

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

 private:
  enum class Kind : unsigned char { body, chrome, table_text };
  void sort();
  const Document& doc_;
  std::vector<const Paragraph*> all_, body_;
  std::vector<Kind> kind_;
  std::unordered_map<const Paragraph*, std::size_t> index_;
};

/// A finding without expected/actual values.
Finding make_finding(std::string rule, Severity severity, std::string message, Span span, std::string hint = {});

}  // namespace nianbao
