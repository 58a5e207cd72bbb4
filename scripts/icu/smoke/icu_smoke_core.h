// Tiny ICU wrapper used by the smoke test; lives in a static library so the test
// also covers the "core static lib -> executable" link pattern of nianbao.
#pragma once
#include <string>

namespace icu_smoke {
// Return false and set `error` on ICU failure.
bool nfkc(const std::string& in, std::string& out, std::string& error);
bool transliterate(const char* id, const std::string& in, std::string& out, std::string& error);
int available_transliterators();  // -1 on failure
const char* icu_version();
}  // namespace icu_smoke
