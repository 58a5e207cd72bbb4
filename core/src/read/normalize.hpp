// Normalisation with ICU: NFKC (full-width digits and punctuation), Traditional -> Simplified
// where Traditional text is present, and a map from normalised bytes back to the input's bytes.
#pragma once
#include "nianbao/format.hpp"
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "nianbao/error.hpp"
#include "nianbao/span.hpp"

namespace nianbao {


/// Maps byte ranges of the normalised text to spans of the original input.
class SourceMap {
 public:
  /// One run of output bytes [out_start, out_end) produced from input bytes [in_start, in_end).
  /// A `linear` run maps byte for byte (same length); otherwise the run is indivisible.
  struct Run {
    std::uint32_t out_start, out_end, in_start, in_end;
    bool linear;
  };

  SourceMap() = default;
  SourceMap(std::vector<Run> runs, std::vector<std::uint32_t> line_starts);

  /// The original span of normalised bytes [start, end).
  Span span(std::size_t start, std::size_t end) const;
  /// 1-based line of an original byte offset.
  std::uint32_t line_of(std::uint32_t offset) const;

 private:
  std::uint32_t to_input(std::size_t out, bool is_end) const;
  std::vector<Run> runs_;
  std::vector<std::uint32_t> line_starts_;
  // Where the binary searches start: for each page of 64 bytes (a few runs, a line or two), the
  // upper bound of the page's first offset among the runs' out_start / among line_starts (one
  // entry past the last page).
  static constexpr unsigned kPageBits = 6;
  std::vector<std::uint32_t> run_pages_, line_pages_;
};

struct NormalizedText {
  std::string text;  ///< UTF-8; invalid input bytes become U+FFFD
  SourceMap map;
  Script script = Script::hans;
  std::size_t converted = 0;                 ///< characters changed by Traditional->Simplified
  std::optional<Span> first_converted;       ///< where the first one stands in the input
};

/// Holds the ICU objects (created once, reused for many inputs). Not thread-safe: use one per
/// thread.
class Normalizer {
 public:
  /// Loads ICU's NFKC data and indexes the compiled-in Traditional -> Simplified table (ICU's
  /// Hant-Hans applied per code point at build time; scripts/icu/make-hant-hans-table).
  static std::unique_ptr<Normalizer> create(Error* error);
  ~Normalizer();
  Normalizer(const Normalizer&) = delete;
  Normalizer& operator=(const Normalizer&) = delete;

  NormalizedText normalize(std::string_view input);

 private:
  /// normalize() done one character at a time with a vector of every input and output
  /// character: the same result, used when converting to Simplified changes a character's
  /// UTF-8 length (which normalize() does not do in place).
  NormalizedText normalize_per_character(std::string_view input);
  struct Impl;
  explicit Normalizer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace nianbao
