// The phrase sets' search (text/phrases.hpp).
#include "text/phrases.hpp"

#include <bit>
#include <cstring>

#include "util/utf8.hpp"

namespace nianbao {

template <std::size_t N>
template <class Stop>
std::size_t BasicPhraseSet<N>::scan(std::string_view s, std::size_t from, std::uint64_t& found, Stop stop) const {
  const auto* d = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  const bool skip_inside = !cont_start_;  // no phrase starts inside a character
  const bool long_only = has_long_ && !has_short_;
  for (std::size_t i = from; i < n;) {
    if (long_only) {
      // The usual case: a run of places where the filter says no phrase starts, passed over in
      // a tight loop (a place it lets through is looked at below, as is a continuation byte).
      // Places with four bytes to read (the last three are left to the general step below), by
      // pointer: the loop tests one bound.
      if (n - i >= 4) {
        const unsigned char* p = d + i;
        const unsigned char* const end = d + n - 3;
        do {
          std::uint32_t w;  // the next three bytes, b0 | b1 << 8 | b2 << 16
          if constexpr (std::endian::native == std::endian::little) {
            std::memcpy(&w, p, 4);  // one load
            w &= 0xFFFFFFu;
          } else {
            w = static_cast<std::uint32_t>(p[0]) | static_cast<std::uint32_t>(p[1]) << 8 | static_cast<std::uint32_t>(p[2]) << 16;
          }
          const unsigned k = key(w);
          if ((filter_[k >> 6] >> (k & 63)) & 1) break;
          p += skip_inside && (w & 0xC0C0F0u) == 0x8080E0u ? 3 : 1;
        } while (p < end);
        i = static_cast<std::size_t>(p - d);
      }
      if (n - i < 3) break;  // no phrase of 3 bytes or more fits
    }
    const unsigned char b0 = d[i];
    if (skip_inside && (b0 & 0xC0) == 0x80) { ++i; continue; }
    const std::size_t left = n - i;
    // The next place to look at: past a whole three-byte character (Chinese text) when no
    // phrase starts inside one, else the next byte.
    std::size_t step = 1;
    bool maybe_long = false;
    unsigned k = 0;
    if (left >= 3) {
      // The three bytes as key() reads them: 1110xxxx 10xxxxxx 10xxxxxx is a whole character.
      const std::uint32_t w = static_cast<std::uint32_t>(b0) | static_cast<std::uint32_t>(d[i + 1]) << 8 |
                              static_cast<std::uint32_t>(d[i + 2]) << 16;
      if (skip_inside && (w & 0xC0C0F0u) == 0x8080E0u) step = 3;
      if (has_long_) {
        k = key(w);
        maybe_long = ((filter_[k >> 6] >> (k & 63)) & 1) != 0;
      }
    }
    const bool maybe_short = has_short_ && ((short_first_[b0 >> 6] >> (b0 & 63)) & 1);
    if (!maybe_long && !maybe_short) { i += step; continue; }
    std::uint64_t head = 0;  // the next 8 bytes (fewer at the end), little-endian
    if (left >= 8 && std::endian::native == std::endian::little) {
      std::memcpy(&head, d + i, 8);
    } else {
      for (std::size_t b = 0; b < left && b < 8; ++b) head |= std::uint64_t{d[i + b]} << (8 * b);
    }
    // A phrase matches: its first bytes (up to 8) are the head's and the rest, if any, follow.
    auto matches = [&](std::size_t p) {
      const std::string_view ph = phrases_[p];
      if (left < ph.size() || (head & mask_[p]) != prefix_[p]) return false;
      return ph.size() <= 8 || std::char_traits<char>::compare(s.data() + i + 8, ph.data() + 8, ph.size() - 8) == 0;
    };
    std::uint64_t hits = 0;
    if (maybe_long)
      for (std::size_t p = bucket_[k % kBuckets]; p; p = next_[p - 1])
        if (matches(p - 1)) hits |= std::uint64_t{1} << ((p - 1) & 63);
    if (maybe_short)
      for (std::size_t p = 0; p < n_; ++p)
        if (!phrases_[p].empty() && phrases_[p].size() < 3 && matches(p)) hits |= std::uint64_t{1} << (p & 63);
    if (hits) {
      const bool more = (hits & ~found) != 0;
      found |= hits;
      if (more && stop(found, i)) return i;
    }
    i += step;
  }
  return std::string_view::npos;
}

template <std::size_t N>
std::size_t BasicPhraseSet<N>::find(std::string_view s, std::size_t from) const {
  if (from > s.size() || s.size() - from < shortest_) return std::string_view::npos;
  if (empty_) return from;
  if (overflow_) {
    std::size_t best = std::string_view::npos;
    for (std::string_view p : split_bar(source_)) best = std::min(best, utf8::find(s, p, from));
    return best;
  }
  std::uint64_t found = 0;
  return scan(s, from, found, [](std::uint64_t, std::size_t) { return true; });
}

template <std::size_t N>
std::uint64_t BasicPhraseSet<N>::which(std::string_view s, std::span<const std::uint64_t> groups) const {
  static_assert(N <= 64, "which() reports phrases as the bits of 64");
  std::uint64_t found = empty_bits_;
  if (s.size() < shortest_) return found;
  scan(s, 0, found, [&](std::uint64_t f, std::size_t) {
    if (groups.empty()) return false;
    for (std::uint64_t g : groups)
      if (!(f & g)) return false;
    return true;
  });
  return found;
}

template class BasicPhraseSet<32>;
template class BasicPhraseSet<64>;

}  // namespace nianbao
