// Stage 1 of the narrative, its facts (spec §5): page chrome, the headings and the title, the
// issuing body, the publication date, the body's kind and the deadline. What the rules after
// it read of the report's own account of itself.
#include <algorithm>
#include <array>
#include <bit>

#include "narrative/narrative_rules.hpp"
#include "lexicon/body_words.hpp"
#include "narrative/prose.hpp"
#include "read/screen_words.hpp"
#include "util/utf8.hpp"

namespace nianbao {

namespace {

using namespace std::string_view_literals;

using namespace lexicon;

bool is_org(std::string_view s) {
  if (s.size() < 6 || s.size() > 90) return false;
  return ends_with_any(s, kOrgSuffixes) || ends_with_any(s, kRegionSuffixes);
}

/// 人民政府 and its offices, or a bare region name (the title "鞍山市2012年度…"): a government.
BodyKind kind_of(std::string_view body) {
  if (ends_with_any(body, kGovernmentEndings)) return BodyKind::government;
  if (ends_with_any(body, kRegionSuffixes)) return BodyKind::government;
  if (ends_with_any(body, kOrgSuffixes)) return BodyKind::department;
  return BodyKind::unknown;
}

/// How a report calls its body (lexicon::kSelfWords), found together; a department's words and a
/// government's as bits of it.
constexpr PhraseSet kSelfWordSet = [] {
  PhraseSet set;
  for (const SelfWord& w : kSelfWords) set.add(w.word);
  return set;
}();
static_assert(!kSelfWordSet.overflowed() && kSelfWordSet.size() == kSelfWords.size());
constexpr std::uint64_t kDeptSelfBits = self_word_bits(BodyKind::department), kGovSelfBits = self_word_bits(BodyKind::government);

/// How the report refers to its own body: "我局" is a department, "我市" a government.
BodyKind self_reference_kind(const Prose& prose) {
  int dept = 0, gov = 0, seen = 0;
  for (const Paragraph* p : prose.body()) {
    if (++seen > 12) break;
    // Each word counts once per paragraph that has it (one pass over the paragraph).
    const std::uint64_t words = kSelfWordSet.which(p->text);
    dept += std::popcount(words & kDeptSelfBits);
    gov += std::popcount(words & kGovSelfBits);
  }
  // A department's report also says 我市 of its city; a government never calls itself 我局.
  if (dept > 0) return BodyKind::department;
  return gov > 0 ? BodyKind::government : BodyKind::unknown;
}

/// Site chrome: page furniture of government portals around the report (screening::kChrome).
/// `words`: the paragraph's Prose::screen_words().
bool is_chrome(std::string_view t, std::uint64_t words) {
  // A breadcrumb: "首页 > 政务公开 > 年度报告".
  if ((starts_with(t, "首页") || starts_with(t, "当前位置")) && (contains(t, ">") || contains(t, "»") || contains(t, "→")) && t.size() < 240)
    return true;
  // The markers it has (nearly every paragraph: none).
  const int hits = std::popcount(words & screening::kChromeBits);
  return hits >= 1 && (hits >= 2 || t.size() < 240);
}

/// The value after "key:" in a chrome line, up to the next run of spaces.
std::string_view header_value(std::string_view t, std::string_view key) {
  const std::size_t p = utf8::find(t, key);
  if (p == std::string_view::npos) return {};
  std::string_view rest = utf8::trim(t.substr(p + key.size()));
  return rest.substr(0, rest.find(' '));
}

class Reader {
 public:
  Reader(Prose& prose, NarrativeFacts& facts) : prose_(prose), facts_(facts), marks_(facts.marks) {}

  void run() {
    chrome();
    facts_.sections = find_sections(prose_);
    marks_.title = find_title(prose_);
    meta();
    deadline();
  }

 private:
  void chrome() {
    const auto& ps = prose_.all();
    std::vector<char> chrome_text(ps.size());
    for (std::size_t i = 0; i < ps.size(); ++i) chrome_text[i] = prose_.is_chrome(ps[i]) || is_chrome(ps[i]->text, prose_.screen_words(i));
    std::vector<const Paragraph*> found;
    for (std::size_t i = 0; i < ps.size();) {
      if (!chrome_text[i]) { ++i; continue; }
      std::size_t j = i;
      while (j + 1 < ps.size() && (chrome_text[j + 1] || ps[j + 1]->text.size() < 120) &&
             (chrome_text[j + 1] || (j + 2 < ps.size() && chrome_text[j + 2]) || j + 2 == ps.size()))
        ++j;
      Span s = ps[i]->span;
      s.end = ps[j]->span.end;
      facts_.findings.push_back(make_finding(Rule::site_chrome, Severity::info,
                                         "识别为网站页面元素（页眉、页脚、打印/关闭按钮、备案信息等），不计入报告正文", s));
      for (std::size_t k = i; k <= j; ++k) {
        found.push_back(ps[k]);
        // The page header's publication date and publishing body.
        const std::string& t = ps[k]->text;
        for (std::string_view key : {"发布时间:"sv, "发布日期:"sv, "成文日期:"sv})
          if (!marks_.page_date)
            if (auto d = whole_date(header_value(t, key))) marks_.page_date = d;
        const std::string_view body = header_value(t, "发布机构:");
        if (!marks_.page_agency && is_org(body)) marks_.page_agency = std::string(body);
      }
      i = j + 1;
    }
    prose_.set_chrome(found);
  }

  /// "现将鞍山市档案局2016年度…", "鞍山市2012年度政府信息公开工作报告": the body before the year.
  std::optional<std::string> title_body() const {
    // The title (over two lines, joined), then the first paragraphs; without the spaces PDF text
    // and OCR put around numbers ("沐阳县人民政府 2025 年 政府信息公开工作年度报告").
    std::vector<std::string> candidates;
    if (marks_.title) candidates.push_back(marks_.title->text);
    int seen = 0;
    for (const Paragraph* p : prose_.body()) {
      if (++seen > 3) break;
      candidates.push_back(p->text);
    }
    for (std::string& t : candidates) {
      t.erase(std::remove(t.begin(), t.end(), ' '), t.end());
      const std::size_t rep = utf8::find(t, "报告");
      if (rep == std::string::npos) continue;
      for (std::size_t y = 0; y + 7 <= rep; ++y) {
        if (!std::all_of(t.begin() + static_cast<long>(y), t.begin() + static_cast<long>(y + 4), [](char c) { return c >= '0' && c <= '9'; }) ||
            t.compare(y + 4, 3, "年") != 0)
          continue;
        // The body's name starts after the last word that ends a clause before the year.
        std::size_t start = 0;
        for (std::string_view stop : {"现将"sv, ","sv, "》"sv, ":"sv, "。"sv, "《"sv}) {
          // Its last place before the year (string::rfind compares at every place with a call).
          for (std::size_t at = y >= stop.size() ? y - stop.size() + 1 : 0; at-- > 0;)
            if (t[at] == stop[0] && utf8::same(std::string_view(t).substr(at, stop.size()), stop)) {
              start = std::max(start, at + stop.size());
              break;
            }
        }
        const std::string body(utf8::trim(std::string_view(t).substr(start, y - start)));
        if (is_org(body) || (body.size() >= 6 && kind_of(body) == BodyKind::government)) return body;
        // Nothing before the year: the name after it ("2025年上海市人民政府办公厅政府信息公开…").
        if (body.empty()) {
          std::size_t a = y + 7;
          if (t.compare(a, 3, "度") == 0) a += 3;
          const std::size_t e = utf8::find(t, "政府信息公开", a);
          if (e != std::string::npos && e > a && is_org(std::string_view(t).substr(a, e - a))) return t.substr(a, e - a);
        }
        break;
      }
    }
    return std::nullopt;
  }

  /// 填报单位 of a legacy statistics table.
  std::optional<std::string> table_filler() const {
    for (const Block& b : prose_.doc().blocks) {
      if (b.kind != Block::Kind::table) continue;
      for (const Row& row : b.table.rows)
        for (const Cell& c : row.cells) {
          const std::size_t p = utf8::find(c.text, "填报单位");
          const std::size_t colon = p == std::string::npos ? p : c.text.find(':', p);
          if (colon == std::string::npos) continue;
          const std::string v(utf8::trim(std::string_view(c.text).substr(colon + 1)));
          if (is_org(v)) return v;
        }
    }
    return std::nullopt;
  }

  /// The opening sentence of the text naming the body that the report calls 我局/我委/…:
  /// "2016年,抚顺市行政审批服务局在市委市政府的正确领导下".
  std::optional<std::string> preamble_body() const {
    int seen = 0;
    std::string_view suffix;
    for (const Paragraph* p : prose_.body()) {
      if (++seen > 8) break;
      // 我局, 我委, 我厅, 我中心 and the endings they stand for (the last of the list found).
      const std::uint64_t words = kSelfWordSet.which(p->text);  // one pass over the paragraph
      for (std::size_t i = 0; i < kSelfWords.size(); ++i)
        if (((words >> i) & 1) && !self_word_suffix(kSelfWords[i]).empty()) suffix = self_word_suffix(kSelfWords[i]);
    }
    if (suffix.empty()) return std::nullopt;
    seen = 0;
    for (const Paragraph* p : prose_.body()) {
      if (++seen > 8) break;
      const std::string_view t = p->text;
      // After "YYYY年," the first name ending in the self-reference's suffix.
      if (t.size() < 10 || !std::all_of(t.begin(), t.begin() + 4, [](char c) { return c >= '0' && c <= '9'; }) ||
          t.substr(4, 4) != "年,")
        continue;
      const std::string_view rest = t.substr(8, 90);
      for (std::size_t at = utf8::find(rest, suffix); at != std::string_view::npos; at = utf8::find(rest, suffix, at + 1)) {
        const std::string_view name = rest.substr(0, at + suffix.size());
        if (contains(name, ",") || contains(name, "。") || contains(name, "我")) break;
        if (is_org(name) && ends_with_any(name.substr(0, name.size() - suffix.size()), kRegionSuffixes)) continue;
        if (is_org(name)) return std::string(name);
      }
    }
    return std::nullopt;
  }

  void meta() {
    // Signature block: a date on its own line near the end, the issuing body just above it.
    const auto& body = prose_.body();
    int looked = 0;
    for (std::size_t k = body.size(); k-- > 0 && looked < 6; ++looked) {
      auto d = whole_date(body[k]->text);
      if (!d) continue;
      marks_.signed_on = d;
      marks_.signature = body[k];
      if (k > 0 && is_org(body[k - 1]->text)) marks_.signer = body[k - 1]->text;
      break;
    }
    const std::optional<std::string> titled = title_body();
    if (marks_.signer) facts_.agency = marks_.signer;
    else if (titled) facts_.agency = titled;
    else if (marks_.page_agency) facts_.agency = marks_.page_agency;
    else if (auto filler = table_filler()) facts_.agency = filler;
    else facts_.agency = preamble_body();
    const std::string kind_source = titled ? *titled : facts_.agency.value_or("");
    facts_.kind = kind_source.empty() ? self_reference_kind(prose_) : kind_of(kind_source);
    township_ = !kind_source.empty() && ends_with_any(kind_source, kTownshipSuffixes);
    // A date in brackets under the title ("(2026年1月23日)"), as official documents print it.
    int seen = 0;
    for (const Paragraph* p : body) {
      if (++seen > 4) break;
      const std::string_view t = utf8::trim(p->text);
      if (t.size() > 4 && t.front() == '(' && t.back() == ')')
        if (auto d = whole_date(t.substr(1, t.size() - 2))) {
          head_date_ = d;
          break;
        }
    }
    // The page's publication date is when the public could read it; else the signature's.
    if (const std::optional<Date>& published = date(); published) facts_.published = published->iso();
  }

  /// The publication date and where it was read.
  const std::optional<Date>& date() const {
    return marks_.page_date ? marks_.page_date : marks_.signed_on ? marks_.signed_on : head_date_;
  }
  std::string date_source() const {
    return marks_.page_date ? "网页发布时间" : marks_.signed_on ? "落款日期" : "标题下所注日期";
  }

  void deadline() {
    const std::optional<Date>& published = date();
    if (!facts_.year || !published) return;
    const int year = *facts_.year;
    // 2008 条例 第三十一条: 3月31日 for everyone; 2019 条例 第四十九条: departments 1月31日,
    // local governments 3月31日; townships and sub-districts: set locally.
    int due_month = 3;
    std::string basis = "2008年《条例》第三十一条：每年3月31日前公布";
    if (year >= 2019) {
      if (township_) return;
      if (facts_.kind == BodyKind::department) { due_month = 1; basis = "2019年《条例》第四十九条：县级以上人民政府部门每年1月31日前公布"; }
      else if (facts_.kind == BodyKind::government) basis = "2019年《条例》第四十九条：县级以上地方人民政府每年3月31日前公布";
      else return;  // who issued it decides the date; not known
    }
    const Date due{year + 1, due_month, 31};
    const Date& p = *published;
    // A date without its day ("二〇二四年一月") is late only when its month is.
    const bool late = p.d ? p > due : Date{p.y, p.m, 1} > due;
    const std::string source = date_source();
    facts_.deadline = DeadlineCheck{due.iso(), basis, !late, p.iso(), source};
    if (!late) return;
    Span at = facts_.sections.empty() ? Span{} : facts_.sections.front().span;
    if (const Paragraph* sig = marks_.page_date ? nullptr : marks_.signature) at = sig->span;
    facts_.findings.push_back(make_finding(Rule::deadline, Severity::error,
                                       "报告" + source + "为" + p.iso() + "，晚于规定期限" + due.iso() + "（" + basis + "）", at));
  }

  Prose& prose_;
  NarrativeFacts& facts_;
  Landmarks& marks_;
  std::optional<Date> head_date_;  ///< a date in brackets under the title
  bool township_ = false;
};

}  // namespace

NarrativeFacts read_facts(Prose& prose, std::optional<int> year, Format format) {
  NarrativeFacts facts;
  facts.year = year;
  facts.format = format;
  Reader(prose, facts).run();
  return facts;
}

}  // namespace nianbao
