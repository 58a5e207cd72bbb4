#include "nianbao/normalize.hpp"

#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <unordered_map>

#include "utf8.hpp"

namespace nianbao {

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
  std::unique_ptr<icu::Transliterator> hans;
  std::unordered_map<char32_t, std::u32string> hans_cache;  // Han code point -> simplified

  const std::u32string& simplified(char32_t cp) {
    auto it = hans_cache.find(cp);
    if (it != hans_cache.end()) return it->second;
    icu::UnicodeString s(static_cast<UChar32>(cp));
    hans->transliterate(s);
    std::u32string out;
    for (int32_t i = 0; i < s.length();) {
      const UChar32 c = s.char32At(i);
      out.push_back(static_cast<char32_t>(c));
      i += U16_LENGTH(c);
    }
    return hans_cache.emplace(cp, std::move(out)).first->second;
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
  status = U_ZERO_ERROR;
  impl->hans.reset(icu::Transliterator::createInstance("Hant-Hans", UTRANS_FORWARD, status));
  if (U_FAILURE(status) || !impl->hans) {
    if (error) *error = {ErrorCode::icu_unavailable, std::string("无法加载 ICU 繁简转换数据: ") + u_errorName(status), 0};
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
  for (const OutChar& c : out) {
    if (!utf8::is_han(c.cp)) continue;
    ++han;
    const std::u32string& s = im.simplified(c.cp);
    if (!(s.size() == 1 && s[0] == c.cp)) ++trad;
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
    std::u32string one(1, c.cp);
    const std::u32string* mapped = &one;
    if (hant && utf8::is_han(c.cp)) {
      const std::u32string& s = im.simplified(c.cp);
      if (!(s.size() == 1 && s[0] == c.cp)) {
        ++result.converted;
        if (!result.first_converted) {
          Span sp{c.in_start, c.in_end, 0};
          auto it = std::upper_bound(line_starts.begin(), line_starts.end(), c.in_start);
          sp.line = static_cast<std::uint32_t>(it - line_starts.begin());
          result.first_converted = sp;
        }
      }
      mapped = &s;
    }
    const auto out_start = static_cast<std::uint32_t>(text.size());
    for (char32_t m : *mapped) utf8::append(text, m);
    const auto out_end = static_cast<std::uint32_t>(text.size());
    const bool linear = c.single && mapped->size() == 1 && out_end - out_start == c.in_end - c.in_start;
    add_run(out_start, out_end, c.in_start, c.in_end, linear);
  }
  result.map = SourceMap(std::move(runs), std::move(line_starts));
  return result;
}

}  // namespace nianbao
