// What the text must contain and what it must not (spec §5–§6): content-required, info-fee;
// tampering (injected gambling and porn text), typo (corruptions of the domain's fixed terms),
// pii (ID card numbers, personal mobile numbers, home addresses). Word lists are data
// (lexicon/content_topics.hpp, read/screen_words.hpp).
#include <algorithm>
#include <array>
#include <cctype>

#include "lexicon/content_topics.hpp"
#include "narrative/narrative_rules.hpp"
#include "read/screen_words.hpp"
#include "util/utf8.hpp"

namespace nianbao {

namespace {

using namespace std::string_view_literals;
using namespace screening;
using namespace lexicon;

// ---- integrity --------------------------------------------------------------------------------

using utf8::is_digit;

/// GB 11643 check digit of an 18-character citizen ID number.
bool id_checksum(std::string_view s) {
  static constexpr std::array<int, 17> kWeights{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  static constexpr std::string_view kCheck = "10X98765432";
  int sum = 0;
  for (std::size_t i = 0; i < 17; ++i) sum += (s[i] - '0') * kWeights[i];
  const char c = s[17] == 'x' ? 'X' : s[17];
  return kCheck[static_cast<std::size_t>(sum % 11)] == c;
}

bool plausible_birth(std::string_view s) {
  auto num = [&](std::size_t a, std::size_t n) {
    int v = 0;
    for (std::size_t i = a; i < a + n; ++i) v = v * 10 + (s[i] - '0');
    return v;
  };
  const int y = num(6, 4), m = num(10, 2), d = num(12, 2);
  return y >= 1900 && y <= 2030 && m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

/// A number written where a phone number goes: after a phone word, or not glued to words (a
/// crawled table row glues its digits to its label: "（七）总计19191022204").
bool phone_context(std::string_view t, std::size_t i) {
  const std::string_view before = t.substr(0, i);
  for (std::string_view w : {"手机"sv, "电话"sv, "手机号"sv, "号码"sv, "联系方式"sv, "热线"sv, "Tel"sv, "tel"sv, "TEL"sv})
    if (ends_with(utf8::trim(before), w) || ends_with(before, std::string(w) + ":")) return true;
  if (i == 0) return true;
  std::size_t k = i - 1;
  while (k > 0 && (static_cast<unsigned char>(t[k]) & 0xC0) == 0x80) --k;
  std::size_t len = 0;
  return !utf8::is_han(utf8::decode(t, k, len));
}

class Integrity {
 public:
  explicit Integrity(const Prose& prose) : prose_(prose) {}

  std::vector<Finding> run() && {
    for (std::size_t i = 0; i < prose_.all().size(); ++i) {
      const Paragraph* p = prose_.all()[i];
      const std::uint64_t words = prose_.screen_words(i);  // spam words, typos, address words (rare)
      if (words & kTamperingBits) tampering(*p, words >> kTamperingFirst);  // page chrome too: a hacked footer is still a hacked page
      if (prose_.is_chrome(p) || prose_.is_table_text(p)) continue;
      if (words & kTypoBits) typos(*p, words >> kTypoFirst);
      pii(p->text, [&](std::size_t a, std::size_t b) { return prose_.span(*p, a, b); }, (words & kAddressBits) != 0);
    }
    for (const Block& b : prose_.doc().blocks)
      if (b.kind == Block::Kind::table)
        for (const Row& row : b.table.rows)
          for (const Cell& c : row.cells) pii(c.text, [&](std::size_t, std::size_t) { return c.span; }, kAddressSet.in(c.text));
    return std::move(found_);
  }

 private:
  void add(Rule rule, Severity sev, std::string message, Span span, std::string hint = {}) {
    found_.push_back(make_finding(std::move(rule), sev, std::move(message), span, std::move(hint)));
  }

  /// `present`: the words of kTampering in the text, as bits.
  void tampering(const Paragraph& p, std::uint64_t present) {
    const std::string& t = p.text;
    for (std::size_t i = 0; i < kTampering.size(); ++i) {
      if (!((present >> i) & 1)) continue;
      const Spam& spam = kTampering[i];
      const std::string_view w = spam.word;
      for (std::size_t at = utf8::find(t, w); at != std::string::npos; at = utf8::find(t, w, at + w.size())) {
        if (w == "投注" && t.compare(at + w.size(), 3, "站") == 0) continue;
        // A report about fighting gambling names it: "打击六合彩等非法赌博活动".
        const std::size_t c0 = clause_start(t, at, false), c1 = clause_end(t, at, false);
        static constexpr PhraseSet kFighting{"打击|整治|查处|取缔|非法|违法|犯罪|治理"};
        if (find_any(std::string_view(t).substr(c0, c1 - c0), kFighting) != std::string_view::npos) continue;
        // Take in the brand before it: "365体育投注".
        std::size_t a = at;
        if (a >= 6 && t.compare(a - 6, 6, "体育") == 0) a -= 6;
        while (a > 0 && std::isalnum(static_cast<unsigned char>(t[a - 1]))) --a;
        const std::string found = t.substr(a, at + w.size() - a);
        add(Rule::tampering, Severity::error,
            "正文中出现与政府信息公开无关的" + std::string(spam.kind) + "类文字“" + found + "”，疑似网页被篡改，请核对原始报告并处置",
            prose_.span(p, a, at + w.size()));
      }
    }
  }

  /// `present`: the words of kTypos in the text, as bits.
  void typos(const Paragraph& p, std::uint64_t present) {
    const std::string& t = p.text;
    for (std::size_t i = 0; i < kTypos.size(); ++i) {
      if (!((present >> i) & 1)) continue;
      const Typo& ty = kTypos[i];
      for (std::size_t at = utf8::find(t, ty.wrong); at != std::string::npos; at = utf8::find(t, ty.wrong, at + 1)) {
        const std::size_t end = at + ty.wrong.size();
        if (t.compare(at, ty.right.size(), ty.right) == 0 && ty.right.size() > ty.wrong.size()) continue;
        if (!ty.legit_next.empty() && end < t.size()) {
          std::size_t len = 0;
          const char32_t next = utf8::decode(t, end, len);
          if (to_u32(ty.legit_next).find(next) != std::u32string::npos) continue;
        }
        add(Rule::typo, Severity::warning, "“" + std::string(ty.wrong) + "”疑为“" + std::string(ty.right) + "”的笔误",
            prose_.span(p, at, end), std::string(ty.right));
      }
    }
  }

  /// ID card numbers (checksum and birth date valid), personal mobile numbers, home addresses.
  /// Masked numbers ("139****1234") are fine; office numbers have area codes and 7–8 digits.
  /// `words`: whether `t` holds an address word.
  template <class SpanOf>
  void pii(std::string_view t, SpanOf span_of, bool words) {
    for (std::size_t i = next_digit(t, 0, t.size()); i < t.size(); i = next_digit(t, i + 1, t.size())) {
      if (i > 0 && (is_digit(t[i - 1]) || t[i - 1] == '-')) continue;
      std::size_t e = i;
      while (e < t.size() && is_digit(t[e])) ++e;
      const std::size_t run = e - i;
      if (run == 17 && e < t.size() && (t[e] == 'X' || t[e] == 'x')) ++e;
      const std::string_view s = t.substr(i, e - i);
      const bool glued = e < t.size() && (std::isalnum(static_cast<unsigned char>(t[e])) || t[e] == '*');
      // A number named as a code ("统一社会信用代码 …"), looked at only for an ID's length.
      auto code = [&] {
        const std::string_view before = utf8::trim(t.substr(0, i));
        return ends_with(before, "代码") || ends_with(before, "代码:") || ends_with(before, "编号:") || ends_with(before, "编号");
      };
      if (!glued && s.size() == 18 && !code() && plausible_birth(s) && id_checksum(s))
        add(Rule::pii, Severity::error, "报告中出现居民身份证号码“" + std::string(s.substr(0, 6)) + "…”，公开发布前应删除或遮盖", span_of(i, e));
      else if (!glued && s.size() == 11 && s[0] == '1' && s[1] >= '3' && s[1] <= '9' && phone_context(t, i))
        add(Rule::pii, Severity::warning, "报告中出现疑似个人手机号码“" + std::string(s.substr(0, 3)) + "…”，公开发布前请确认是否应删除或遮盖",
            span_of(i, e));
      i = e > i ? e - 1 : i;
    }
    if (!words) return;
    for (std::string_view w : kAddressWords) {
      for (std::size_t at = utf8::find(t, w); at != std::string_view::npos; at = utf8::find(t, w, at + w.size())) {
        if (w == "住址:" && at >= 6 && (t.substr(at - 3, 3) == "现" || t.substr(at - 6, 6) == "家庭")) continue;
        const std::size_t end = clause_end(t, at + w.size() + (w.back() == ':' ? 0 : 0), false);
        if (end - at <= w.size() + 3) continue;  // nothing after the word
        add(Rule::pii, Severity::warning, "报告中出现个人住址（“" + std::string(w) + "”），公开发布前请确认是否应删除", span_of(at, end));
      }
    }
  }

  const Prose& prose_;
  std::vector<Finding> found_;
};

// ---- content ---------------------------------------------------------------------------------

/// Every topic's keywords in one set (made at compile time): one pass over a text tells which
/// topics it covers, and stops once each topic it is asked about is. Topics are numbered in the
/// order below.
constexpr std::size_t kOverviewFirst = 0, kGovernmentFirst = kOverviewFirst + kOverview2021.size(),
                      kLegacyFirst = kGovernmentFirst + kGovernment2019.size(), kProblemsTopic = kLegacyFirst + kLegacyContents.size(),
                      kImprovementsTopic = kProblemsTopic + 1, kInfoFeeTopic = kImprovementsTopic + 1, kTopics = kInfoFeeTopic + 1;
struct TopicWords {
  WidePhraseSet words;
  std::array<std::uint64_t, kTopics> bits{};  ///< each topic's phrases in words.which()
  std::size_t topics = 0;                     ///< the topics added
};
constexpr TopicWords kTopicWords = [] {
  TopicWords x;
  std::size_t& topic = x.topics;
  auto add = [&](const Topic& t) {
    for (std::string_view list : {t.keywords, t.more})
      for (std::string_view p : split_bar(list)) {
        x.bits[topic] |= std::uint64_t{1} << x.words.size();
        x.words.add(p);
      }
    ++topic;
  };
  for (const Topic& t : kOverview2021) add(t);
  for (const Topic& t : kGovernment2019) add(t);
  for (const Topic& t : kLegacyContents) add(t);
  add(kProblems);
  add(kImprovements);
  add(kInfoFee);
  return x;
}();
static_assert(!kTopicWords.words.overflowed() && kTopicWords.words.size() <= 64, "kTopicWords: more phrases than it holds");
static_assert(kTopicWords.topics == kTopics, "kTopicWords: the topics are not numbered as added");

/// Which of topics [first, first + count) `text` covers, as bits by topic number.
std::uint32_t covered(std::string_view text, std::size_t first, std::size_t count) {
  const std::uint64_t found =
      kTopicWords.words.which(text, std::span(kTopicWords.bits.data() + first, count));  // stops once all are
  std::uint32_t out = 0;
  for (std::size_t t = first; t < first + count; ++t)
    if (found & kTopicWords.bits[t]) out |= std::uint32_t{1} << t;
  return out;
}

/// The names of topics[i] (numbered first + i) not in `found` (from covered()).
template <std::size_t N>
std::vector<std::string_view> missing(std::uint32_t found, const std::array<Topic, N>& topics, std::size_t first) {
  std::vector<std::string_view> out;
  for (std::size_t i = 0; i < N; ++i)
    if (!((found >> (first + i)) & 1)) out.push_back(topics[i].name);
  return out;
}

std::string join(const std::vector<std::string_view>& xs) {
  std::string out;
  for (std::string_view x : xs) {
    if (!out.empty()) out += "、";
    out += x;
  }
  return out;
}

/// The text of section `number` (一 … 六): the body paragraphs after its heading up to the next
/// top-level heading. Empty when the report has no such heading or nothing under it.
std::string section_text(const Prose& prose, std::span<const Section> sections, std::string_view number) {
  std::string out;
  bool inside = false;
  for (const Paragraph* p : prose.body()) {
    const bool top = std::any_of(sections.begin(), sections.end(), [&](const Section& s) { return s.span == p->span; });
    if (top) {
      if (inside) break;
      inside = std::any_of(sections.begin(), sections.end(),
                           [&](const Section& s) { return s.span == p->span && s.number == number; });
      continue;  // the heading's own words ("…问题及改进情况") say nothing of the content
    }
    if (inside) out += p->text + "\n";
  }
  return out;
}

class Content {
 public:
  Content(const Prose& prose, const NarrativeFacts& facts) : prose_(prose), facts_(facts) {
    for (const Paragraph* p : prose_.body()) {
      all_ += p->text;
      all_ += '\n';
    }
  }

  std::vector<Finding> run() && {
    if (prose_.body().empty() || !facts_.year) return {};
    const int year = *facts_.year;
    const bool modern = facts_.format == Format::f2019 || facts_.format == Format::f2021 ||
                        (facts_.format == Format::unknown && year >= 2019);
    if (modern) {
      if (year >= 2021) overview();
      if (facts_.kind == BodyKind::government) require(covered(all_, kGovernmentFirst, kGovernment2019.size()), kGovernment2019, kGovernmentFirst, "政府年度报告应说明工作考核、社会评议和责任追究结果情况（2019年《条例》第五十条），未见：", where("一"));
      // (The heading 五 that is the format's fifth part: not "五、政府信息管理" of another outline.)
      if (std::any_of(facts_.sections.begin(), facts_.sections.end(), [](const Section& s) { return s.number == "五" && section_of(s.title) == 5; }))
        problems(covered(section_text(prose_, facts_.sections, "五"), kProblemsTopic, 2), where("五"), "“五、存在的主要问题及改进情况”应同时说明存在的主要问题和改进情况，未见：");
      if (year >= 2021) info_fee();
    } else {
      // The contents and the problems and improvements: one pass (they are numbered one after another).
      const std::uint32_t found = covered(all_, kLegacyFirst, kLegacyContents.size() + 2);
      require(found, kLegacyContents, kLegacyFirst, "报告应包括2008年《条例》第三十二条规定的内容，未见：", where(""));
      problems(found, where(""), "报告应说明存在的主要问题和改进情况（2008年《条例》第三十二条），未见：");
    }
    return std::move(found_);
  }

 private:
  /// The heading of section `number`, else the start of the text.
  Span where(std::string_view number) const {
    for (const Section& s : facts_.sections)
      if (s.number == number) return s.span;
    return prose_.body().front()->span;
  }

  /// `found`: the topics covered (covered()); `first`: the number of topics[0] in kTopicWords.
  template <std::size_t N>
  void require(std::uint32_t found, const std::array<Topic, N>& topics, std::size_t first, const std::string& lead, Span at) {
    const auto gaps = missing(found, topics, first);
    if (!gaps.empty()) found_.push_back(make_finding(Rule::content_required, Severity::warning, lead + join(gaps), at));
  }

  void overview() {
    if (!std::any_of(facts_.sections.begin(), facts_.sections.end(), [](const Section& s) { return s.number == "一"; })) return;  // section-missing says so
    const std::string text = section_text(prose_, facts_.sections, "一");
    require(covered(text, kOverviewFirst, kOverview2021.size()), kOverview2021, kOverviewFirst, "“一、总体情况”应概述主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障五个方面，未见：", where("一"));
  }

  /// `found`: covered() for at least kProblemsTopic and kImprovementsTopic.
  void problems(std::uint32_t found, Span at, std::string_view lead) {
    std::vector<std::string_view> gaps;
    if (!((found >> kProblemsTopic) & 1)) gaps.push_back(kProblems.name);
    if (!((found >> kImprovementsTopic) & 1)) gaps.push_back(kImprovements.name);
    if (!gaps.empty())
      found_.push_back(make_finding(Rule::content_required, Severity::warning, std::string(lead) + join(gaps), at));
  }

  /// From the 2021 reports on, whether 信息处理费 was collected (国办函〔2020〕109号).
  void info_fee() {
    if (covered(all_, kInfoFeeTopic, 1)) return;
    const bool has_six = std::any_of(facts_.sections.begin(), facts_.sections.end(), [](const Section& s) { return s.number == "六"; });
    const Span at = has_six || facts_.sections.empty() ? where("六") : facts_.sections.back().span;
    found_.push_back(make_finding(Rule::info_fee, Severity::warning,
                                  "未说明本年度是否收取信息处理费（《政府信息公开信息处理费管理办法》，国办函〔2020〕109号；通常在“六、其他需要报告的事项”中说明）", at));
  }

  const Prose& prose_;
  const NarrativeFacts& facts_;
  std::string all_;
  std::vector<Finding> found_;
};

}  // namespace

std::vector<Finding> check_integrity(const Prose& prose) { return Integrity(prose).run(); }
std::vector<Finding> check_content(const Prose& prose, const NarrativeFacts& facts) { return Content(prose, facts).run(); }

}  // namespace nianbao
