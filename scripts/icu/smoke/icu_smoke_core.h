// Tiny ICU wrapper used by the smoke test; lives in a static library so the test
// also covers the "core static lib -> executable" link pattern of nianbao.
#pragma once
#include <cstddef>
#include <string>

namespace icu_smoke {
// Return false and set `error` on ICU failure.
bool nfkc(const std::string& in, std::string& out, std::string& error);
// Every code point through the generated Hant-Hans table (nianbao::hant_hans::table), one at a
// time, as core/src/normalize.cpp does for Han code points. Returns the number of table entries.
std::size_t hant_hans(const std::string& in, std::string& out);
// Whether the ICU data ICU sees has the item TYPE/NAME (udata_open), e.g. "nrm", "nfkc".
bool has_data_item(const char* type, const char* name);
const char* icu_version();
}  // namespace icu_smoke
