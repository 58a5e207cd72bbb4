// The words that tell who issued a report (lexicon): how the names of government bodies end,
// which of them are governments, townships and departments, and how a report calls its own
// body ("我局", "我市"). The facts stage (narrative/facts.cpp) reads the issuing body and its
// kind with them; the bits of the self-reference words are derived from this list.
#pragma once
#include <array>
#include <cstdint>
#include <string_view>

#include "nianbao/report.hpp"

namespace nianbao::lexicon {

using namespace std::string_view_literals;

/// How the name of an issuing body ends.
inline constexpr std::array kOrgSuffixes = {"人民政府"sv, "政府"sv, "办公厅"sv, "办公室"sv, "委员会"sv, "局"sv, "厅"sv, "委"sv,
                                            "办"sv, "中心"sv, "署"sv, "院"sv, "会"sv, "处"sv, "馆"sv, "街道办事处"sv};
/// How a region's name ends: a bare region name ("鞍山市") stands for its government.
inline constexpr std::array kRegionSuffixes = {"市"sv, "县"sv, "区"sv, "旗"sv, "州"sv, "盟"sv, "省"sv, "镇"sv, "乡"sv, "街道"sv};
/// Townships and sub-districts: their deadline is set locally (spec §5).
inline constexpr std::array kTownshipSuffixes = {"镇"sv, "乡"sv, "街道"sv, "街道办事处"sv, "镇人民政府"sv, "乡人民政府"sv};
/// 人民政府 and its offices: a government.
inline constexpr std::array kGovernmentEndings = {"人民政府"sv, "人民政府办公室"sv, "人民政府办公厅"sv, "政府办公室"sv, "政府办公厅"sv};

/// How a report calls its own body, and the kind of body that calls itself so. A department's
/// "我…" names the ending of its name ("我局": …局).
struct SelfWord {
  std::string_view word;
  BodyKind kind;
};
inline constexpr std::array<SelfWord, 13> kSelfWords{{
    {"我局", BodyKind::department}, {"本局", BodyKind::department}, {"我委", BodyKind::department},
    {"本委", BodyKind::department}, {"我厅", BodyKind::department}, {"本厅", BodyKind::department},
    {"我中心", BodyKind::department}, {"我市", BodyKind::government}, {"我县", BodyKind::government},
    {"我区", BodyKind::government}, {"我旗", BodyKind::government}, {"我镇", BodyKind::government},
    {"我乡", BodyKind::government},
}};

/// The words of kSelfWords of `kind`, as bits by their place in the list.
constexpr std::uint64_t self_word_bits(BodyKind kind) {
  std::uint64_t bits = 0;
  for (std::size_t i = 0; i < kSelfWords.size(); ++i)
    if (kSelfWords[i].kind == kind) bits |= std::uint64_t{1} << i;
  return bits;
}

/// The ending of the name a self-reference word stands for: "局" of "我局"; "" for the words that
/// name none ("本局", "我市").
constexpr std::string_view self_word_suffix(const SelfWord& w) {
  return w.kind == BodyKind::department && w.word.starts_with("我") ? w.word.substr(std::string_view("我").size()) : std::string_view{};
}

}  // namespace nianbao::lexicon
