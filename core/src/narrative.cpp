#include "nianbao/narrative.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <optional>

#include "nianbao/normalize.hpp"
#include "nianbao/number.hpp"
#include "utf8.hpp"

namespace nianbao {

namespace {

using namespace std::string_view_literals;

constexpr std::u32string_view kCnDigits = U"〇○零一二三四五六七八九";

int cn_digit(char32_t c) {
  if (c == U'〇' || c == U'○' || c == U'零' || c == U'O') return 0;
  const auto p = std::u32string_view(U"一二三四五六七八九").find(c);
  return p == std::u32string_view::npos ? -1 : static_cast<int>(p) + 1;
}

std::u32string u32(std::string_view s) {
  std::u32string out;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t len = 0;
    out.push_back(utf8::decode(s, i, len));
    i += len;
  }
  return out;
}

/// 1–31 written 一 … 十二 … 三十一 (or with Arabic digits).
std::optional<int> small_number(std::u32string_view s) {
  if (s.empty()) return std::nullopt;
  if (std::all_of(s.begin(), s.end(), [](char32_t c) { return c >= U'0' && c <= U'9'; }) && s.size() <= 2) {
    int v = 0;
    for (char32_t c : s) v = v * 10 + static_cast<int>(c - U'0');
    return v;
  }
  const std::size_t ten = s.find(U'十');
  if (ten == std::u32string_view::npos) return s.size() == 1 && cn_digit(s[0]) > 0 ? std::optional<int>(cn_digit(s[0])) : std::nullopt;
  int tens = 1, ones = 0;
  if (ten == 1) tens = cn_digit(s[0]);
  else if (ten != 0) return std::nullopt;
  if (ten + 1 < s.size()) {
    if (ten + 2 != s.size()) return std::nullopt;
    ones = cn_digit(s[ten + 1]);
  }
  if (tens <= 0 || ones < 0) return std::nullopt;
  return tens * 10 + ones;
}

struct Date {
  int y = 0, m = 0, d = 0;  // d == 0: the day is not given
  std::string iso() const {
    char buf[48];
    if (d) std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
    else std::snprintf(buf, sizeof buf, "%04d-%02d", y, m);
    return buf;
  }
};

/// A date filling the whole string: "2017年3月1日", "二○一三年三月十二日", "二〇二四年一月", "2013-03-15".
std::optional<Date> whole_date(std::string_view text) {
  const std::u32string s = u32(utf8::trim(text));
  Date dt;
  std::size_t i = 0;
  if (s.size() >= 10 && s[4] == U'-' && s[7] == U'-') {
    for (std::size_t k : {0, 1, 2, 3, 5, 6, 8, 9})
      if (s[k] < U'0' || s[k] > U'9') return std::nullopt;
    if (s.size() > 10 && s[10] != U' ') return std::nullopt;
    dt.y = std::stoi(std::string(text.substr(text.find_first_not_of(' '), 4)));
    auto two = [&](std::size_t k) { return static_cast<int>((s[k] - U'0') * 10 + (s[k + 1] - U'0')); };
    dt.m = two(5);
    dt.d = two(8);
    return dt.m >= 1 && dt.m <= 12 && dt.d >= 1 && dt.d <= 31 ? std::optional<Date>(dt) : std::nullopt;
  }
  for (; i < s.size() && i < 4; ++i) {
    int v = s[i] >= U'0' && s[i] <= U'9' ? static_cast<int>(s[i] - U'0') : cn_digit(s[i]);
    if (v < 0 || (s[i] == U'O')) return std::nullopt;
    dt.y = dt.y * 10 + v;
  }
  if (i != 4 || i >= s.size() || s[i] != U'年' || dt.y < 2000 || dt.y > 2100) return std::nullopt;
  const std::size_t month_end = s.find(U'月', i + 1);
  if (month_end == std::u32string::npos) return std::nullopt;
  const auto m = small_number(std::u32string_view(s).substr(i + 1, month_end - i - 1));
  if (!m || *m < 1 || *m > 12) return std::nullopt;
  dt.m = *m;
  if (month_end + 1 == s.size()) return dt;
  const std::size_t day_end = s.find_first_of(U"日号", month_end + 1);
  if (day_end == std::u32string::npos || day_end + 1 != s.size()) return std::nullopt;
  const auto d = small_number(std::u32string_view(s).substr(month_end + 1, day_end - month_end - 1));
  if (!d || *d < 1 || *d > 31) return std::nullopt;
  dt.d = *d;
  return dt;
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

constexpr std::array kOrgSuffixes = {"人民政府"sv, "政府"sv, "办公厅"sv, "办公室"sv, "委员会"sv, "局"sv, "厅"sv, "委"sv,
                                     "办"sv, "中心"sv, "署"sv, "院"sv, "会"sv, "处"sv, "馆"sv, "街道办事处"sv};
constexpr std::array kRegionSuffixes = {"市"sv, "县"sv, "区"sv, "旗"sv, "州"sv, "盟"sv, "省"sv, "镇"sv, "乡"sv, "街道"sv};

bool is_org(std::string_view s) {
  if (s.size() < 6 || s.size() > 90) return false;
  return std::any_of(kOrgSuffixes.begin(), kOrgSuffixes.end(), [&](std::string_view x) { return ends_with(s, x); }) ||
         std::any_of(kRegionSuffixes.begin(), kRegionSuffixes.end(), [&](std::string_view x) { return ends_with(s, x); });
}

/// 人民政府 and its offices, or a bare region name (the title "鞍山市2012年度…"): a government.
std::string kind_of(std::string_view body) {
  for (std::string_view g : {"人民政府"sv, "人民政府办公室"sv, "人民政府办公厅"sv, "政府办公室"sv, "政府办公厅"sv})
    if (ends_with(body, g)) return "government";
  for (std::string_view r : kRegionSuffixes)
    if (ends_with(body, r)) return "government";
  for (std::string_view d : kOrgSuffixes)
    if (ends_with(body, d)) return "department";
  return "unknown";
}

/// Site chrome: page furniture of government portals around the report.
constexpr std::array kChrome = {"【打印内容】"sv, "【关闭窗口】"sv, "【打印本页】"sv, "【关闭】"sv, "浏览次数"sv, "字号:"sv, "字号："sv,
                                "ICP备"sv, "公网安备"sv, "网站标识码"sv, "主办:"sv, "承办:"sv, "站点地图"sv, "网站支持IPv6"sv,
                                "索引号:"sv, "发布机构:"sv, "信息来源:"sv, "版权所有"sv, "技术支持:"sv};

bool is_chrome(std::string_view t) {
  int hits = 0;
  for (std::string_view c : kChrome) hits += t.find(c) != std::string_view::npos;
  return hits >= 1 && (hits >= 2 || t.size() < 240);
}

/// Words of injected gambling pages (seed 003's "365体育投注"); "投注站" is a lottery outlet.
constexpr std::array kTampering = {"投注"sv, "百家乐"sv, "娱乐城"sv, "葡京"sv, "老虎机"sv, "六合彩"sv, "时时彩"sv, "真人视讯"sv};

/// Corruptions of the domain's fixed terms: {wrong, right, characters that make `wrong` legitimate when they follow}.
struct Typo {
  std::string_view wrong, right, legit_next;
};
constexpr std::array kTypos = {
    Typo{"政府信息开"sv, "政府信息公开"sv, "展放发始通"sv},
    Typo{"行政法复议"sv, "行政复议"sv, ""sv},
    Typo{"行政复以"sv, "行政复议"sv, ""sv},
    Typo{"依申请开公"sv, "依申请公开"sv, ""sv},
};


struct Mention {
  Decimal value;
  std::string_view unit;
  std::size_t start, end;  // bytes in the paragraph
  std::optional<std::pair<Decimal, int>> percent;  // "占…的41.31%" after it: value and decimals
};

/// Numbers with a unit in [from, to) of `t`; approximate ones ("20余人") and years are left out.
std::vector<Mention> mentions(const std::string& t, std::size_t from, std::size_t to, bool& approximate) {
  std::vector<Mention> out;
  for (std::size_t i = from; i < to; ++i) {
    if (t[i] < '0' || t[i] > '9' || (i > 0 && ((t[i - 1] >= '0' && t[i - 1] <= '9') || t[i - 1] == '.'))) continue;
    auto n = parse_number(std::string_view(t).substr(i, to - i), false, true);
    if (!n) continue;
    const std::size_t e = i + n->length;
    for (std::string_view pre : {"约"sv, "近"sv, "超过"sv, "逾"sv})
      if (i >= pre.size() && t.compare(i - pre.size(), pre.size(), pre) == 0) n->approximate = true;
    for (std::string_view u : kUnitWords) {
      if (t.compare(e, u.size(), u) != 0) continue;
      if (n->approximate) approximate = true;
      Mention m{n->value, u, i, e + u.size(), std::nullopt};
      // A share stated right after it: "，占全市发布总量的41.31%".
      const std::size_t z = t.find("占", m.end);
      if (z != std::string::npos && z < m.end + 6) {
        const std::size_t pct = t.find('%', z);
        const std::size_t stop = t.find_first_of(",;", m.end);
        if (pct != std::string::npos && pct < to && (stop == std::string::npos || pct < stop || stop < z)) {
          std::size_t b = pct;
          while (b > z && ((t[b - 1] >= '0' && t[b - 1] <= '9') || t[b - 1] == '.')) --b;
          if (auto pv = parse_number(std::string_view(t).substr(b, pct - b))) {
            const std::size_t dot = t.find('.', b);
            const int decimals = dot != std::string::npos && dot < pct ? static_cast<int>(pct - dot - 1) : 0;
            m.percent = {pv->value, decimals};
          }
        }
      }
      out.push_back(m);
      i = e + u.size() - 1;
      break;
    }
  }
  return out;
}

class Reader {
 public:
  Reader(const Document& doc, Report& r) : doc_(doc), r_(r) {}

  void run() {
    for (const Block& b : doc_.blocks)
      if (b.kind == Block::Kind::paragraph) paras_.push_back(&b.paragraph);
    chrome();
    meta();
    scan_text();
    numbering();
    deadline();
    sums();
  }

  /// "共X条，其中A条、B条": parts with the unit of a total stated before 其中.
  void sums() {
    for (const Paragraph* p : paras_) {
      if (chrome_para(p)) continue;
      const std::string& t = p->text;
      std::size_t sentence = 0;
      for (std::size_t q = t.find("其中"); q != std::string::npos; q = t.find("其中", q + 6)) {
        // Totals: the sentence before 其中 (or, when 其中 opens a sentence, the one before that).
        std::size_t begin = t.rfind("。", q);
        begin = begin == std::string::npos ? 0 : begin + 3;
        if (utf8::trim(std::string_view(t).substr(begin, q - begin)).empty() && begin >= 3) {
          const std::size_t prev = t.rfind("。", begin - 4);
          begin = prev == std::string::npos ? 0 : prev + 3;
        }
        begin = std::max(begin, sentence);
        std::size_t end = t.find("。", q);
        if (end == std::string::npos) end = t.size();
        bool approx = false;
        const std::vector<Mention> totals = mentions(t, begin, q, approx);
        const std::vector<Mention> parts = mentions(t, q, end, approx);
        sentence = end;
        if (approx || (t.find('(', q) < end && t.find("其中", q + 6) < end)) continue;  // nested lists: not sure
        for (std::string_view unit : kUnitWords) {
          std::vector<const Mention*> tot, pts;
          for (const Mention& m : totals) if (m.unit == unit) tot.push_back(&m);
          for (const Mention& m : parts) if (m.unit == unit) pts.push_back(&m);
          if (tot.empty() || pts.size() < 2) continue;
          const Mention& total = *tot.back();  // the figure nearest to 其中
          Decimal sum;
          std::string formula;
          for (const Mention* m : pts) {
            sum += m->value;
            formula += (formula.empty() ? "" : "+") + m->value.to_string();
          }
          const bool holds = sum == total.value;
          r_.text_sums.push_back({total.value.to_string() + std::string(unit), formula + "=" + sum.to_string(), holds || sum < total.value});
          if (sum > total.value) {
            Finding f;
            f.rule = "text-sum";
            f.severity = Severity::error;
            f.message = "正文所列分项" + formula + "=" + sum.to_string() + std::string(unit) + "，大于所述总数" +
                        total.value.to_string() + std::string(unit);
            f.span = sub_span(*p, total.start, total.end);
            f.expected = sum;
            f.actual = total.value;
            for (const Mention* m : pts) f.related.push_back(sub_span(*p, m->start, m->end));
            r_.findings.push_back(std::move(f));
          }
          // Shares of the total: recomputed at the precision stated.
          if (!holds) continue;
          for (const Mention* m : pts) {
            if (!m->percent || total.value == Decimal()) continue;
            const auto [stated, decimals] = *m->percent;
            // Exact: share×10^decimals rounded half up, compared in integers.
            long long scale = 1;
            for (int k = 0; k < decimals + 2; ++k) scale *= 10;
            const long long num = m->value.scaled() * scale * 2 + total.value.scaled();
            const long long rounded = num / (2 * total.value.scaled());
            long long stated_int = stated.scaled();
            for (int k = decimals; k < 4; ++k) stated_int /= 10;
            if (rounded == stated_int) continue;
            Finding f;
            f.rule = "text-percent";
            f.severity = Severity::error;
            f.message = "正文所述占比" + stated.to_string() + "%与" + m->value.to_string() + "÷" + total.value.to_string() +
                        "不符（应约为" + Decimal::from_scaled(rounded * Decimal::kScale / (scale / 100)).to_string() + "%）";
            f.span = sub_span(*p, m->start, m->end);
            r_.findings.push_back(std::move(f));
          }
        }
      }
    }
  }

 private:
  Span sub_span(const Paragraph& p, std::size_t a, std::size_t b) const {
    return doc_.map ? doc_.map->span(p.offset + a, p.offset + b) : p.span;
  }
  void add(std::string rule, Severity sev, std::string message, Span span, std::string hint = {}) {
    Finding f;
    f.rule = std::move(rule);
    f.severity = sev;
    f.message = std::move(message);
    f.span = span;
    f.hint = std::move(hint);
    r_.findings.push_back(std::move(f));
  }

  void chrome() {
    for (std::size_t i = 0; i < paras_.size();) {
      if (!is_chrome(paras_[i]->text)) { ++i; continue; }
      std::size_t j = i;
      while (j + 1 < paras_.size() && (is_chrome(paras_[j + 1]->text) || paras_[j + 1]->text.size() < 120) &&
             (is_chrome(paras_[j + 1]->text) || (j + 2 < paras_.size() && is_chrome(paras_[j + 2]->text)) ||
              j + 2 == paras_.size()))
        ++j;
      Span s = paras_[i]->span;
      s.end = paras_[j]->span.end;
      add("site-chrome", Severity::info, "识别为网站页面元素（页眉、页脚、打印/关闭按钮、备案信息等），不计入报告正文", s);
      for (std::size_t k = i; k <= j; ++k) chrome_.push_back(paras_[k]);
      // The page header's publication date and source.
      for (std::size_t k = i; k <= j; ++k) {
        const std::string& t = paras_[k]->text;
        for (std::string_view key : {"发布时间:"sv, "发布日期:"sv, "发布时间："sv, "发布日期："sv}) {
          const std::size_t p = t.find(key);
          if (p == std::string::npos || header_date_) continue;
          std::string_view rest = std::string_view(t).substr(p + key.size());
          rest = utf8::trim(rest);
          const std::size_t sp = rest.find(' ');
          if (auto d = whole_date(rest.substr(0, sp))) header_date_ = d;
        }
      }
      i = j + 1;
    }
  }
  bool chrome_para(const Paragraph* p) const { return std::find(chrome_.begin(), chrome_.end(), p) != chrome_.end(); }

  void meta() {
    // Signature block: a date on its own line near the end, the issuing body just above it.
    std::optional<Date> signed_on;
    std::optional<std::string> signer;
    int looked = 0;
    for (std::size_t k = paras_.size(); k-- > 0 && looked < 6;) {
      if (chrome_para(paras_[k])) continue;
      ++looked;
      if (auto d = whole_date(paras_[k]->text)) {
        signed_on = d;
        for (std::size_t j = k; j-- > 0;) {
          if (chrome_para(paras_[j])) continue;
          if (is_org(paras_[j]->text)) signer = paras_[j]->text;
          break;
        }
        break;
      }
    }
    // The title or the opening: "鞍山市2012年度政府信息公开工作报告", "现将鞍山市档案局2016年度…".
    std::optional<std::string> title_body;
    int seen = 0;
    for (const Paragraph* p : paras_) {
      if (chrome_para(p)) continue;
      if (++seen > 3) break;
      const std::string& t = p->text;
      const std::size_t rep = t.find("报告");
      if (rep == std::string::npos) continue;
      for (std::size_t y = 0; y + 7 <= rep; ++y) {
        if (!std::all_of(t.begin() + static_cast<long>(y), t.begin() + static_cast<long>(y + 4), [](char c) { return c >= '0' && c <= '9'; }) ||
            t.compare(y + 4, 3, "年") != 0)
          continue;
        // The body's name starts after the last word that ends a clause before the year.
        std::size_t start = 0;
        for (std::string_view stop : {"现将"sv, "，"sv, ","sv, "》"sv, ":"sv, "。"sv}) {
          const std::size_t at = t.rfind(stop, y);
          if (at != std::string::npos && at + stop.size() <= y) start = std::max(start, at + stop.size());
        }
        const std::string body(utf8::trim(std::string_view(t).substr(start, y - start)));
        if (is_org(body) || (body.size() >= 6 && kind_of(body) == "government")) title_body = body;
        break;
      }
      if (title_body) break;
    }
    // 填报单位 of a legacy statistics table.
    std::optional<std::string> filler;
    for (const Block& b : doc_.blocks) {
      if (b.kind != Block::Kind::table) continue;
      for (const Row& row : b.table.rows)
        for (const Cell& c : row.cells) {
          const std::size_t p = c.text.find("填报单位");
          if (p == std::string::npos) continue;
          const std::size_t colon = c.text.find(':', p);
          if (colon == std::string::npos) continue;
          const std::string v(utf8::trim(std::string_view(c.text).substr(colon + 1)));
          if (is_org(v) && !filler) filler = v;
        }
    }
    if (signer) r_.meta.agency = signer;
    else if (title_body) r_.meta.agency = title_body;
    else if (filler) r_.meta.agency = filler;
    const std::string kind_source = title_body ? *title_body : r_.meta.agency.value_or("");
    r_.meta.kind = kind_source.empty() ? "unknown" : kind_of(kind_source);
    // The page's publication date is when the public could read it; else the signature's.
    const std::optional<Date> published = header_date_ ? header_date_ : signed_on;
    if (published) {
      r_.meta.published = published->iso();
      published_ = published;
    }
  }

  void scan_text() {
    for (const Paragraph* p : paras_) {
      const std::string& t = p->text;
      for (std::string_view w : kTampering) {
        for (std::size_t at = t.find(w); at != std::string::npos; at = t.find(w, at + w.size())) {
          if (w == "投注" && t.compare(at + w.size(), 3, "站") == 0) continue;
          // Take in the brand before it: "365体育投注".
          std::size_t a = at;
          if (a >= 6 && t.compare(a - 6, 6, "体育") == 0) a -= 6;
          while (a > 0 && ((t[a - 1] >= '0' && t[a - 1] <= '9') || (t[a - 1] >= 'a' && t[a - 1] <= 'z') || (t[a - 1] >= 'A' && t[a - 1] <= 'Z'))) --a;
          const std::string found = t.substr(a, at + w.size() - a);
          add("tampering", Severity::error,
              "正文中出现与政府信息公开无关的博彩类文字“" + found + "”，疑似网页被篡改，请核对原始报告并处置", sub_span(*p, a, at + w.size()));
        }
      }
      if (chrome_para(p)) continue;
      for (const Typo& ty : kTypos) {
        for (std::size_t at = t.find(ty.wrong); at != std::string::npos; at = t.find(ty.wrong, at + 1)) {
          const std::size_t end = at + ty.wrong.size();
          if (!ty.legit_next.empty() && end < t.size()) {
            std::size_t len = 0;
            const char32_t next = utf8::decode(t, end, len);
            if (u32(ty.legit_next).find(next) != std::u32string::npos || t.compare(at, ty.right.size(), ty.right) == 0) continue;
          }
          add("typo", Severity::warning, "“" + std::string(ty.wrong) + "”疑为“" + std::string(ty.right) + "”的笔误",
              sub_span(*p, at, end), std::string(ty.right));
        }
      }
    }
  }

  void numbering() {
    int prev = 0;
    for (const Section& s : r_.sections) {
      const auto n = small_number(u32(s.number));
      if (!n) continue;
      if (*n <= prev)
        add("numbering", Severity::warning,
            "一级标题序号“" + s.number + "、”与前面的序号重复或倒序（前一个是第" + std::to_string(prev) + "个）", s.span);
      else if (prev > 0 && *n > prev + 1)  // before the first heading: section-missing's business
        add("numbering", Severity::warning, "一级标题序号“" + s.number + "、”前缺少序号（跳过了第" + std::to_string(prev + 1) + "个）", s.span);
      prev = std::max(prev, *n);
    }
  }

  void deadline() {
    if (!r_.meta.year || !published_) return;
    const int year = *r_.meta.year;
    // 2008 条例 第三十一条: 3月31日 for everyone; 2019 条例 第四十九条: departments 1月31日,
    // local governments 3月31日.
    int due_month = 3;
    std::string basis = year <= 2018 ? "2008年《条例》第三十一条：每年3月31日前公布" : "";
    if (year >= 2019) {
      if (r_.meta.kind == "department") { due_month = 1; basis = "2019年《条例》第四十九条：县级以上人民政府部门每年1月31日前公布"; }
      else if (r_.meta.kind == "government") basis = "2019年《条例》第四十九条：县级以上地方人民政府每年3月31日前公布";
      else return;  // who issued it decides the date; not known
    }
    const Date due{year + 1, due_month, 31};
    const Date& p = *published_;
    const bool late = p.y > due.y || (p.y == due.y && (p.m > due.m || (p.m == due.m && p.d > due.d)));
    deadline_ = {due.iso(), basis, !late};
    if (late)
      add("deadline", Severity::error, "报告发布于" + p.iso() + "，晚于规定期限" + due.iso() + "（" + basis + "）", r_.sections.empty() ? Span{} : r_.sections.front().span);
  }

  const Document& doc_;
  Report& r_;
  std::vector<const Paragraph*> paras_, chrome_;
  std::optional<Date> header_date_, published_;

 public:
  struct Deadline {
    std::string due, basis;
    bool met = false;
  };
  std::optional<Deadline> deadline_;
};

}  // namespace

void read_narrative(const Document& doc, Report& report) {
  Reader r(doc, report);
  r.run();
  if (r.deadline_) report.deadline = DeadlineCheck{r.deadline_->due, r.deadline_->basis, r.deadline_->met};
}

}  // namespace nianbao
