// The outline: the report year, its title, the headings (一、, （一）, 1.), and the rules on
// them (spec §2 and §6): numbering, section-missing, section-order, section-title, title,
// period and signature.
#include <algorithm>
#include <array>

#include "lexicon/section_headings.hpp"
#include "tables/label.hpp"
#include "narrative/narrative_rules.hpp"
#include "narrative/narrative.hpp"
#include "util/utf8.hpp"

namespace nianbao {

namespace {

using namespace std::string_view_literals;
using namespace lexicon;

using utf8::is_digit;

/// A four-digit year at t[p-4, p) standing alone (not part of a longer number).
std::optional<int> year_before(std::string_view t, std::size_t p) {
  while (p > 0 && t[p - 1] == ' ') --p;  // "2024 年" (PDF text, OCR)
  if (p < 4) return std::nullopt;
  const std::string_view y = t.substr(p - 4, 4);
  if (!std::all_of(y.begin(), y.end(), is_digit) || (p >= 5 && is_digit(t[p - 5]))) return std::nullopt;
  const int year = (y[0] - '0') * 1000 + (y[1] - '0') * 100 + (y[2] - '0') * 10 + (y[3] - '0');
  return year >= 2000 && year <= 2100 ? std::optional<int>(year) : std::nullopt;
}

std::string cn_number(int n) {
  static constexpr std::array<std::string_view, 10> kD{"", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
  if (n < 10) return std::string(kD[static_cast<std::size_t>(n)]);
  return (n >= 20 ? std::string(kD[static_cast<std::size_t>(n / 10)]) : std::string()) + "十" + std::string(kD[static_cast<std::size_t>(n % 10)]);
}

/// A numbered heading at the start of a paragraph: 一、 (level 1), (一) (level 2), 1. or 1、
/// (level 3). `value` is the number, `after` where the heading's words begin.
struct Numbered {
  int level = 0, value = 0;
  std::size_t after = 0;
  std::string number;
};

std::optional<Numbered> numbered(std::string_view t) {
  static constexpr std::u32string_view kNumerals = U"一二三四五六七八九十";
  auto numerals = [&](std::size_t i, std::size_t& end) -> std::optional<int> {
    std::array<char32_t, 3> num;
    std::size_t count = 0;
    end = i;
    while (end < t.size()) {
      std::size_t len = 0;
      const char32_t cp = utf8::decode(t, end, len);
      if (kNumerals.find(cp) == std::u32string_view::npos) break;
      if (count == num.size()) return std::nullopt;  // more than three: no heading number
      num[count++] = cp;
      end += len;
    }
    if (count == 0) return std::nullopt;
    return small_number(std::u32string_view(num.data(), count));
  };
  std::size_t end = 0;
  if (t.substr(0, 1) == "(") {
    auto v = numerals(1, end);
    if (!v || t.substr(end, 1) != ")") return std::nullopt;
    return Numbered{2, *v, end + 1, std::string(t.substr(0, end + 1))};
  }
  if (!t.empty() && is_digit(t[0])) {
    std::size_t i = 0;
    while (i < t.size() && i < 2 && is_digit(t[i])) ++i;
    int v = 0;
    for (std::size_t k = 0; k < i; ++k) v = v * 10 + (t[k] - '0');
    // "1." or "1、" (not "1.5万", "2016年").
    if (t.substr(i, 1) == "." && !(i + 1 < t.size() && is_digit(t[i + 1]))) return Numbered{3, v, i + 1, std::string(t.substr(0, i + 1))};
    if (t.substr(i, 3) == "、") return Numbered{3, v, i + 3, std::string(t.substr(0, i)) + "、"};
    return std::nullopt;
  }
  auto v = numerals(0, end);
  if (!v || t.substr(end, 3) != "、") return std::nullopt;
  return Numbered{1, *v, end + 3, std::string(t.substr(0, end))};
}

/// The words of a heading: the text after its number. A top-level heading stands alone on its
/// line; below it a heading may run into its paragraph ("（一）政府信息公开数量。2016年度,…"),
/// and a numbered paragraph still counts for the numbering: its words are cut at the first 。
/// or, when that is far, at a clause boundary.
std::optional<std::string_view> heading_words(std::string_view t, const Numbered& n) {
  std::string_view rest = utf8::trim(t.substr(n.after));
  if (rest.empty() || is_digit(rest.back())) return std::nullopt;  // a crawled table row with its numbers
  if (n.level == 1) {
    if (rest.size() > 120) return std::nullopt;  // a numbered paragraph, not a heading
    return rest;
  }
  rest = rest.substr(0, utf8::find(rest, "。"));
  if (rest.size() > 120) {
    std::size_t cut = rest.find_first_of(",;:");
    if (cut == std::string_view::npos || cut > 120) {
      cut = 120;
      while (cut > 0 && (static_cast<unsigned char>(rest[cut]) & 0xC0) == 0x80) --cut;
    }
    rest = rest.substr(0, cut);
  }
  return rest.empty() ? std::nullopt : std::optional<std::string_view>(rest);
}

std::u32string core_of(std::string_view s) { return label_key(s).core; }

struct Identified {
  const SectionDef* def = nullptr;
  enum class How { official, variant, keyword } how = How::official;
};

/// The keys of the sections' official headings and variants: constants, made at their first use
/// (not for every check).
struct SectionKeys {
  std::u32string official;
  std::vector<std::pair<bool, std::u32string>> variants;  ///< (suffix "…x", key)
};
std::array<SectionKeys, kSections.size()> make_section_keys() {
  std::array<SectionKeys, kSections.size()> out;
  for (std::size_t i = 0; i < kSections.size(); ++i) {
    out[i].official = core_of(kSections[i].official);
    for (std::string_view v : split_bar(kSections[i].variants)) {
      const bool suffix = starts_with(v, "…");
      out[i].variants.emplace_back(suffix, core_of(suffix ? v.substr(3) : v));
    }
  }
  return out;
}
const std::array<SectionKeys, kSections.size()>& section_keys() {
  static const std::array<SectionKeys, kSections.size()> keys = make_section_keys();
  return keys;
}

std::optional<Identified> identify(std::string_view title, const std::array<SectionKeys, kSections.size()>& keys) {
  const std::u32string core = core_of(title);
  for (std::size_t i = 0; i < kSections.size(); ++i) {
    const SectionDef& d = kSections[i];
    if (core == keys[i].official) return Identified{&d, Identified::How::official};
    for (const auto& [suffix, vc] : keys[i].variants)
      if (suffix ? (core.size() > vc.size() && core.substr(core.size() - vc.size()) == vc) : core == vc)
        return Identified{&d, Identified::How::variant};
  }
  for (int n : kKeywordOrder) {
    const SectionDef& d = kSections[static_cast<std::size_t>(n - 1)];
    for (std::string_view k : split_bar(d.keywords))
      if (contains(title, k)) return Identified{&d, Identified::How::keyword};
  }
  return std::nullopt;
}

}  // namespace

int section_of(std::string_view words) {
  const auto id = identify(words, section_keys());
  return id ? id->def->number : 0;
}

namespace {

/// Characters that make a word with 一是 ("统一是", "之一是", "唯一是").
constexpr PhraseSet kOneIsWord{"统|之|唯|万|第|同|专|单|划|如|逐|合|归|整"};

/// What introduces the period the figures cover.
constexpr PhraseSet kPeriodWords{"统计期限|统计时限|统计时间|统计期间|统计区间|统计周期|统计期为|统计期自"};

std::string heading(const SectionDef& d) { return cn_number(d.number) + "、" + std::string(d.official); }

}  // namespace

std::optional<int> find_year(const Document& doc) {
  int seen = 0;
  std::optional<int> opening;
  std::vector<const Paragraph*> first;
  for (const Block& b : doc.blocks) {
    if (b.kind != Block::Kind::paragraph) continue;
    if (first.size() == 6) break;
    first.push_back(&b.paragraph);
  }
  for (std::size_t k = 0; k < first.size(); ++k) {
    if (++seen > 5) break;
    const std::string& t = first[k]->text;
    // "2016年度…", or a title "…2022年政府信息公开工作年度报告", also over two lines
    // ("2025 年上海市人民政府办公厅政府信息公开" / "工作年度报告").
    auto reports = [](std::string_view x) { return contains(x, "年度报告") || contains(x, "工作报告"); };
    const bool title = t.size() < 240 && (reports(t) || (k + 1 < first.size() && first[k + 1]->text.size() < 60 && reports(first[k + 1]->text)));
    for (std::size_t p = utf8::find(t, "年"); p != std::string::npos; p = utf8::find(t, "年", p + 1)) {
      const auto year = year_before(t, p);
      if (!year || (!title && t.compare(p, 6, "年度") != 0)) continue;
      return year;
    }
    // "2020年，我局坚持…": the opening of 一、总体情况 (seed 001 has no title).
    if (!opening && t.size() > 8 && t.compare(4, 4, "年,") == 0) opening = year_before(t, 4);
  }
  return opening;
}

std::vector<Section> find_sections(const Prose& prose) {
  std::vector<Section> out;
  Section* level2 = nullptr;
  bool table_rows = false;  // under a row label of 表三: its rows, not headings
  for (const Paragraph* p : prose.body()) {
    const auto n = numbered(p->text);
    if (!n) continue;
    const auto words = heading_words(p->text, *n);
    if (!words) continue;
    if (n->level == 1) {
      table_rows = table_row_label(*words);
      if (table_rows) continue;
    } else if (table_rows || table_label_fragment(p->text)) {
      continue;
    }
    // A run-in heading spans its number and words only.
    const std::size_t end = static_cast<std::size_t>(words->data() - p->text.data()) + words->size();
    Section s{n->number, std::string(*words), n->level == 1 ? p->span : prose.span(*p, 0, end), {}};
    if (n->level == 1) {
      out.push_back(std::move(s));
      level2 = nullptr;
    } else if (n->level == 2 && !out.empty()) {
      out.back().subsections.push_back(std::move(s));
      level2 = &out.back().subsections.back();
    } else if (n->level == 3 && level2) {
      level2->subsections.push_back(std::move(s));
    }
  }
  return out;
}

std::optional<Title> find_title(const Prose& prose) {
  int seen = 0;
  const Paragraph* before = nullptr;  // the line before, when it may be the title's first line
  for (const Paragraph* p : prose.body()) {
    if (++seen > 4) break;
    const std::string_view t = p->text;
    if (numbered(t)) break;  // the outline has begun
    bool opening = false;
    for (std::string_view w : {"根据"sv, "按照"sv, "依据"sv, "本报告"sv, "本年度报告"sv, "现将"sv, "为"sv})
      opening = opening || starts_with(t, w);
    if (t.size() > 200 || ends_with(t, "。") || opening) {
      before = nullptr;
      continue;
    }
    if (contains(t, "报告") || contains(t, "总结") || contains(t, "年报")) {
      // A title printed over two lines ("2025 年上海市人民政府办公厅政府信息公开" / "工作年度报告",
      // "淮安市人民政府" / "2024 年政府信息公开工作年度报告").
      if (before && before->text.size() <= 120) {
        Span span = before->span;
        span.end = p->span.end;
        return Title{before->text + std::string(t), span};
      }
      return Title{std::string(t), p->span};
    }
    before = p;
  }
  return std::nullopt;
}

namespace {

class Outline {
 public:
  Outline(const Prose& prose, const NarrativeFacts& facts, std::span<const ReportTable> tables)
      : prose_(prose), marks_(facts.marks), facts_(facts), tables_(tables) {}

  OutlineResult run() && {
    numbering(facts_.sections, 1);
    enumerations();
    if (modern()) sections();
    title();
    period();
    signature();
    return std::move(out_);
  }

 private:
  void add(Rule rule, Severity sev, std::string message, Span span, std::string hint = {}) {
    out_.findings.push_back(make_finding(std::move(rule), sev, std::move(message), span, std::move(hint)));
  }

  /// The 2019 and 2021 formats prescribe the six sections; earlier reports had free headings.
  bool modern() const {
    if (facts_.format == Format::f2019 || facts_.format == Format::f2021) return true;
    return facts_.format == Format::unknown && facts_.year && *facts_.year >= 2019;
  }

  /// Repeats and gaps at each level; the numbers under a heading start again at each heading.
  void numbering(const std::vector<Section>& list, int level) {
    static constexpr std::array<std::string_view, 4> kLevel{"", "一级标题", "二级标题", "三级标题"};
    int prev = 0;
    for (const Section& s : list) {
      std::u32string digits;
      for (char32_t c : to_u32(s.number))
        if (c != U'(' && c != U')' && c != U'.' && c != U'、') digits.push_back(c);
      const auto n = small_number(digits);
      if (n && level == 1 && *n == 1 && prev >= 2) {
        // The top level numbered again from 一: a second numbering system, said once; its
        // headings are checked among themselves.
        add(Rule::numbering, Severity::warning,
            "一级标题从“" + s.number + "、”重新编号（前面已编到第" + std::to_string(prev) + "个），报告中有两套一级标题编号", s.span);
        prev = 1;
      } else if (n) {
        if (*n <= prev)
          add(Rule::numbering, Severity::warning,
              std::string(kLevel[static_cast<std::size_t>(level)]) + "序号“" + s.number + (level == 1 ? "、" : "") +
                  "”与前面的序号重复或倒序（前一个是第" + std::to_string(prev) + "个）",
              s.span);
        else if (prev > 0 && *n > prev + 1)  // before the first heading: section-missing's business
          add(Rule::numbering, Severity::warning,
              std::string(kLevel[static_cast<std::size_t>(level)]) + "序号“" + s.number + (level == 1 ? "、" : "") +
                  "”前缺少序号（跳过了第" + std::to_string(prev + 1) + "个）",
              s.span);
        prev = std::max(prev, *n);
      }
      if (level < 3) numbering(s.subsections, level + 1);
    }
  }

  /// Enumerations "一是…二是…三是…", inline or one per paragraph: a gap or a repeat. A list
  /// starts again at 一是; a heading or a paragraph without items ends it.
  void enumerations() {
    int prev = 0;
    for (const Paragraph* p : prose_.body()) {
      const std::string_view t = p->text;
      if (numbered(t)) prev = 0;
      bool any = false;
      for (std::size_t at = utf8::find(t, "是"); at != std::string_view::npos; at = utf8::find(t, "是", at + 3)) {
        // The numerals before 是, themselves after the start or a punctuation mark.
        std::size_t b = at;
        while (b >= 3 && at - b < 9 && std::string_view("一二三四五六七八九十").find(t.substr(b - 3, 3)) % 3 == 0 &&
               std::string_view("一二三四五六七八九十").find(t.substr(b - 3, 3)) != std::string_view::npos)
          b -= 3;
        if (b == at) continue;
        // (b may be 1 or 2 when one- or two-byte characters come first: look back by suffix.)
        const std::string_view before = t.substr(0, b);
        const bool opens = b == 0 || std::string_view(",;:!?( )").find(t[b - 1]) != std::string_view::npos ||
                           before.ends_with("。") || before.ends_with("、");
        const auto n = small_number(to_u32(t.substr(b, at - b)));
        if (!n) continue;
        // 一是 opens a list after a run-in heading too ("5.加强平台建设一是…"), unless it ends a word
        // (统一是, 之一是).
        if (!opens && !(*n == 1 && !kOneIsWord.in(before.substr(before.size() >= 3 ? before.size() - 3 : 0)))) continue;
        const std::string item(t.substr(b, at + 3 - b));
        if (*n == 1) prev = 1;
        else if (prev > 0 && *n == prev)
          add(Rule::numbering, Severity::warning, "列举序号“" + item + "”重复", prose_.span(*p, b, at + 3));
        else if (prev > 0 && *n > prev + 1)
          add(Rule::numbering, Severity::warning, "列举序号“" + item + "”前缺少“" + cn_number(prev + 1) + "是”", prose_.span(*p, b, at + 3));
        prev = std::max(prev, *n);
        any = true;
      }
      if (!any) prev = 0;
    }
  }

  void sections() {
    if (facts_.sections.empty()) {
      Span at = prose_.body().empty() ? Span{} : prose_.body().front()->span;
      add(Rule::section_missing, Severity::warning,
          "未识别出格式规定的一级标题（一、总体情况 至 六、其他需要报告的事项），无法核对报告结构", at);
      return;
    }
    std::array<const Section*, 7> found{};
    int last = 0;
    // The top level numbered again from 一 (numbering() says so).
    bool two_systems = false;
    for (std::size_t i = 1; i < facts_.sections.size(); ++i) {
      const auto a = small_number(to_u32(facts_.sections[i - 1].number)), b = small_number(to_u32(facts_.sections[i].number));
      two_systems = two_systems || (a && b && *b == 1 && *a >= 2);
    }
    const auto& keys = section_keys();
    for (const Section& s : facts_.sections) {
      const auto id = identify(s.title, keys);
      const auto n = small_number(to_u32(s.number));
      if (!id) {
        add(Rule::section_title, Severity::warning, "一级标题“" + s.number + "、" + s.title + "”不是格式规定的六个部分之一", s.span);
        continue;
      }
      const SectionDef& d = *id->def;
      if (found[static_cast<std::size_t>(d.number)]) {
        add(Rule::section_order, Severity::warning, "“" + s.number + "、" + s.title + "”与前面的“" +
            found[static_cast<std::size_t>(d.number)]->number + "、" + found[static_cast<std::size_t>(d.number)]->title +
            "”是同一部分", s.span, heading(d));
        continue;
      }
      found[static_cast<std::size_t>(d.number)] = &s;
      if (id->how == Identified::How::variant)
        add(Rule::section_title, Severity::warning, "一级标题“" + s.number + "、" + s.title + "”是常见的变体写法，格式规定为“" + heading(d) + "”", s.span, heading(d));
      else if (id->how == Identified::How::keyword)
        add(Rule::section_title, Severity::warning, "一级标题“" + s.number + "、" + s.title + "”与格式规定的“" + heading(d) + "”不一致", s.span, heading(d));
      if (d.number < last)
        add(Rule::section_order, Severity::warning, "“" + s.number + "、" + s.title + "”排在后面部分之后，格式规定它是第" + cn_number(d.number) + "部分", s.span, heading(d));
      else if (n && *n != d.number && !two_systems)  // (with two numbering systems, said once, numbers say little)
        add(Rule::section_order, Severity::warning, "“" + s.number + "、" + s.title + "”的序号应为“" + cn_number(d.number) + "、”（格式规定的第" + cn_number(d.number) + "部分）", s.span, heading(d));
      last = std::max(last, d.number);
    }
    int identified = 0;
    for (int k = 1; k <= 6; ++k) identified += found[static_cast<std::size_t>(k)] != nullptr;
    for (const SectionDef& d : kSections) {
      if (found[static_cast<std::size_t>(d.number)]) continue;
      // Where it should stand: before the next section that is there, else after the last.
      Span at = facts_.sections.back().span;
      for (int k = d.number + 1; k <= 6; ++k)
        if (found[static_cast<std::size_t>(k)]) { at = found[static_cast<std::size_t>(k)]->span; break; }
      // The section written below the top level ("（五）存在的主要问题…") is there, misplaced.
      if (const Paragraph* p = lower_heading(d)) {
        add(Rule::section_order, Severity::warning, "“" + std::string(d.official) + "”没有作为一级标题（应为“" + heading(d) + "”）", p->span, heading(d));
        continue;
      }
      // With most of the outline there (four of six), a missing part is a defect; with less,
      // the text may be an excerpt or its outline was not recognised.
      add(Rule::section_missing, identified >= 4 ? Severity::error : Severity::warning,
          "缺少格式规定的第" + cn_number(d.number) + "部分“" + heading(d) + "”", at, heading(d));
    }
  }

  /// The first heading below the top level that holds the section's official words. The lower
  /// headings and their keys are made once, at the first section missing.
  const Paragraph* lower_heading(const SectionDef& d) {
    if (!lower_) {
      lower_.emplace();
      for (const Paragraph* p : prose_.body()) {
        if (p->text.size() > 200) continue;
        const auto n = numbered(p->text);
        if (n && n->level != 1) lower_->emplace_back(p, core_of(p->text));
      }
    }
    const std::u32string& want = section_keys()[static_cast<std::size_t>(d.number - 1)].official;
    for (const auto& [p, core] : *lower_)
      if (core.find(want) != std::u32string::npos) return p;
    // Or all the words that name it together in one heading ("（一）2024 年工作中存在问题的改进情况",
    // where a converter lost the top heading above it).
    if (d.together.empty()) return nullptr;
    for (const auto& [p, core] : *lower_) {
      bool all = true;
      for (std::string_view w : split_bar(d.together)) all = all && contains(p->text, w);
      if (all) return p;
    }
    return nullptr;
  }
  std::optional<std::vector<std::pair<const Paragraph*, std::u32string>>> lower_;  ///< lower_heading()'s

  void title() {
    const std::optional<Title>& t = marks_.title;
    if (!t) {
      const Span at = prose_.body().empty() ? Span{} : prose_.body().front()->span;
      add(Rule::title, Severity::info, "未找到报告标题（网页复制时常被遗漏；报告应以“×××" +
          (facts_.year ? std::to_string(*facts_.year) : std::string("××××")) + "年政府信息公开工作年度报告”为题）", at);
      return;
    }
    const std::string& s = t->text;
    bool has_year = false;
    for (std::size_t p = utf8::find(s, "年"); p != std::string::npos && !has_year; p = utf8::find(s, "年", p + 1)) has_year = year_before(s, p).has_value();
    const std::string want = "“×××" + (facts_.year ? std::to_string(*facts_.year) : std::string("××××")) + "年政府信息公开工作年度报告”";
    const bool letter = starts_with(s, "关于报送") || starts_with(s, "关于上报") || starts_with(s, "关于呈报") || ends_with(s, "的函");
    if (letter) {
      const bool report_itself = facts_.sections.size() >= 2 || !tables_.empty();
      add(Rule::title, report_itself ? Severity::warning : Severity::error,
          report_itself ? "标题“" + s + "”是报送函的标题，报告应以" + want + "为题"
                        : "发布的是报送年度报告的函，而不是年度报告本身（“" + s + "”）",
          t->span, want);
      return;
    }
    const bool annual = contains(s, "年度报告") || (contains(s, "年度") && contains(s, "工作报告")) || contains(s, "年报");
    if (!annual)
      add(Rule::title, Severity::warning, "标题“" + s + "”不是规定的名称，应为" + want, t->span, want);
    else if (!has_year)
      add(Rule::title, Severity::warning, "标题“" + s + "”没有写明年份", t->span, want);
  }

  /// "统计期限自2016年1月1日起至2016年12月31日止": the year the figures cover.
  void period() {
    if (!facts_.year) return;
    const int year = *facts_.year;
    for (const Paragraph* p : prose_.body()) {
      const std::string_view t = p->text;
      for (std::size_t k = find_any(t, kPeriodWords); k != std::string_view::npos; k = find_any(t, kPeriodWords, k + 3)) {
        const auto range = date_range(t, k, std::min(t.size(), k + 90));
        if (!range) continue;
        const auto& [from, to, a, b] = *range;
        const bool whole = from == Date{year, 1, 1} && to == Date{year, 12, 31};
        out_.period = PeriodCheck{from.iso(), to.iso(), whole};
        if (!whole) {
          const bool other_year = from.y == to.y && from.m == 1 && from.d == 1 && to.m == 12 && to.d == 31;
          add(Rule::period, other_year ? Severity::error : Severity::warning,
              other_year ? "正文所述统计期限是" + std::to_string(from.y) + "年，而报告年度是" + std::to_string(year) + "年"
                         : "正文所述统计期限" + from.iso() + "至" + to.iso() + "不是" + std::to_string(year) + "年1月1日至12月31日",
              prose_.span(*p, a, b), std::to_string(year) + "年1月1日至" + std::to_string(year) + "年12月31日");
        }
        return;
      }
    }
  }

  struct Range {
    Date from, to;
    std::size_t start, end;
  };
  /// "2016年1月1日起至2016年12月31日止", "2012年1月1日至12月31日" in t[from, to).
  static std::optional<Range> date_range(std::string_view t, std::size_t from, std::size_t to) {
    auto date_at = [&](std::size_t i, int default_year, std::size_t& end) -> std::optional<Date> {
      Date d{default_year, 0, 0};
      std::size_t k = i;
      auto num = [&](int& v) {
        const std::size_t b = k;
        v = 0;
        while (k < to && is_digit(t[k]) && k - b < 4) v = v * 10 + (t[k++] - '0');
        return k > b;
      };
      int v = 0;
      if (!num(v)) return std::nullopt;
      if (t.substr(k, 3) == "年") { d.y = v; k += 3; if (!num(v)) return std::nullopt; }
      if (t.substr(k, 3) != "月" || v < 1 || v > 12) return std::nullopt;
      d.m = v;
      k += 3;
      if (!num(v) || (t.substr(k, 3) != "日" && t.substr(k, 3) != "号") || v < 1 || v > 31) return std::nullopt;
      d.d = v;
      end = k + 3;
      if (d.y == 0) return std::nullopt;
      return d;
    };
    for (std::size_t i = from; i < to; ++i) {
      if (!is_digit(t[i]) || (i > 0 && is_digit(t[i - 1]))) continue;
      std::size_t e1 = 0;
      const auto a = date_at(i, 0, e1);
      if (!a) continue;
      std::size_t k = e1;
      if (t.substr(k, 3) == "起") k += 3;
      if (t.substr(k, 3) != "至" && t.substr(k, 3) != "到" && t.substr(k, 1) != "-" && t.substr(k, 3) != "—") continue;
      k += t.substr(k, 1) == "-" ? 1 : 3;
      std::size_t e2 = 0;
      const auto b = date_at(k, a->y, e2);
      if (!b) continue;
      return Range{*a, *b, i, e2};
    }
    return std::nullopt;
  }

  void signature() {
    if (marks_.signature) {
      if (!marks_.signer)
        add(Rule::signature, Severity::info, "落款日期上方没有写明发布机关", marks_.signature->span);
      return;
    }
    const Span at = prose_.body().empty() ? Span{} : prose_.body().back()->span;
    // With the page's publication date the deadline is still checked: a prompt only.
    add(Rule::signature, marks_.page_date ? Severity::info : Severity::warning,
        marks_.page_date ? "报告末尾没有落款（发布机关和成文日期）；发布时间取自网页"
                         : "报告末尾没有落款（发布机关和成文日期），无法据此核对是否按期发布",
        at);
  }

  const Prose& prose_;
  const Landmarks& marks_;
  const NarrativeFacts& facts_;
  std::span<const ReportTable> tables_;
  OutlineResult out_;
};

}  // namespace

OutlineResult check_outline(const Prose& prose, const NarrativeFacts& facts, std::span<const ReportTable> tables) {
  return Outline(prose, facts, tables).run();
}

}  // namespace nianbao
