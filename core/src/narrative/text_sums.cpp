// Narrative arithmetic (spec §6, issue 4 §5): totals stated before 其中 against the parts after
// it, breakdowns of the same total in the next sentence, shares ("占总数的76.8%") and rates
// ("采用率45.9%") recomputed at the precision stated. Approximate figures (余/多/近/约) are
// never summed; a finding only where the structure is unambiguous.
#include <algorithm>

#include "narrative/narrative_rules.hpp"
#include "util/number.hpp"
#include "util/utf8.hpp"

namespace nianbao {

namespace {

using utf8::is_digit;

std::string formula(const std::vector<const Mention*>& parts, Decimal& sum) {
  std::string out;
  sum = Decimal();
  for (const Mention* m : parts) {
    sum += m->value;
    if (!out.empty()) out += '+';
    out += m->value.to_string();
  }
  return out;
}

class Sums {
 public:
  explicit Sums(const Prose& prose) : prose_(prose) {}

  TextSumsResult run() && {
    for (const Paragraph* p : prose_.body()) {
      totals(*p);
      rates(*p);
    }
    return std::move(out_);
  }

 private:
  /// "共X条，其中A条、B条": parts with the unit of a total stated before 其中.
  void totals(const Paragraph& p) {
    const std::string_view t = p.text;
    std::size_t done = 0;  // the text before it belongs to an earlier 其中
    for (std::size_t q = utf8::find(t, "其中"); q != std::string_view::npos; q = utf8::find(t, "其中", q + 6)) {
      if (q < done) continue;
      // Totals: the sentence before 其中 (or, when 其中 opens a sentence, the one before that).
      std::size_t begin = sentence_start(t, q);
      if (utf8::trim(t.substr(begin, q - begin)).empty() && begin >= 3) begin = sentence_start(t, begin - 3);
      begin = std::max(begin, done);
      const std::size_t end = sentence_end(t, q);
      done = end;
      // A list of lists ("其中…（其中…）") is not read: which total a part belongs to is unclear.
      if (t.find('(', q) < end && t.find("其中", q + 6) < end) continue;
      std::vector<Mention> before = find_mentions(t, begin, q);
      // Figures in an aside before 其中 ("222件（含上年结转5件），其中…") are not its total.
      std::erase_if(before, [&](const Mention& m) { return in_brackets(t, begin, m.start) && !in_brackets(t, begin, q); });
      const std::vector<Mention> after = find_mentions(t, q, end);
      for (std::string_view unit : text_units()) {
        std::vector<const Mention*> tot;
        for (const Mention& m : before)
          if (m.unit == unit) tot.push_back(&m);
        if (tot.empty() || tot.back()->approximate) continue;
        const Mention& total = *tot.back();  // the figure nearest to 其中
        // Shares are of the total whether or not the list of parts is complete.
        for (const Mention& m : after)
          if (m.unit == unit && m.share && !m.approximate) share(p, m, total, tot);
        const std::vector<const Mention*> parts = list_of_parts(t, q, end, after, unit);
        if (parts.size() < 2 || std::any_of(parts.begin(), parts.end(), [](const Mention* m) { return m->approximate; })) continue;
        Decimal sum;
        const std::string f = formula(parts, sum);
        const std::string u(unit);
        // Parts below the total may be a partial list; not when the list is whole: it has a
        // part for the rest ("其他类9条") or names a whole partition, and no 等 closes it.
        const bool short_whole = sum < total.value && whole_list(t, parts);
        out_.sums.push_back({total.value.to_string() + u, f + "=" + sum.to_string(), sum <= total.value && !short_whole});
        if (sum > total.value || short_whole) {
          Finding x = make_finding(Rule::text_sum, Severity::error,
                                   "正文所列分项" + f + "=" + sum.to_string() + u + (short_whole ? "，小于所述总数" : "，大于所述总数") +
                                       total.value.to_string() + u + (short_whole ? "（所列分项已含“其他”或为完整分类）" : ""),
                                   prose_.span(p, total.start, total.end));
          x.expected = sum;
          x.actual = total.value;
          for (const Mention* m : parts) x.related.push_back(prose_.span(p, m->start, m->end));
          out_.findings.push_back(std::move(x));
          continue;
        }
        if (sum == total.value) next_breakdown(p, end, total, unit);
      }
    }
  }

  /// The parts listed after 其中: the figures of `unit` up to the first ；. When that holds only
  /// one, the list goes on through the ；-separated clauses that repeat its wording (seed 004:
  /// "其中：…举办3次，培训171人次；…举办56次，培训896人次；…"); a clause worded otherwise
  /// ("…法人或其他组织申请17件；上年结转5件") is something else.
  static std::vector<const Mention*> list_of_parts(std::string_view t, std::size_t q, std::size_t end,
                                                   const std::vector<Mention>& after, std::string_view unit) {
    // Parts inside brackets are parts of a part ("197条（政府预决算32条、部门预决算165条）"); a
    // bracket closing one opened before 其中 ends the list ("2599条，(其中…856条)").
    std::vector<std::pair<std::size_t, std::size_t>> nested;
    int depth = 0;
    for (std::size_t i = q; i < end; ++i) {
      if (t[i] == '(') {
        if (depth++ == 0) nested.emplace_back(i, end);
      } else if (t[i] == ')') {
        if (depth == 0) { end = i; break; }
        if (--depth == 0) nested.back().second = i;
      }
    }
    auto inside = [&](const Mention& m) {
      return std::any_of(nested.begin(), nested.end(), [&](const auto& n) { return m.start > n.first && m.start < n.second; });
    };
    std::vector<std::size_t> cuts;
    for (std::size_t i = q; i < end; ++i)
      if (t[i] == ';') cuts.push_back(i);
    cuts.push_back(end);
    auto in_segment = [&](std::size_t k) {
      std::vector<const Mention*> out;
      const std::size_t a = k == 0 ? q : cuts[k - 1], b = cuts[k];
      for (const Mention& m : after)
        if (m.unit == unit && m.start >= a && m.start < b && !inside(m)) out.push_back(&m);
      return out;
    };
    std::vector<const Mention*> parts = in_segment(0);
    if (parts.size() != 1) return parts;
    const std::string_view word = word_before(t, *parts.front());
    for (std::size_t k = 1; k < cuts.size(); ++k) {
      const auto more = in_segment(k);
      if (more.size() != 1 || word.empty() || word_before(t, *more.front()) != word) break;
      parts.push_back(more.front());
    }
    return parts;
  }

  /// A list of parts that is whole: one of them is the rest ("其他类9条", "其他应主动公开政府信息
  /// 856条"), or they are the 公开属性 partition (主动公开, 依申请公开, 不予公开); 等 after the last
  /// makes it partial.
  static bool whole_list(std::string_view t, const std::vector<const Mention*>& parts) {
    const Mention& last = *parts.back();
    if (utf8::trim(t.substr(last.end, 9)).starts_with("等")) return false;
    bool rest = false;
    std::uint64_t partition = 0;
    for (const Mention* m : parts) {
      const std::size_t c0 = clause_start(t, m->start);
      const std::string_view name = utf8::trim(t.substr(c0, m->start - c0));
      rest = rest || kRest.find(name) == 0;
      partition |= kPartition.which(name);
    }
    return rest || partition == (std::uint64_t{1} << kPartition.size()) - 1;
  }
  static constexpr PhraseSet kPartition{"主动公开|依申请公开|不予公开"};
  /// How a list names the part that is all the rest (not "其他处理", a category of its own).
  static constexpr PhraseSet kRest{"其他类|其它类|其他应|其他方面|其他信息|其他政府信息|其他各类|其余"};

  /// The two characters before a figure: "培训" of "培训171人次".
  static std::string_view word_before(std::string_view t, const Mention& m) {
    return m.start >= 6 ? t.substr(m.start - 6, 6) : std::string_view{};
  }

  /// "受理申请93条，其中当面7条、信件86条。同意公开58条，…35条。": the next sentence splits the same
  /// total another way. Recorded only when it adds up (otherwise it may not be a breakdown).
  void next_breakdown(const Paragraph& p, std::size_t end, const Mention& total, std::string_view unit) {
    const std::string_view t = p.text;
    if (t.substr(end, 3) != "。") return;
    const std::size_t b = end + 3, e = sentence_end(t, b);
    if (utf8::find(t.substr(b, e - b), "其中") != std::string_view::npos) return;
    const std::vector<Mention> ms = find_mentions(t, b, e);
    if (ms.size() < 2) return;
    std::vector<const Mention*> parts;
    for (const Mention& m : ms) {
      if (m.unit != unit || m.approximate) return;
      parts.push_back(&m);
    }
    Decimal sum;
    const std::string f = formula(parts, sum);
    if (sum == total.value) out_.sums.push_back({total.value.to_string() + std::string(unit), f + "=" + sum.to_string(), true});
  }

  /// A share of the total before 其中. When it does not fit that total but fits another figure of
  /// the unit stated before 其中 ("收到217件…办结204件，其中予以公开108件，占49.8%"), the writer
  /// took that one: it holds.
  void share(const Paragraph& p, const Mention& m, const Mention& total, const std::vector<const Mention*>& totals) {
    const Mention::Share& s = *m.share;
    if (total.value <= Decimal() || s.decimals > 2) return;
    const bool holds = std::any_of(totals.begin(), totals.end(), [&](const Mention* t) {
      return !t->approximate && t->value > Decimal() && share_holds(m.value, t->value, s.value, s.decimals);
    });
    out_.shares.push_back({s.value.to_string() + "%", m.value.to_string() + "÷" + total.value.to_string(), holds});
    if (holds) return;
    const Decimal want = share_of(m.value, total.value, s.decimals);
    Finding x = make_finding(Rule::text_percent, Severity::error,
                             "正文所述占比" + s.value.to_string() + "%与" + m.value.to_string() + "÷" + total.value.to_string() +
                                 "不符（应约为" + want.to_string() + "%）",
                             prose_.span(p, m.start, m.end));
    x.expected = want;
    x.actual = s.value;
    x.related.push_back(prose_.span(p, s.start, s.end));
    x.related.push_back(prose_.span(p, total.start, total.end));
    out_.findings.push_back(std::move(x));
  }

  /// "整理上报信息1257条,采用577条,采用率45.9%": the rate's numerator is the figure whose clause
  /// names the rate's verb (采用), its denominator the figure of the same unit before it.
  void rates(const Paragraph& p) {
    const std::string_view t = p.text;
    for (std::size_t r = utf8::find(t, "率"); r != std::string_view::npos; r = utf8::find(t, "率", r + 3)) {
      std::size_t k = r + 3;
      if (k < t.size() && (t.substr(k, 3) == "为" || t.substr(k, 3) == "达")) k += 3;
      if (t.substr(k, 6) == "达到") k += 6;
      std::size_t e = k;
      while (e < t.size() && (is_digit(t[e]) || t[e] == '.')) ++e;
      if (e == k || e >= t.size() || t[e] != '%' || r < 6) continue;
      const auto stated = parse_number(t.substr(k, e - k));
      if (!stated) continue;
      const std::size_t dot = t.substr(k, e - k).find('.');
      const int decimals = dot == std::string_view::npos ? 0 : static_cast<int>(e - k - dot - 1);
      const std::string_view verb = t.substr(r - 6, 6);  // the two characters before 率
      const std::size_t s0 = sentence_start(t, r);
      const std::vector<Mention> ms = find_mentions(t, s0, r);
      // The numerator: the one figure whose own clause names the verb ("采用577条"). With two
      // ("予以公开108件，部分公开21件，公开率…") the rate is over their sum: not read.
      std::size_t num = ms.size(), naming = 0;
      for (std::size_t i = ms.size(); i-- > 0;) {
        const std::size_t c0 = clause_start(t, ms[i].start, false);
        if (utf8::find(t.substr(c0, ms[i].start - c0), verb) == std::string_view::npos) continue;
        ++naming;
        if (num == ms.size()) num = i;
      }
      if (naming != 1 || num == 0 || ms[num].approximate || decimals > 2) continue;
      // The denominator: a figure of the same unit before it; the nearest is shown, any that
      // gives the rate makes it hold (the writer chose the base).
      std::vector<const Mention*> dens;
      for (std::size_t i = num; i-- > 0;)
        if (ms[i].unit == ms[num].unit && !ms[i].approximate && ms[i].value >= ms[num].value && ms[i].value > Decimal())
          dens.push_back(&ms[i]);
      if (dens.empty()) continue;
      const Mention* den = dens.front();
      const bool holds = std::any_of(dens.begin(), dens.end(), [&](const Mention* d) {
        return share_holds(ms[num].value, d->value, stated->value, decimals);
      });
      out_.shares.push_back({std::string(t.substr(r - 6, 9)) + stated->value.to_string() + "%",
                                ms[num].value.to_string() + "÷" + den->value.to_string(), holds});
      if (holds) continue;
      const Decimal want = share_of(ms[num].value, den->value, decimals);
      // Which figure a rate is taken over is the writer's choice: a prompt, not an error.
      Finding x = make_finding(Rule::text_percent, Severity::warning,
                               "正文所述" + std::string(t.substr(r - 6, 9)) + stated->value.to_string() + "%与" +
                                   ms[num].value.to_string() + "÷" + den->value.to_string() + "（约" + want.to_string() + "%）不符",
                               prose_.span(p, k, e + 1));
      x.expected = want;
      x.actual = stated->value;
      x.related.push_back(prose_.span(p, ms[num].start, ms[num].end));
      x.related.push_back(prose_.span(p, den->start, den->end));
      out_.findings.push_back(std::move(x));
    }
  }

  const Prose& prose_;
  TextSumsResult out_;
};

}  // namespace

TextSumsResult check_text_sums(const Prose& prose) { return Sums(prose).run(); }

}  // namespace nianbao
