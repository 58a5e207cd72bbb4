// Figures the running text states about table quantities, found with the cue tables of
// lexicon/figure_cues.hpp: the statements of figures and of none, the published total, and
// the tables' values they are compared with.
#include "text/text_figures.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <optional>

#include "lexicon/figure_cues.hpp"
#include "lexicon/row_keys.hpp"
#include "nianbao/report.hpp"
#include "text/phrases.hpp"
#include "text/words.hpp"
#include "util/utf8.hpp"

namespace nianbao {

namespace {

using namespace std::string_view_literals;

using namespace lexicon;

constexpr std::string_view strip_fillers(std::string_view s) {
  for (bool again = true; again;) {
    again = false;
    for (std::string_view f : kFillers)  // (the last bytes compared first: a call of memcmp for every filler cost more)
      if (s.size() > f.size() && s.back() == f.back() && s.ends_with(f)) {
        s.remove_suffix(f.size());
        again = true;
      }
  }
  return s;
}

// ---- indexes over the cue tables, made at compile time ---------------------------------------

/// The `before` phrases of every cue without their fillers, by their last two bytes: the
/// phrases that can end a given text are the ones of its bucket.
struct CueWords {
  std::uint16_t cue;       ///< index into kFigureCues
  std::string_view words;  ///< strip_fillers(phrase)
};
constexpr std::size_t kTailBuckets = 1024;
constexpr unsigned tail_key(std::string_view w) {
  return ((static_cast<unsigned char>(w[w.size() - 2]) & 0x0Fu) << 6) | (static_cast<unsigned char>(w[w.size() - 1]) & 0x3Fu);
}
constexpr std::size_t kBeforeCount = [] {
  std::size_t n = 0;
  for (const FigureCue& c : kFigureCues)
    for (std::string_view ph : split_bar(c.before)) n += !strip_fillers(ph).empty();
  return n;
}();
struct CueIndex {
  std::array<std::uint16_t, kTailBuckets + 1> start{};  ///< bucket b: entries [start[b], start[b + 1])
  std::array<CueWords, kBeforeCount> entries{};         ///< in cue order within a bucket
  bool short_words = false;                             ///< a phrase under two bytes (not indexed)
};
constexpr CueIndex kCueIndex = [] {
  CueIndex x;
  std::array<std::uint16_t, kTailBuckets> fill{};
  for (const FigureCue& c : kFigureCues)
    for (std::string_view ph : split_bar(c.before)) {
      const std::string_view w = strip_fillers(ph);
      if (w.size() == 1) x.short_words = true;
      if (w.size() >= 2) ++fill[tail_key(w)];
    }
  for (std::size_t b = 0; b < kTailBuckets; ++b) x.start[b + 1] = static_cast<std::uint16_t>(x.start[b] + fill[b]);
  for (std::size_t b = 0; b < kTailBuckets; ++b) fill[b] = x.start[b];
  for (std::size_t i = 0; i < kFigureCues.size(); ++i)
    for (std::string_view ph : split_bar(kFigureCues[i].before)) {
      const std::string_view w = strip_fillers(ph);
      if (w.size() >= 2) x.entries[fill[tail_key(w)]++] = {static_cast<std::uint16_t>(i), w};
    }
  return x;
}();
static_assert(!kCueIndex.short_words, "a cue phrase of one byte: index it (kCueIndex) before using it");

/// Cues as a set of bits, in table order.
constexpr std::size_t kCueWords = (kFigureCues.size() + 63) / 64;
using CueBits = std::array<std::uint64_t, kCueWords>;
/// The cues with `after` phrases (looked for in the clause after the figure).
constexpr CueBits kCuesWithAfter = [] {
  CueBits b{};
  for (std::size_t i = 0; i < kFigureCues.size(); ++i)
    if (!kFigureCues[i].after.empty()) b[i / 64] |= std::uint64_t{1} << (i % 64);
  return b;
}();

template <class F>
void each_cue(const CueBits& bits, F f) {
  for (std::size_t w = 0; w < bits.size(); ++w)
    for (std::uint64_t b = bits[w]; b; b &= b - 1) f(w * 64 + static_cast<std::size_t>(std::countr_zero(b)));
}

/// Every phrase of the statements of none, of their exceptions and of what they must be about.
template <std::string_view NoneCue::*member>
constexpr std::array<PhraseSet, kNoneCues.size()> none_sets() {
  std::array<PhraseSet, kNoneCues.size()> out{};
  for (std::size_t i = 0; i < kNoneCues.size(); ++i) out[i] = PhraseSet(kNoneCues[i].*member);
  return out;
}
constexpr auto kNonePhrases = none_sets<&NoneCue::phrases>();
constexpr auto kNoneUnless = none_sets<&NoneCue::unless>();
constexpr auto kNoneAbout = none_sets<&NoneCue::about>();
/// Any phrase of any statement of none: a clause without one says no "none".
constexpr WidePhraseSet kAnyNonePhrase = [] {
  WidePhraseSet s;
  for (const NoneCue& c : kNoneCues)
    for (std::string_view p : split_bar(c.phrases)) s.add(p);
  return s;
}();
static_assert(!kAnyNonePhrase.overflowed(), "kAnyNonePhrase: more phrases than PhraseSet::kMax");
/// The phrases of kAnyNonePhrase that are each cue's, as bits.
constexpr std::array<std::uint64_t, kNoneCues.size()> kNoneCuePhrases = [] {
  std::array<std::uint64_t, kNoneCues.size()> out{};
  std::size_t k = 0;
  for (std::size_t i = 0; i < kNoneCues.size(); ++i)
    for (std::string_view p : split_bar(kNoneCues[i].phrases)) {
      (void)p;
      out[i] |= std::uint64_t{1} << k++;
    }
  return out;
}();
constexpr PhraseSet kNegationSet{kNegations};
/// A clause with a subject of its own ("所有申请均已办理完成"): what the sentence named before it
/// (上年结转…2件) does not make it a statement about that.
constexpr PhraseSet kOwnSubject{"所有申请|全部申请|上述申请|以上申请|各项申请"};
constexpr PhraseSet kJoinedSet{"或|和|及|与"};
constexpr PhraseSet kPartScopeSet{kPartScope};
constexpr PhraseSet kPartOfTotalSet{kPartOfTotal};
constexpr PhraseSet kReasonSet{kReason};
constexpr PhraseSet kOtherBodySet{kOtherBody};
constexpr PhraseSet kAttributeSet{"主动公开|依申请公开"};
/// Every phrase of kAttributeSet, as bits of which().
constexpr std::uint64_t kAllAttributes = (std::uint64_t{1} << kAttributeSet.size()) - 1;

bool has_word(std::string_view list, std::string_view w) {
  for (std::string_view x : split_bar(list))
    if (x == w) return true;
  return false;
}

const RowDef* row_def(const TableTemplate& t, std::string_view key) {
  for (const RowDef& r : t.rows)
    if (utf8::same(r.key, key)) return &r;
  return nullptr;
}

bool is_t3_applicant_group(std::string_view col) { return col == kColOrganisationsSum; }

/// The row key of `rows` that the template has (a group "x/" when some row starts with it).
std::optional<std::string_view> resolve_row(const TableTemplate& t, std::string_view rows) {
  for (std::string_view r : split_bar(rows)) {
    if (ends_with(r, "/")) {
      for (const RowDef& d : t.rows)
        if (starts_with(d.key, r) && !d.group) return r;
    } else if (const RowDef* d = row_def(t, r); d && !d->group) {
      return r;
    }
  }
  return std::nullopt;
}

/// The columns a row (or every row of a group) has.
std::span<const std::string_view> columns_of(const TableTemplate& t, std::string_view row) {
  if (ends_with(row, "/")) {
    for (const RowDef& d : t.rows)
      if (starts_with(d.key, row) && !d.group) return d.columns;
    return {};
  }
  const RowDef* d = row_def(t, row);
  return d ? d->columns : std::span<const std::string_view>{};
}

/// The column of `cols` the row has; "" names the row's total (its last column).
std::optional<std::string_view> resolve_col(const TableTemplate& t, std::string_view row, std::string_view cols) {
  const auto have = columns_of(t, row);
  if (have.empty()) return std::nullopt;
  if (cols.empty()) return have.back();
  for (std::string_view c : split_bar(cols)) {
    if (is_t3_applicant_group(c) && t.id == "T3") return c;
    if (std::find(have.begin(), have.end(), c) != have.end()) return c;
  }
  return std::nullopt;
}

using utf8::is_digit;

/// A clause with figures other than dates in it does not say "none".
bool has_count(std::string_view c) {
  for (std::size_t i = 0; i < c.size(); ++i) {
    if (!is_digit(c[i])) continue;
    std::size_t e = i;
    while (e < c.size() && (is_digit(c[e]) || c[e] == '.')) ++e;
    const std::string_view next = c.substr(e, 3);
    if (next != "年" && next != "月" && next != "日" && next != "号") return true;
    i = e;
  }
  return false;
}

class Extractor {
 public:
  explicit Extractor(Format f) {
    for (const TableTemplate* t : templates_for(f)) tables_.push_back(t);
  }

  void paragraph(const Paragraph& p, std::vector<StatedCell>& out) {
    const std::string_view t = p.text;
    std::size_t none_at = kAnyNonePhrase.find(t);  // where a phrase of a "none" occurs next (npos: none)
    for (std::size_t s0 = 0; s0 < t.size();) {
      const std::size_t s1 = sentence_end(t, s0);
      sentence(p, s0, s1, out);
      nones(p, s0, s1, none_at, out);
      s0 = std::max(past_stop(t, s1), s0 + 1);
    }
  }

 private:
  struct Match {
    const FigureCue* cue = nullptr;
    const TableTemplate* tmpl = nullptr;
    std::string_view row, col;
    std::size_t phrase_start = 0;  ///< where the naming words start in the text
    std::size_t phrase_end = 0;    ///< and where they end (after the figure for "after" words)
    std::size_t length = 0;        ///< their length: the longest naming wins
  };

  void sentence(const Paragraph& p, std::size_t s0, std::size_t s1, std::vector<StatedCell>& out) {
    const std::string_view t = p.text;
    std::vector<std::pair<const TableTemplate*, std::string_view>> named;  // the row named last, per table
    for (const Mention& m : find_mentions(t, s0, s1)) {
      if (m.approximate) continue;
      const std::size_t c0 = std::max(clause_start(t, m.start), s0);
      const std::string_view head = strip_fillers(utf8::trim(t.substr(c0, m.start - c0)));
      const std::size_t head_start = static_cast<std::size_t>(head.data() - t.data());
      const std::string_view tail = t.substr(m.end, clause_end(t, m.end, false) - m.end);
      std::optional<Match> best;
      bool tie = false;
      // The cues one of whose phrases ends the head (the longest such phrase of each), and those
      // with words after the figure; in table order.
      std::array<std::uint16_t, kFigureCues.size()> before_len{};
      CueBits cues = kCuesWithAfter;
      if (head.size() >= 2) {
        const unsigned key = tail_key(head);
        for (std::size_t e = kCueIndex.start[key]; e < kCueIndex.start[key + 1]; ++e) {
          const CueWords& cw = kCueIndex.entries[e];
          if (cw.words.size() > before_len[cw.cue] && ends_with(head, cw.words)) {
            before_len[cw.cue] = static_cast<std::uint16_t>(cw.words.size());
            cues[cw.cue / 64] |= std::uint64_t{1} << (cw.cue % 64);
          }
        }
      }
      each_cue(cues, [&](std::size_t ci) {
        const FigureCue& cue = kFigureCues[ci];
        const TableTemplate* tmpl = table(cue.table);
        if (!tmpl || !has_word(cue.units, m.unit)) return;
        std::size_t len = before_len[ci], at = len ? head_start + head.size() - len : 0, to = m.end;
        for (std::string_view ph : split_bar(cue.after))
          if (ph.size() > len && contains(tail, ph)) {
            len = ph.size();
            at = m.start;
            to = m.end + utf8::find(tail, ph) + ph.size();
          }
        if (len == 0) return;
        bool excluded = false;
        for (std::string_view x : split_bar(cue.exclude)) excluded = excluded || ends_with(head, strip_fillers(x));
        if (excluded) return;
        Match mt{&cue, tmpl, {}, {}, at, to, len};
        if (cue.rows.empty()) {  // the row named before in this sentence
          const auto it = std::find_if(named.rbegin(), named.rend(), [&](const auto& n) { return n.first == tmpl; });
          if (it == named.rend()) return;
          mt.row = it->second;
        } else if (auto r = resolve_row(*tmpl, cue.rows)) {
          mt.row = *r;
        } else {
          return;
        }
        const auto col = resolve_col(*tmpl, mt.row, cue.cols);
        if (!col) return;
        mt.col = *col;
        // A figure carried over ("废止1件") yields to a naming of its own of the same length.
        const std::size_t rank = len * 2 + (cue.rows.empty() ? 0 : 1);
        const std::size_t best_rank = best ? best->length * 2 + (best->cue->rows.empty() ? 0 : 1) : 0;
        if (!best || rank > best_rank) { best = mt; tie = false; }
        else if (rank == best_rank && (best->row != mt.row || best->col != mt.col || best->tmpl != mt.tmpl)) tie = true;
      });
      if (!best || tie) continue;
      // "其中主动公开信息数130，依申请公开信息数363条，不予公开21条": the 公开属性 of documents,
      // not the results of applications.
      if (best->tmpl->id == "T3" && best->cue->rows.starts_with("（") && kAttributeSet.which(t.substr(s0, s1 - s0)) == kAllAttributes) continue;
      // "不属于本行政机关公开或信息不存在35条": two categories together are neither.
      const std::string_view joined = t.substr(c0, best->phrase_start - std::min(best->phrase_start, c0));
      if (find_any(joined, kJoinedSet) != std::string_view::npos) continue;
      StatedCell sc{best->tmpl, best->row, best->col, m.value, &p, m.start, m.end, std::min(best->phrase_start, m.start), best->phrase_end};
      const std::size_t w0 = std::max(clause_start(t, m.start, false), s0);
      const std::string_view wide = t.substr(w0, best->phrase_start - std::min(best->phrase_start, w0));
      if (find_any(wide, kOtherBodySet) != std::string_view::npos) sc.scope = StatedCell::Scope::other;
      else if (find_any(wide, kPartScopeSet) != std::string_view::npos ||
               (best->cue->total && find_any(wide, kPartOfTotalSet) != std::string_view::npos) ||
               (best->cue->group && find_any(joined, kReasonSet) != std::string_view::npos))
        sc.scope = StatedCell::Scope::part;
      out.push_back(sc);
      // A row named in an aside ("（含上年结转5件）") is not the one the sentence goes on about.
      if (!best->cue->rows.empty() && !in_brackets(t, s0, m.start)) named.emplace_back(best->tmpl, best->row);
    }
  }

  /// `none_at`: where a phrase of kAnyNonePhrase starts in p.text at or after the place last
  /// asked about (npos: nowhere); moved on here. A clause that no phrase starts in has none
  /// inside it: only the clauses one starts in are looked at, and sentences without any skipped.
  void nones(const Paragraph& p, std::size_t s0, std::size_t s1, std::size_t& none_at, std::vector<StatedCell>& out) {
    const std::string_view t = p.text;
    auto next_phrase = [&](std::size_t from) {
      if (none_at < from) none_at = kAnyNonePhrase.find(t, from);
      return none_at;
    };
    if (next_phrase(s0) >= s1) return;
    for (std::size_t c0 = s0; c0 < s1;) {
      std::size_t c1 = std::min(clause_end(t, c0, false), s1);
      const std::string_view c = t.substr(c0, c1 - c0);
      // (The tests below are those of the table, cheapest and rarest first.)
      const std::uint64_t phrases = next_phrase(c0) < c1 ? kAnyNonePhrase.which(c) : 0;
      if (phrases && !has_count(c)) {
        std::size_t neg = std::string_view::npos;
        bool neg_known = false;
        for (std::size_t i = 0; i < kNoneCues.size(); ++i) {
          const NoneCue& cue = kNoneCues[i];
          if (!(phrases & kNoneCuePhrases[i])) continue;  // none of its phrases in the clause
          const TableTemplate* tmpl = table(cue.table);
          if (!tmpl) continue;
          if (cue.negated && !neg_known) {
            neg_known = true;
            for (std::size_t k = find_any(c, kNegationSet); k != std::string_view::npos; k = find_any(c, kNegationSet, k + 3)) {
              bool real = true;
              for (std::string_view x : split_bar(kNotNegation)) real = real && c.substr(k, x.size()) != x;
              if (real) { neg = k; break; }
            }
          }
          if (cue.negated && neg == std::string_view::npos) continue;
          const std::size_t at = find_any(c, kNonePhrases[i], cue.negated ? neg : 0);
          if (at == std::string_view::npos) continue;
          if (!cue.unless.empty() && find_any(c, kNoneUnless[i]) != std::string_view::npos) continue;
          // What the sentence up to here speaks of ("收到申请35件，均已按期办结").
          if (!cue.about.empty() && find_any(t.substr(s0, c1 - s0), kNoneAbout[i]) == std::string_view::npos) continue;
          if (!cue.unless.empty() && find_any(t.substr(s0, c0 - s0), kNoneUnless[i]) != std::string_view::npos && !cue.about.empty() &&
              find_any(c, kOwnSubject) == std::string_view::npos)
            continue;
          const auto row = resolve_row(*tmpl, cue.rows);
          const auto col = row ? resolve_col(*tmpl, *row, cue.cols) : std::nullopt;
          if (!col) continue;
          std::size_t end = at;
          for (std::string_view ph : split_bar(cue.phrases))
            if (c.substr(at, ph.size()) == ph) end = std::max(end, at + ph.size());
          StatedCell sc{tmpl, *row, *col, Decimal(), &p, c0 + (cue.negated ? neg : at), c0 + end, c0 + (cue.negated ? neg : at), c0 + end};
          sc.none = true;
          out.push_back(sc);
        }
      }
      c0 = std::max(past_stop(t, c1), c0 + 1);
    }
  }

  const TableTemplate* table(std::string_view id) const {
    for (const TableTemplate* t : tables_)
      if (t->id == id) return t;
    return nullptr;
  }

  std::vector<const TableTemplate*> tables_;
};

}  // namespace

bool is_group_key(std::string_view row) { return ends_with(row, "/"); }

namespace {
/// The words of the published total's cue before a figure, without fillers, in the cue's order
/// (a set's phrases keep the order they were added in): what ends the text before the figure,
/// so a paragraph with none of them states no such total.
constexpr PhraseSet kPublishedTotalWords = [] {
  PhraseSet s;
  for (std::string_view ph : split_bar(kFigureCues.front().before)) s.add(strip_fillers(ph));
  return s;
}();
static_assert(!kPublishedTotalWords.overflowed());
}  // namespace

std::optional<StatedTotal> stated_published_total(std::span<const Paragraph* const> paras) {
  const FigureCue& cue = kFigureCues.front();  // legacy （一）主动公开政府信息数: its words and units
  for (const Paragraph* p : paras) {
    const std::string_view t = p->text;
    if (!kPublishedTotalWords.in(t)) continue;  // (most paragraphs: their figures are not read)
    for (const Mention& m : find_mentions(t, 0, t.size())) {
      if (m.approximate || !has_word(cue.units, m.unit)) continue;
      const std::size_t c0 = clause_start(t, m.start);
      const std::string_view head = strip_fillers(utf8::trim(t.substr(c0, m.start - c0)));
      for (std::size_t wi = 0; wi < kPublishedTotalWords.size(); ++wi) {  // its words, in order
        const std::string_view w = kPublishedTotalWords[wi];
        if (!ends_with(head, w)) continue;
        const std::size_t w0 = clause_start(t, m.start, false);
        const std::size_t phrase = static_cast<std::size_t>(head.data() - t.data()) + head.size() - w.size();
        const std::string_view wide = t.substr(w0, phrase - std::min(phrase, w0));
        if (find_any(wide, kPartScopeSet) != std::string_view::npos || find_any(wide, kPartOfTotalSet) != std::string_view::npos ||
            find_any(wide, kOtherBodySet) != std::string_view::npos)
          break;
        return StatedTotal{m.value, p, m.start, m.end};
      }
    }
  }
  return std::nullopt;
}

namespace {

bool add_cell(const ReportTable& t, std::string_view row, std::string_view col, Decimal& sum,
              std::vector<const TableCell*>* cells) {
  if (col == kColOrganisationsSum) {
    for (std::string_view c : kColOrganisations)
      if (!add_cell(t, row, c, sum, cells)) return false;
    return true;
  }
  const TableCell* c = t.find(row, col);
  if (!c || !c->value) return false;  // not read, or blank: nothing to compare with
  sum += *c->value;
  if (cells) cells->push_back(c);
  return true;
}

}  // namespace

std::optional<Decimal> table_value(const ReportTable& t, std::string_view row, std::string_view col,
                                   std::vector<const TableCell*>* cells) {
  Decimal sum;
  // A group row ("（六）其他处理" of the 2021 format) stands for the rows under it.
  const RowDef* def = row_def(*t.tmpl, row);
  const bool group = is_group_key(row) || (def && def->group);
  if (!group) return add_cell(t, row, col, sum, cells) ? std::optional<Decimal>(sum) : std::nullopt;
  bool any = false;
  for (const RowDef& d : t.tmpl->rows) {
    if (d.group || !starts_with(d.key, row) || (!is_group_key(row) && d.key.substr(row.size(), 1) != "/")) continue;
    if (!add_cell(t, d.key, col, sum, cells)) return std::nullopt;
    any = true;
  }
  return any ? std::optional<Decimal>(sum) : std::nullopt;
}

std::vector<StatedCell> stated_cells(std::span<const Paragraph* const> paras, Format format) {
  std::vector<StatedCell> out;
  if (templates_for(format).empty()) return out;
  Extractor x(format);
  for (const Paragraph* p : paras) x.paragraph(*p, out);
  return out;
}

}  // namespace nianbao
