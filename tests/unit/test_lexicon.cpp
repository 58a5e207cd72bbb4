// The lexicon (core/src/lexicon/): its row keys are the templates' own, the bit masks derived
// from its word lists are what the rules expect, and BodyKind's names are the JSON's.
#include <doctest/doctest.h>

#include <algorithm>
#include <bit>
#include <string>
#include <string_view>

#include "lexicon/body_words.hpp"
#include "lexicon/row_keys.hpp"
#include "nianbao/report.hpp"
#include "tables/templates.hpp"

namespace lx = nianbao::lexicon;
using nianbao::BodyKind;
using nianbao::Format;

namespace {

const nianbao::TableTemplate* find_template(Format f, std::string_view id) {
  for (const nianbao::TableTemplate* t : nianbao::templates_for(f))
    if (t->id == id) return t;
  return nullptr;
}

/// Whether the template has `key` as a row with numbers, or (a group "x/") rows under it; and,
/// when `col` is given, that column in it.
bool has_row(Format f, std::string_view id, std::string_view key, std::string_view col = {}) {
  const nianbao::TableTemplate* t = find_template(f, id);
  if (!t) return false;
  for (const nianbao::RowDef& d : t->rows) {
    const bool row = key.ends_with("/") ? d.key.starts_with(key) : d.key == key;
    if (!row || d.group) continue;
    if (col.empty() || std::find(d.columns.begin(), d.columns.end(), col) != d.columns.end()) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("lexicon: every row key is a row of the templates, with the columns named with it") {
  for (Format f : {Format::f2019, Format::f2021}) {
    for (std::string_view k : {lx::kT3New, lx::kT3Carried, lx::kT3Opened, lx::kT3PartlyOpened, lx::kT3Refused, lx::kT3Unavailable,
                               lx::kT3NotProcessed, lx::kT3Handled, lx::kT3CarriedOn}) {
      CAPTURE(k);
      CHECK(has_row(f, "T3", k, lx::kColTotal));
    }
    for (std::string_view c : lx::kT3Cols) CHECK(has_row(f, "T3", lx::kT3New, c));
    CHECK(has_row(f, "T4", lx::kT4Review, lx::kColTotal));
    CHECK(has_row(f, "T4", lx::kT4Litigation, lx::kColTotal));
    CHECK(has_row(f, "T2", lx::kT2Rules));
  }
  // （六）其他处理: a row in 2019, a group of rows in 2021 (table_value sums them).
  CHECK(has_row(Format::f2019, "T3", lx::kT3Other, lx::kColTotal));
  CHECK(has_row(Format::f2021, "T3", std::string(lx::kT3Other) + "/", lx::kColTotal));
  CHECK(has_row(Format::f2021, "T2", lx::kT2Documents));
  for (std::string_view k : {lx::kLegacyPublished, lx::kLegacyRequests, lx::kLegacyReview, lx::kLegacyLitigation}) {
    CAPTURE(k);
    CHECK(has_row(Format::legacy, "legacy", k, lx::kColStat));
  }
}

TEST_CASE("lexicon: the self-reference bits and endings come from the word list") {
  const std::uint64_t dept = lx::self_word_bits(BodyKind::department), gov = lx::self_word_bits(BodyKind::government);
  CHECK((dept & gov) == 0);
  CHECK(std::popcount(dept | gov) == static_cast<int>(lx::kSelfWords.size()));
  for (std::size_t i = 0; i < lx::kSelfWords.size(); ++i) {
    const std::string_view w = lx::kSelfWords[i].word;
    CAPTURE(w);
    // A region's word (我市, 我县, …) is a government's, an office's (我局, 本委, …) a department's.
    const bool region = std::any_of(lx::kRegionSuffixes.begin(), lx::kRegionSuffixes.end(), [&](std::string_view r) { return w.ends_with(r); });
    CHECK(((gov >> i) & 1) == (region ? 1u : 0u));
  }
  CHECK(lx::self_word_suffix({"我局", BodyKind::department}) == "局");
  CHECK(lx::self_word_suffix({"我中心", BodyKind::department}) == "中心");
  CHECK(lx::self_word_suffix({"本局", BodyKind::department}).empty());
  CHECK(lx::self_word_suffix({"我市", BodyKind::government}).empty());
}

TEST_CASE("BodyKind: the JSON's names") {
  CHECK(nianbao::body_kind_name(BodyKind::unknown) == "unknown");
  CHECK(nianbao::body_kind_name(BodyKind::government) == "government");
  CHECK(nianbao::body_kind_name(BodyKind::department) == "department");
  CHECK(nianbao::Meta{}.kind == BodyKind::unknown);
}
