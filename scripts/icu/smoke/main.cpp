// ICU smoke test for nianbao: the native and the wasm build must print the same
// bytes. Exits non-zero when NFKC or the Hant-Hans table do not give the expected strings,
// or when ICU does not see exactly the trimmed data.
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

bool item(const char* type, const char* name, bool want) {
  const bool have = icu_smoke::has_data_item(type, name);
  std::printf("data item %s.%s: %s [%s]\n", name, type, have ? "present" : "absent",
              have == want ? "ok" : "MISMATCH");
  return have == want;
}

}  // namespace

int main() {
  bool ok = true;
  std::string out, err;
  std::printf("ICU %s\n", icu_smoke::icu_version());

  bool ran = icu_smoke::nfkc("１２３，（ＡＢ）", out, err);
  ok &= check("NFKC", ran, out, err, "123,(AB)");

  // ICU's Hant-Hans, made into a table at build time (scripts/icu/make-hant-hans-table).
  const std::size_t n = icu_smoke::hant_hans("鞍山市檔案局 政府信息公開條例 報告 關於 發佈", out);
  ok &= check("Hant-Hans table", true, out, "", "鞍山市档案局 政府信息公开条例 报告 关于 发布");
  std::printf("Hant-Hans table entries: %zu\n", n);
  // Only Han code points are in the table: corner brackets stay (the transliterator applied to
  // a whole string would make them curly quotes; the core never applied it to them).
  icu_smoke::hant_hans("「國務院」", out);
  ok &= check("Hant-Hans table, brackets", true, out, "", "「国务院」");

  // The trimmed data (scripts/icu/make-icu-data) has nfkc.nrm but not, e.g., the root locale
  // bundle that every full ICU data set has: tells it from libicudata.
  ok &= item("nrm", "nfkc", true);
  ok &= item("res", "root", false);

  std::printf("%s\n", ok ? "ICU smoke: PASS" : "ICU smoke: FAIL");
  return ok ? 0 : 1;
}
