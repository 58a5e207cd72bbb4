#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include "util/utf8.hpp"

// (Called qualified: with std::string arguments, `find` unqualified would be std::find by ADL.)
using nianbao::utf8::same;

namespace {

// Texts and needles of the shapes the rules search: Chinese words in Chinese text, ASCII, a
// needle at the very start and end, repeated and overlapping occurrences, bytes of one character
// that also end another (“其” and “中” share no byte with “是”, but 0x80-0xBF continuation bytes
// recur everywhere).
const std::vector<std::string> kTexts = {
    "",
    "a",
    "其中",
    "本年共收到申请35件，其中自然人申请30件，法人或其他组织申请5件。其中",
    "是是是是",
    "一是主动公开，二是依申请公开，三是政府信息管理。",
    "abcabcab",
    "2021年1月1日至2021年12月31日",
    "（四）无法提供/1.本机关不掌握相关政府信息",
    "\xE4\xB8\xAD\xE4\xB8",  // 中 and the start of another character, cut off
};
const std::vector<std::string> kNeedles = {"", "其中", "是", "年", "率", "中", "ab", "bca", "a", "。",
                                           "\xB8", "\xE4\xB8", "31日", "信息", "（四）无法提供/1.", "不存在的词"};

}  // namespace

TEST_CASE("utf8::find is string_view::find, at every starting place") {
  for (const std::string& t : kTexts)
    for (const std::string& n : kNeedles)
      for (std::size_t from = 0; from <= t.size() + 2; ++from) {
        CAPTURE(t);
        CAPTURE(n);
        CAPTURE(from);
        CHECK(nianbao::utf8::find(t, n, from) == std::string_view(t).find(n, from));
      }
  // Every occurrence, in order, as the rules walk them.
  const std::string t = "其中有其中其中，其中";
  std::vector<std::size_t> got, want;
  for (std::size_t at = nianbao::utf8::find(t, "其中"); at != std::string_view::npos; at = nianbao::utf8::find(t, "其中", at + 6))
    got.push_back(at);
  for (std::size_t at = t.find("其中"); at != std::string::npos; at = t.find("其中", at + 6)) want.push_back(at);
  CHECK(got == want);
  CHECK(got.size() == 4);
}

TEST_CASE("utf8::same is ==, for views of the same bytes and of others") {
  for (const std::string& a : kTexts)
    for (const std::string& b : kNeedles) {
      CHECK(same(a, b) == (std::string_view(a) == std::string_view(b)));
      CHECK(same(b, a) == (std::string_view(b) == std::string_view(a)));
      CHECK(same(a, a));
      const std::string copy = a;
      CHECK(same(a, copy));
    }
  // Lengths around the eight-byte steps, differing at each place.
  std::string x(40, 'x');
  for (std::size_t n = 0; n <= x.size(); ++n) {
    const std::string a = x.substr(0, n);
    CHECK(same(a, std::string(n, 'x')));
    for (std::size_t i = 0; i < n; ++i) {
      std::string b = a;
      b[i] = 'y';
      CHECK_FALSE(same(a, b));
    }
  }
  CHECK_FALSE(same("其中", "其"));
  CHECK(same(std::string_view(), std::string_view("")));
}
