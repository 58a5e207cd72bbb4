// Phrase lists of the vocabulary ("a|b|c", lexicon/) and the sets that find any of them in
// running text in one pass (internal). Used by the read stage's screen, the run-together
// tables and the narrative rules alike.
#pragma once
#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "util/strings.hpp"

namespace nianbao {

/// The phrases of "a|b|c" (the phrase lists of the rule tables), iterated without allocating.
class Phrases {
 public:
  class iterator {
   public:
    constexpr iterator(std::string_view rest) : rest_(rest) { next(); }
    constexpr std::string_view operator*() const { return cur_; }
    constexpr iterator& operator++() { next(); return *this; }
    constexpr bool operator!=(const iterator& o) const { return cur_.data() != o.cur_.data() || rest_.size() != o.rest_.size(); }

   private:
    constexpr void next() {
      cur_ = {};
      while (!rest_.empty() && cur_.empty()) {
        const std::size_t bar = rest_.find('|');
        cur_ = rest_.substr(0, bar);
        rest_ = bar == std::string_view::npos ? std::string_view{} : rest_.substr(bar + 1);
      }
      if (cur_.empty()) cur_ = rest_ = {};
    }
    std::string_view rest_, cur_;
  };
  constexpr explicit Phrases(std::string_view list) : list_(list) {}
  constexpr iterator begin() const { return iterator(list_); }
  constexpr iterator end() const { return iterator({}); }

 private:
  std::string_view list_;
};
constexpr Phrases split_bar(std::string_view list) { return Phrases(list); }

/// A set of phrases searched for together: one pass over the text finds where the first of them
/// occurs, or which of them occur. At each place a filter on a hash of the next three bytes (for
/// Chinese text, the next character) tells whether a phrase could start there; only then are
/// the phrases with that hash compared (their first eight bytes at once). Continuation bytes of
/// UTF-8 are passed over when no phrase starts with one. Built at compile time for the rule
/// tables' lists (constexpr), or on the fly. Holds up to N phrases (PhraseSet: 32).
template <std::size_t N>
class BasicPhraseSet {
 public:
  static constexpr std::size_t kMax = N;
  constexpr BasicPhraseSet() = default;
  /// The phrases of "a|b|c" (any number: past kMax they are searched for one by one).
  constexpr explicit BasicPhraseSet(std::string_view bar_list) : source_(bar_list) {
    for (std::string_view p : split_bar(bar_list)) add(p);
  }
  /// Adds a phrase (compile-time unions of lists: check !overflowed()).
  constexpr void add(std::string_view p) {
    shortest_ = std::min(shortest_, p.size());
    if (n_ == kMax) { overflow_ = true; return; }
    const std::size_t i = n_++;
    phrases_[i] = p;
    if (p.empty()) {
      empty_ = true;
      if (i < 64) empty_bits_ |= std::uint64_t{1} << i;
      return;
    }
    const auto b0 = static_cast<unsigned char>(p[0]);
    if ((b0 & 0xC0) == 0x80) cont_start_ = true;
    for (std::size_t j = 0; j < 8 && j < p.size(); ++j) {
      prefix_[i] |= std::uint64_t{static_cast<unsigned char>(p[j])} << (8 * j);
      mask_[i] |= std::uint64_t{0xFF} << (8 * j);
    }
    if (p.size() < 3) {
      has_short_ = true;
      short_first_[b0 >> 6] |= std::uint64_t{1} << (b0 & 63);
      return;
    }
    const unsigned k = key(b0, static_cast<unsigned char>(p[1]), static_cast<unsigned char>(p[2]));
    has_long_ = true;
    filter_[k >> 6] |= std::uint64_t{1} << (k & 63);
    next_[i] = bucket_[k % kBuckets];
    bucket_[k % kBuckets] = static_cast<std::uint8_t>(i + 1);
  }
  /// More phrases were added than the set holds, and it has no list to fall back on.
  constexpr bool overflowed() const { return overflow_ && source_.empty(); }
  constexpr std::size_t size() const { return n_; }
  constexpr std::string_view operator[](std::size_t i) const { return phrases_[i]; }
  /// Where the first phrase occurs in `s` at or after `from` (the least s.find(phrase, from)), or
  /// npos.
  std::size_t find(std::string_view s, std::size_t from = 0) const;
  /// Whether a phrase occurs in `s`.
  bool in(std::string_view s) const { return find(s) != std::string_view::npos; }
  /// The phrases that occur in `s` (anywhere), as bits by their index (sets that have not
  /// overflowed, of up to 64 phrases).
  std::uint64_t which(std::string_view s) const { return which(s, {}); }
  /// The same, stopping early once each of `groups` (sets of phrases as bits) has a phrase
  /// found (what is not yet found then may still occur).
  std::uint64_t which(std::string_view s, std::span<const std::uint64_t> groups) const;

 private:
  static constexpr std::size_t kBuckets = 64;
  /// A hash (11 bits) of three bytes, b0 | b1 << 8 | b2 << 16.
  static constexpr unsigned key(std::uint32_t bytes) { return (bytes * 2654435761u) >> 21; }
  static constexpr unsigned key(unsigned char b0, unsigned char b1, unsigned char b2) {
    return key(static_cast<std::uint32_t>(b0) | static_cast<std::uint32_t>(b1) << 8 | static_cast<std::uint32_t>(b2) << 16);
  }
  /// Looks at every place of s[from, ...) where a phrase may start: `found` gets the bits of the
  /// phrases there; stops when `stop(found, i)` says so; returns where it stopped (or npos).
  template <class Stop>
  std::size_t scan(std::string_view s, std::size_t from, std::uint64_t& found, Stop stop) const;
  std::string_view source_;  ///< the list it was made from, if any
  std::array<std::string_view, kMax> phrases_{};
  std::size_t n_ = 0;
  std::size_t shortest_ = std::string_view::npos;  ///< the shortest phrase's size (a shorter text has none)
  std::array<std::uint64_t, kMax> prefix_{}, mask_{};  ///< the first 8 bytes of each (little-endian)
  std::array<std::uint64_t, 32> filter_{};              ///< key() of the phrases of 3 bytes or more
  std::array<std::uint8_t, kBuckets> bucket_{};         ///< first such phrase (+1) by key
  std::array<std::uint8_t, kMax> next_{};               ///< next phrase (+1) of the same bucket
  std::array<std::uint64_t, 4> short_first_{};          ///< first bytes of those under 3 bytes
  std::uint64_t empty_bits_ = 0;                        ///< empty phrases (found everywhere)
  bool has_long_ = false, has_short_ = false, cont_start_ = false, empty_ = false, overflow_ = false;
};
using PhraseSet = BasicPhraseSet<32>;
using WidePhraseSet = BasicPhraseSet<64>;  ///< unions of several lists
extern template class BasicPhraseSet<32>;
extern template class BasicPhraseSet<64>;

/// A set of up to 64 phrases of six bytes or more, each found by six bytes of it at a
/// character's start, its anchor: "政府信息开" by "息开", where a search by its first character
/// would stop at every 政 of a report. One pass over a text looks at each character's place; a
/// filter on a hash of the six bytes there tells whether an anchor may start there, and only
/// then are the phrases of that anchor compared whole. which() only: the screen words of every
/// paragraph (screen_words.hpp), nearly none of which a report has.
class AnchoredPhraseSet {
 public:
  static constexpr std::size_t kMax = 64;
  static constexpr std::size_t kAnchor = 6;
  constexpr AnchoredPhraseSet() = default;
  /// Adds `p`, found by `anchor` (six bytes of it from a character's start; empty: its first six
  /// bytes). Check !bad() once built.
  constexpr void add(std::string_view p, std::string_view anchor = {}) {
    if (anchor.empty()) anchor = p.substr(0, kAnchor);
    const std::size_t at = p.find(anchor);
    if (n_ == kMax || anchor.size() != kAnchor || at == std::string_view::npos || at > 255 ||
        (static_cast<unsigned char>(anchor[0]) & 0xC0) == 0x80) {
      bad_ = true;
      return;
    }
    const std::size_t i = n_++;
    phrases_[i] = p;
    offset_[i] = static_cast<std::uint8_t>(at);
    window_[i] = 0;
    for (std::size_t j = 0; j < kAnchor; ++j) window_[i] |= std::uint64_t{static_cast<unsigned char>(anchor[j])} << (8 * j);
    const unsigned k = key(window_[i]);
    filter_[k >> 6] |= std::uint64_t{1} << (k & 63);
    next_[i] = bucket_[k % kBuckets];
    bucket_[k % kBuckets] = static_cast<std::uint8_t>(i + 1);
  }
  constexpr bool bad() const { return bad_; }
  constexpr std::size_t size() const { return n_; }
  constexpr std::string_view operator[](std::size_t i) const { return phrases_[i]; }
  /// The phrases that occur in `s`, as bits by their index.
  std::uint64_t which(std::string_view s) const {
    std::uint64_t found = 0;
    const auto* d = reinterpret_cast<const unsigned char*>(s.data());
    const std::size_t n = s.size();
    for (std::size_t i = 0; i + kAnchor <= n;) {
      std::uint64_t w = 0;  // the six bytes at i, little-endian
      if (n - i >= 8 && std::endian::native == std::endian::little) {
        std::memcpy(&w, d + i, 8);
        w &= 0xFFFFFFFFFFFFu;
      } else {
        for (std::size_t j = 0; j < kAnchor; ++j) w |= std::uint64_t{d[i + j]} << (8 * j);
      }
      const unsigned k = key(w);
      if ((filter_[k >> 6] >> (k & 63)) & 1) {
        for (std::size_t p = bucket_[k % kBuckets]; p; p = next_[p - 1]) {
          const std::size_t q = p - 1;
          const std::string_view ph = phrases_[q];
          if (window_[q] == w && i >= offset_[q] && i - offset_[q] + ph.size() <= n &&
              std::memcmp(d + i - offset_[q], ph.data(), ph.size()) == 0)
            found |= std::uint64_t{1} << q;
        }
      }
      // To the next character: a three-byte one whole (1110xxxx 10xxxxxx 10xxxxxx), else a byte
      // (anchors start at a character's start: the bytes inside one are passed either way).
      i += (w & 0xC0C0F0u) == 0x8080E0u ? 3 : 1;
    }
    return found;
  }

 private:
  static constexpr std::size_t kBuckets = 64;
  /// A hash (11 bits) of six bytes.
  static constexpr unsigned key(std::uint64_t w) { return static_cast<unsigned>((w * 0x9E3779B97F4A7C15ull) >> 53); }
  std::array<std::string_view, kMax> phrases_{};
  std::array<std::uint64_t, kMax> window_{};   ///< the anchor's six bytes (little-endian)
  std::array<std::uint8_t, kMax> offset_{};    ///< where the anchor starts in the phrase
  std::array<std::uint64_t, 32> filter_{};     ///< key() of the anchors
  std::array<std::uint8_t, kBuckets> bucket_{};  ///< first phrase (+1) by key
  std::array<std::uint8_t, kMax> next_{};      ///< next phrase (+1) of the same bucket
  std::size_t n_ = 0;
  bool bad_ = false;
};

/// The first of `phrases` found in `s` at or after `from`, or npos. (A set, made at compile time:
/// there is no overload for a "a|b|c" list, whose set would be built at every call.)
inline std::size_t find_any(std::string_view s, const PhraseSet& phrases, std::size_t from = 0) {
  return phrases.find(s, from);
}

}  // namespace nianbao
