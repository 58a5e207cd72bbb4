#include "nianbao/normalize.hpp"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>
#include <unicode/uversion.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>

#include "utf8.hpp"

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
    : runs_(std::move(runs)), line_starts_(std::move(line_starts)) {}

std::uint32_t SourceMap::to_input(std::size_t out, bool is_end) const {
  if (runs_.empty()) return static_cast<std::uint32_t>(out);
  // The run containing byte `out` (for an end offset, the byte before it).
  const std::size_t probe = is_end && out > 0 ? out - 1 : out;
  auto it = std::upper_bound(runs_.begin(), runs_.end(), probe,
                             [](std::size_t v, const Run& r) { return v < r.out_start; });
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
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
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

}  // namespace

NormalizedText Normalizer::normalize(std::string_view input) {
  Impl& im = *impl_;
  NormalizedText result;

  std::vector<std::uint32_t> line_starts{0};
  for (std::size_t i = 0; i < input.size(); ++i)
    if (input[i] == '\n') line_starts.push_back(static_cast<std::uint32_t>(i + 1));

  // Decode, then NFKC segment by segment (a segment runs to the next normalisation boundary),
  // so every output code point knows which input bytes it came from.
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

  // Script: Traditional when a clear share of the Han characters change under Hant-Hans.
  std::u32string_view simple;
  for (const OutChar& c : out) {
    if (!utf8::is_han(c.cp)) continue;
    ++han;
    if (im.simplified(c.cp, simple)) ++trad;
  }
  const bool hant = trad >= 3 && trad * 100 >= han * 5;
  result.script = hant ? Script::hant : Script::hans;

  // Build the UTF-8 text and the run map.
  std::vector<SourceMap::Run> runs;
  std::string& text = result.text;
  text.reserve(input.size());
  auto add_run = [&](std::uint32_t out_start, std::uint32_t out_end, std::uint32_t in_start,
                     std::uint32_t in_end, bool linear) {
    if (!runs.empty()) {
      SourceMap::Run& last = runs.back();
      if (linear && last.linear && last.out_end == out_start && last.in_end == in_start) {
        last.out_end = out_end;
        last.in_end = in_end;
        return;
      }
      if (!linear && !last.linear && last.in_start == in_start && last.in_end == in_end &&
          last.out_end == out_start) {
        last.out_end = out_end;  // several output characters from one input segment
        return;
      }
    }
    runs.push_back({out_start, out_end, in_start, in_end, linear});
  };
  for (const OutChar& c : out) {
    std::u32string_view mapped(&c.cp, 1);
    if (hant && utf8::is_han(c.cp) && im.simplified(c.cp, simple)) {
      ++result.converted;
      if (!result.first_converted) {
        Span sp{c.in_start, c.in_end, 0};
        auto it = std::upper_bound(line_starts.begin(), line_starts.end(), c.in_start);
        sp.line = static_cast<std::uint32_t>(it - line_starts.begin());
        result.first_converted = sp;
      }
      mapped = simple;
    }
    const auto out_start = static_cast<std::uint32_t>(text.size());
    for (char32_t m : mapped) utf8::append(text, m);
    const auto out_end = static_cast<std::uint32_t>(text.size());
    const bool linear = c.single && mapped.size() == 1 && out_end - out_start == c.in_end - c.in_start;
    add_run(out_start, out_end, c.in_start, c.in_end, linear);
  }
  result.map = SourceMap(std::move(runs), std::move(line_starts));
  return result;
}

}  // namespace nianbao
