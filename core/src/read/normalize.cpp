#include "read/normalize.hpp"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>
#include <unicode/uversion.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <unordered_map>

#include "util/utf8.hpp"

namespace nianbao {

namespace hant_hans {
// Traditional -> Simplified, one Han code point at a time: ICU's "Hant-Hans" transliterator
// (UTRANS_FORWARD) applied at build time to every code point for which utf8::is_han is true
// (scripts/icu/gen-hant-hans.cpp writes the definition; cmake/icu.cmake compiles it in).
// Entry i maps from[i] (sorted, strictly increasing) to pool[offsets[i], offsets[i + 1]);
// code points not listed are unchanged. Returns the number of entries and the ICU version the
// table was made with.
std::size_t table(const char32_t*& from, const std::uint16_t*& offsets, const char32_t*& pool,
                  const char*& icu_version);
}  // namespace hant_hans

SourceMap::SourceMap(std::vector<Run> runs, std::vector<std::uint32_t> line_starts)
    : runs_(std::move(runs)), line_starts_(std::move(line_starts)) {
  if (!runs_.empty()) {
    const std::size_t pages = (static_cast<std::size_t>(runs_.back().out_end) >> kPageBits) + 2;
    run_pages_.resize(pages);
    std::size_t k = 0;
    for (std::size_t p = 0; p < pages; ++p) {
      const std::size_t at = p << kPageBits;
      while (k < runs_.size() && runs_[k].out_start <= at) ++k;
      run_pages_[p] = static_cast<std::uint32_t>(k);
    }
  }
  if (!line_starts_.empty()) {
    const std::size_t pages = (static_cast<std::size_t>(line_starts_.back()) >> kPageBits) + 2;
    line_pages_.resize(pages);
    std::size_t k = 0;
    for (std::size_t p = 0; p < pages; ++p) {
      const std::size_t at = p << kPageBits;
      while (k < line_starts_.size() && line_starts_[k] <= at) ++k;
      line_pages_[p] = static_cast<std::uint32_t>(k);
    }
  }
}

std::uint32_t SourceMap::to_input(std::size_t out, bool is_end) const {
  if (runs_.empty()) return static_cast<std::uint32_t>(out);
  // The run containing byte `out` (for an end offset, the byte before it): the upper bound of
  // `probe` lies between those of its page's first byte and of the next page's.
  const std::size_t probe = is_end && out > 0 ? out - 1 : out;
  auto lo = runs_.begin(), hi = runs_.end();
  if (const std::size_t page = probe >> kPageBits; page + 1 < run_pages_.size()) {
    lo = runs_.begin() + run_pages_[page];
    hi = runs_.begin() + run_pages_[page + 1];
  }
  auto it = std::upper_bound(lo, hi, probe, [](std::size_t v, const Run& r) { return v < r.out_start; });
  if (it == runs_.begin()) return runs_.front().in_start;
  const Run& r = *std::prev(it);
  if (probe >= r.out_end) return r.in_end;  // past the last run
  if (r.linear) return r.in_start + static_cast<std::uint32_t>(out - r.out_start);
  return is_end ? r.in_end : r.in_start;
}

Span SourceMap::span(std::size_t start, std::size_t end) const {
  Span s;
  s.start = to_input(start, false);
  s.end = end > start ? to_input(end, true) : s.start;
  if (s.end < s.start) s.end = s.start;
  s.line = line_of(s.start);
  return s;
}

std::uint32_t SourceMap::line_of(std::uint32_t offset) const {
  auto lo = line_starts_.begin(), hi = line_starts_.end();
  if (const std::size_t page = offset >> kPageBits; page + 1 < line_pages_.size()) {
    lo = line_starts_.begin() + line_pages_[page];
    hi = line_starts_.begin() + line_pages_[page + 1];
  }
  auto it = std::upper_bound(lo, hi, offset);
  return static_cast<std::uint32_t>(it - line_starts_.begin());
}

struct Normalizer::Impl {
  const icu::Normalizer2* nfkc = nullptr;
  // The generated table (hant_hans::table) ...
  const char32_t* hans_from = nullptr;
  const std::uint16_t* hans_offsets = nullptr;
  const char32_t* hans_pool = nullptr;
  std::size_t hans_size = 0;
  // ... and an index over its BMP part, built in create(): bit cp of bmp_bits is set when the
  // table lists cp, and entry i for it is bmp_rank[cp / 64] + the set bits below it in its word
  // (a binary search costs ~12 unpredictable steps per Han character; this is one load).
  // Entries from bmp_count on (supplementary code points) are found by binary search.
  std::array<std::uint64_t, 1024> bmp_bits{};
  std::array<std::uint16_t, 1024> bmp_rank{};
  std::size_t bmp_count = 0;

  // What NFKC does with a code point, asked of ICU once per code point and remembered (BMP).
  static constexpr std::uint8_t kKnown = 1, kBoundaryBefore = 2, kChangesAlone = 4, kHan = 8, kTraditional = 16;
  std::array<std::uint8_t, 0x10000> bmp_facts{};
  /// NFKC of a code point alone, for those it changes (kChangesAlone).
  std::unordered_map<char32_t, std::u32string> alone;
  /// kBoundaryBefore: ICU's hasBoundaryBefore; kChangesAlone: NFKC of the code point on its own
  /// is not the code point (then `alone` holds what it is); kHan: utf8::is_han; kTraditional:
  /// Han that Hant-Hans changes (simplified()).
  std::uint8_t facts(char32_t cp) {
    const std::uint8_t f = cp < 0x10000 ? bmp_facts[cp] : 0;
    return (f & kKnown) ? f : ask_icu(cp);
  }
  std::uint8_t ask_icu(char32_t cp);

  /// Whether Hant-Hans changes `cp`; if so, `out` is what it becomes (possibly several or no
  /// code points).
  bool simplified(char32_t cp, std::u32string_view& out) const {
    std::size_t i;
    if (cp < 0x10000) {
      const std::uint64_t word = bmp_bits[cp >> 6], bit = std::uint64_t{1} << (cp & 63);
      if (!(word & bit)) return false;
      i = bmp_rank[cp >> 6] + static_cast<std::size_t>(std::popcount(word & (bit - 1)));
    } else {
      const char32_t* end = hans_from + hans_size;
      const char32_t* it = std::lower_bound(hans_from + bmp_count, end, cp);
      if (it == end || *it != cp) return false;
      i = static_cast<std::size_t>(it - hans_from);
    }
    out = std::u32string_view(hans_pool + hans_offsets[i],
                              static_cast<std::size_t>(hans_offsets[i + 1] - hans_offsets[i]));
    return true;
  }

  /// Takes the compiled-in table and indexes it; an empty string, or what is wrong with it (one
  /// made with another ICU than the one we run, or a broken layout, would convert wrongly).
  std::string load_table() {
    const char* table_icu = nullptr;
    hans_size = hant_hans::table(hans_from, hans_offsets, hans_pool, table_icu);
    if (table_icu == nullptr || std::strcmp(table_icu, U_ICU_VERSION) != 0)
      return std::string("生成自 ICU ") + (table_icu ? table_icu : "?") + "，本程序使用 ICU " U_ICU_VERSION;
    if (hans_size == 0 || hans_offsets[0] != 0) return "表为空或偏移无效";
    for (std::size_t i = 0; i < hans_size; ++i) {
      const char32_t cp = hans_from[i];
      if (!utf8::is_han(cp) || (i > 0 && hans_from[i - 1] >= cp) || hans_offsets[i] > hans_offsets[i + 1])
        return "第 " + std::to_string(i) + " 项无效";
      if (cp < 0x10000) {
        bmp_bits[cp >> 6] |= std::uint64_t{1} << (cp & 63);
        bmp_count = i + 1;
      }
    }
    std::uint16_t rank = 0;
    for (std::size_t w = 0; w < bmp_bits.size(); ++w) {
      bmp_rank[w] = rank;
      rank = static_cast<std::uint16_t>(rank + std::popcount(bmp_bits[w]));
    }
    return {};
  }
};

Normalizer::Normalizer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Normalizer::~Normalizer() = default;

std::unique_ptr<Normalizer> Normalizer::create(Error* error) {
  auto impl = std::make_unique<Impl>();
  UErrorCode status = U_ZERO_ERROR;
  impl->nfkc = icu::Normalizer2::getNFKCInstance(status);
  if (U_FAILURE(status) || impl->nfkc == nullptr) {
    if (error) *error = {ErrorCode::icu_unavailable, std::string("无法加载 ICU NFKC 数据: ") + u_errorName(status), 0};
    return nullptr;
  }
  // Traditional -> Simplified is a table compiled in, not ICU data; still refuse a wrong one.
  const std::string bad = impl->load_table();
  if (!bad.empty()) {
    if (error) *error = {ErrorCode::icu_unavailable, "繁简转换表无效: " + bad, 0};
    return nullptr;
  }
  return std::unique_ptr<Normalizer>(new Normalizer(std::move(impl)));
}

namespace {

struct OutChar {
  char32_t cp;
  std::uint32_t in_start, in_end;
  bool single;  // produced alone from exactly one input code point
};

/// Appends one output character's run to `runs`, merging it with the run before when both map
/// byte for byte and touch, or when both come from the same input segment.
void add_run(std::vector<SourceMap::Run>& runs, std::uint32_t out_start, std::uint32_t out_end,
             std::uint32_t in_start, std::uint32_t in_end, bool linear) {
  if (!runs.empty()) {
    SourceMap::Run& last = runs.back();
    if (linear && last.linear && last.out_end == out_start && last.in_end == in_start) {
      last.out_end = out_end;
      last.in_end = in_end;
      return;
    }
    if (!linear && !last.linear && last.in_start == in_start && last.in_end == in_end && last.out_end == out_start) {
      last.out_end = out_end;  // several output characters from one input segment
      return;
    }
  }
  runs.push_back({out_start, out_end, in_start, in_end, linear});
}

std::vector<std::uint32_t> line_starts_of(std::string_view input) {
  std::vector<std::uint32_t> line_starts{0};
  const char* const begin = input.data();
  const char* const end = begin + input.size();
  for (const char* p = begin; p < end;) {
    const void* nl = std::memchr(p, '\n', static_cast<std::size_t>(end - p));
    if (!nl) break;
    p = static_cast<const char*>(nl) + 1;
    line_starts.push_back(static_cast<std::uint32_t>(p - begin));
  }
  return line_starts;
}

Span first_span(std::uint32_t in_start, std::uint32_t in_end, const std::vector<std::uint32_t>& line_starts) {
  Span sp{in_start, in_end, 0};
  auto it = std::upper_bound(line_starts.begin(), line_starts.end(), in_start);
  sp.line = static_cast<std::uint32_t>(it - line_starts.begin());
  return sp;
}

}  // namespace

std::uint8_t Normalizer::Impl::ask_icu(char32_t cp) {
  std::uint8_t f = kKnown;
  std::u32string_view simple;
  if (utf8::is_han(cp)) f = static_cast<std::uint8_t>(f | kHan | (simplified(cp, simple) ? kTraditional : 0));
  if (nfkc->hasBoundaryBefore(static_cast<UChar32>(cp))) f |= kBoundaryBefore;
  if (!nfkc->isInert(static_cast<UChar32>(cp))) {
    // Not inert: what NFKC makes of the code point alone (when it stands alone in its segment).
    const icu::UnicodeString one(static_cast<UChar32>(cp));
    UErrorCode status = U_ZERO_ERROR;
    const icu::UnicodeString norm = nfkc->normalize(one, status);
    if (U_SUCCESS(status) && norm != one) {
      f |= kChangesAlone;
      std::u32string& out = alone[cp];
      out.clear();
      for (int32_t k = 0; k < norm.length();) {
        const UChar32 c = norm.char32At(k);
        out.push_back(static_cast<char32_t>(c));
        k += U16_LENGTH(c);
      }
    }
  }
  if (cp < 0x10000) bmp_facts[cp] = f;
  return f;
}

NormalizedText Normalizer::normalize(std::string_view input) {
  Impl& im = *impl_;
  NormalizedText result;
  std::vector<std::uint32_t> line_starts = line_starts_of(input);
  std::vector<SourceMap::Run> runs;
  std::string& text = result.text;
  text.reserve(input.size());
  std::size_t han = 0, trad = 0;
  // Where each output character that Hant-Hans converts starts (in text): what the conversion
  // below visits, when the text is Traditional.
  std::vector<std::uint32_t> trad_at;
  std::u32string_view simple;
  auto count = [&](char32_t cp) {  // (before cp is appended to text)
    if (!utf8::is_han(cp)) return;
    ++han;
    if (im.simplified(cp, simple)) {
      ++trad;
      trad_at.push_back(static_cast<std::uint32_t>(text.size()));
    }
  };
  // The same for a character at input byte `at` of the pending copy (see flush below).
  auto count_copied = [&](std::uint8_t flags, std::size_t at, std::size_t from) {
    han += (flags & Impl::kHan) != 0;
    if (flags & Impl::kTraditional) {
      ++trad;
      trad_at.push_back(static_cast<std::uint32_t>(text.size() + (at - from)));
    }
  };
  // NFKC segment by segment (a segment runs to the next code point with a normalisation boundary
  // before it). A segment of one code point that NFKC leaves alone (nearly all of them: Han,
  // ASCII, Chinese punctuation) is copied; consecutive copies form one byte-for-byte run, written
  // at once (`copy_from`..`copy_to`). Other segments go through ICU.
  std::size_t copy_from = 0, copy_to = 0;
  auto flush = [&] {
    if (copy_to == copy_from) return;
    const auto out_start = static_cast<std::uint32_t>(text.size());
    text.append(input.data() + copy_from, copy_to - copy_from);
    add_run(runs, out_start, static_cast<std::uint32_t>(text.size()), static_cast<std::uint32_t>(copy_from),
            static_cast<std::uint32_t>(copy_to), true);
    copy_from = copy_to;
  };
  // Output code points of one segment from input bytes [in_start, in_end).
  auto emit = [&](std::u32string_view cps, std::size_t in_start, std::size_t in_end, bool single_input) {
    flush();
    const bool single = single_input && cps.size() == 1;
    for (char32_t c : cps) {
      count(c);
      const auto out_start = static_cast<std::uint32_t>(text.size());
      utf8::append(text, c);
      const auto out_end = static_cast<std::uint32_t>(text.size());
      add_run(runs, out_start, out_end, static_cast<std::uint32_t>(in_start), static_cast<std::uint32_t>(in_end),
              single && out_end - out_start == in_end - in_start);
    }
    copy_from = copy_to = in_end;
  };
  const std::size_t n = input.size();
  std::size_t i = 0, len = 0;
  char32_t cp = n ? utf8::decode(input, 0, len) : 0;
  std::uint8_t f = n ? im.facts(cp) : 0;  // of `cp`
  while (i < n) {
    // The usual case, in a tight loop: a run of characters that are each a segment of their own
    // which NFKC leaves alone, valid UTF-8 and followed by ASCII or a three-byte character (read
    // without decode()); each extends the pending copy, as the general step below would.
    if (!(f & Impl::kChangesAlone) && utf8::encoded_length(cp) == len) {
      while (true) {
        const std::size_t j = i + len;
        if (j >= n) break;
        const auto b = static_cast<unsigned char>(input[j]);
        char32_t next = b;
        std::size_t next_len = 1;
        if (b >= 0x80) {
          if (!utf8::plain_three(input, j)) break;
          next = static_cast<char32_t>(((b & 0x0F) << 12) | ((static_cast<unsigned char>(input[j + 1]) & 0x3F) << 6) |
                                       (static_cast<unsigned char>(input[j + 2]) & 0x3F));
          next_len = 3;
        }
        const std::uint8_t next_f = im.facts(next);
        if (!(next_f & Impl::kBoundaryBefore)) break;
        count_copied(f, i, copy_from);  // (count(cp))
        copy_to = j;
        i = j;
        cp = next;
        len = next_len;
        f = next_f;
        if (f & Impl::kChangesAlone) break;
      }
    }
    const std::size_t j = i + len;
    std::size_t next_len = 0;
    const char32_t next = j < n ? utf8::decode(input, j, next_len) : 0;
    const std::uint8_t next_f = j < n ? im.facts(next) : 0;
    if (j >= n || (next_f & Impl::kBoundaryBefore)) {
      // A segment of one code point.
      if (!(f & Impl::kChangesAlone)) {
        if (utf8::encoded_length(cp) == len) {
          count_copied(f, i, copy_from);  // (count(cp))
          copy_to = j;  // extends the pending copy (which ends at i)
        } else {  // an invalid byte: U+FFFD (neither Han nor converted)
          const char32_t c[1] = {cp};
          emit(std::u32string_view(c, 1), i, j, true);
        }
      } else {
        emit(im.alone.at(cp), i, j, true);
      }
      i = j;
      cp = next;
      len = next_len;
      f = next_f;
      continue;
    }
    // Several code points: NFKC of the whole segment; every output character maps to all of it.
    icu::UnicodeString seg;
    seg.append(static_cast<UChar32>(cp));
    std::size_t k = j;
    char32_t c = next;
    std::size_t c_len = next_len;
    while (true) {
      seg.append(static_cast<UChar32>(c));
      k += c_len;
      if (k >= n) break;
      c = utf8::decode(input, k, c_len);
      if (im.facts(c) & Impl::kBoundaryBefore) break;
    }
    UErrorCode status = U_ZERO_ERROR;
    const icu::UnicodeString norm = im.nfkc->normalize(seg, status);
    const icu::UnicodeString& use = U_SUCCESS(status) ? norm : seg;
    std::u32string cps;
    for (int32_t m = 0; m < use.length();) {
      const UChar32 u = use.char32At(m);
      cps.push_back(static_cast<char32_t>(u));
      m += U16_LENGTH(u);
    }
    emit(cps, i, k, false);
    i = k;
    cp = c;
    len = c_len;
    if (i < n) f = im.facts(cp);
  }
  flush();

  // Script: Traditional when a clear share of the Han characters change under Hant-Hans.
  const bool hant = trad >= 3 && trad * 100 >= han * 5;
  result.script = hant ? Script::hant : Script::hans;
  if (hant) {
    // Convert in place: a character whose simplified form has the same UTF-8 length keeps its
    // run (byte-for-byte or not). Any other conversion changes the runs: then the text is made
    // again the long way (never so with ICU 72.1's table for text of the BMP).
    for (const std::uint32_t o : trad_at) {
      std::size_t clen = 0;
      const char32_t c = utf8::decode(text, o, clen);
      im.simplified(c, simple);
      if (simple.size() != 1 || utf8::encoded_length(simple[0]) != clen) return normalize_per_character(input);
      ++result.converted;
      if (!result.first_converted) {
        // The run the character is in: the last that starts at or before it.
        const SourceMap::Run& r = *(std::upper_bound(runs.begin(), runs.end(), o, [](std::uint32_t v, const SourceMap::Run& x) {
                                      return v < x.out_start;
                                    }) - 1);
        const std::uint32_t a = r.linear ? r.in_start + (o - r.out_start) : r.in_start;
        const std::uint32_t b = r.linear ? a + static_cast<std::uint32_t>(clen) : r.in_end;
        result.first_converted = first_span(a, b, line_starts);
      }
      char bytes[4];
      utf8::encode(simple[0], bytes);
      std::memcpy(text.data() + o, bytes, clen);  // the same length
    }
  }
  result.map = SourceMap(std::move(runs), std::move(line_starts));
  return result;
}

NormalizedText Normalizer::normalize_per_character(std::string_view input) {
  // The direct form of normalize(): every input and output character in a vector.
  Impl& im = *impl_;
  NormalizedText result;
  std::vector<std::uint32_t> line_starts = line_starts_of(input);
  struct InChar { char32_t cp; std::uint32_t start, end; };
  std::vector<InChar> in;
  in.reserve(input.size() / 2 + 1);
  for (std::size_t i = 0; i < input.size();) {
    std::size_t len = 0;
    const char32_t cp = utf8::decode(input, i, len);
    in.push_back({cp, static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(i + len)});
    i += len;
  }
  std::vector<OutChar> out;
  out.reserve(in.size());
  std::size_t han = 0, trad = 0;
  for (std::size_t i = 0; i < in.size();) {
    std::size_t j = i + 1;
    while (j < in.size() && !im.nfkc->hasBoundaryBefore(static_cast<UChar32>(in[j].cp))) ++j;
    if (j == i + 1 && im.nfkc->isInert(static_cast<UChar32>(in[i].cp))) {
      out.push_back({in[i].cp, in[i].start, in[i].end, true});
    } else {
      icu::UnicodeString seg;
      for (std::size_t k = i; k < j; ++k) seg.append(static_cast<UChar32>(in[k].cp));
      UErrorCode status = U_ZERO_ERROR;
      const icu::UnicodeString norm = im.nfkc->normalize(seg, status);
      const icu::UnicodeString& use = U_SUCCESS(status) ? norm : seg;
      std::size_t count = 0;
      for (int32_t k = 0; k < use.length(); k += U16_LENGTH(use.char32At(k))) ++count;
      for (int32_t k = 0; k < use.length();) {
        const UChar32 c = use.char32At(k);
        out.push_back({static_cast<char32_t>(c), in[i].start, in[j - 1].end, j == i + 1 && count == 1});
        k += U16_LENGTH(c);
      }
    }
    i = j;
  }
  std::u32string_view simple;
  for (const OutChar& c : out) {
    if (!utf8::is_han(c.cp)) continue;
    ++han;
    if (im.simplified(c.cp, simple)) ++trad;
  }
  const bool hant = trad >= 3 && trad * 100 >= han * 5;
  result.script = hant ? Script::hant : Script::hans;
  std::vector<SourceMap::Run> runs;
  std::string& text = result.text;
  text.reserve(input.size());
  for (const OutChar& c : out) {
    std::u32string_view mapped(&c.cp, 1);
    if (hant && utf8::is_han(c.cp) && im.simplified(c.cp, simple)) {
      ++result.converted;
      if (!result.first_converted) result.first_converted = first_span(c.in_start, c.in_end, line_starts);
      mapped = simple;
    }
    const auto out_start = static_cast<std::uint32_t>(text.size());
    for (char32_t m : mapped) utf8::append(text, m);
    const auto out_end = static_cast<std::uint32_t>(text.size());
    const bool linear = c.single && mapped.size() == 1 && out_end - out_start == c.in_end - c.in_start;
    add_run(runs, out_start, out_end, c.in_start, c.in_end, linear);
  }
  result.map = SourceMap(std::move(runs), std::move(line_starts));
  return result;
}

}  // namespace nianbao
