// ICU smoke test for nianbao: the native and the wasm build must print the same
// bytes. Exits non-zero when NFKC or Hant-Hans do not give the expected strings.
#include "icu_smoke_core.h"

#include <cstdio>
#include <string>

namespace {

bool check(const char* what, bool ran, const std::string& got, const std::string& error,
           const std::string& want) {
  if (!ran) {
    std::printf("%s: ICU error %s [FAIL]\n", what, error.c_str());
    return false;
  }
  const bool ok = got == want;
  std::printf("%s: %s [%s]\n", what, got.c_str(), ok ? "ok" : "MISMATCH");
  if (!ok) std::printf("  expected: %s\n", want.c_str());
  return ok;
}

}  // namespace

int main() {
  bool ok = true;
  std::string out, err;
  std::printf("ICU %s\n", icu_smoke::icu_version());

  bool ran = icu_smoke::nfkc("１２３，（ＡＢ）", out, err);
  ok &= check("NFKC", ran, out, err, "123,(AB)");

  ran = icu_smoke::transliterate("Hant-Hans", "鞍山市檔案局 政府信息公開條例 報告 關於 發佈", out, err);
  ok &= check("Hant-Hans", ran, out, err, "鞍山市档案局 政府信息公开条例 报告 关于 发布");

  // The alias kept in the trimmed data; note Hant-Hans also maps 「」 to “”.
  ran = icu_smoke::transliterate("Traditional-Simplified", "「國務院」", out, err);
  ok &= check("Traditional-Simplified", ran, out, err, "“国务院”");

  // The trimmed data (scripts/icu/make-icu-data) registers only the IDs we keep plus
  // ICU's built-in ones, so this count tells it from a full ICU data set (742).
  const int n = icu_smoke::available_transliterators();
  std::printf("available transliterators: %d\n", n);
  if (n < 0 || n > 100) {
    std::printf("  expected the trimmed ICU data (a few dozen IDs)\n");
    ok = false;
  }

  std::printf("%s\n", ok ? "ICU smoke: PASS" : "ICU smoke: FAIL");
  return ok ? 0 : 1;
}
