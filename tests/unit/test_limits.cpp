// Limits of the whole check (issue 6): pathological inputs cost time in proportion to their size.
// Each shape is checked at 128 KiB and at 1 MiB (8 times more); linear cost takes about 8 times as
// long, quadratic cost 64 times. The test fails above 24 times (3x linear): a ratio, not a speed,
// so it holds natively, in wasm and under sanitizers alike. Absolute speed is for scripts/bench.
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <functional>
#include <string>

#include "helpers.hpp"

namespace {

using Make = std::function<std::string(std::size_t)>;

/// `unit(i)` repeated until the text is `bytes` long (cut at a whole unit).
std::string repeat(std::size_t bytes, const std::function<std::string(std::size_t)>& unit) {
  std::string s;
  s.reserve(bytes + 256);
  for (std::size_t i = 0; s.size() < bytes; ++i) {
    const std::string u = unit(i);
    if (s.size() + u.size() > bytes && !s.empty()) break;
    s += u;
  }
  return s;
}

/// A report's title and first sentence; the pathological part follows.
const std::string kTitle = "示例市交通运输局2022年政府信息公开工作年度报告\n本报告根据《中华人民共和国政府信息公开条例》编制。\n";

double seconds_to_check(const std::string& text, nianbao::Report* out) {
  double best = 1e9;
  for (int run = 0; run < 2; ++run) {  // the better of two: less noise from the machine
    const auto t0 = std::chrono::steady_clock::now();
    nianbao::Outcome o = testing::checker().check(text, {});
    const std::string json = std::holds_alternative<nianbao::Report>(o) ? nianbao::to_json(std::get<nianbao::Report>(o)) : "";
    best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
    const nianbao::Error* error = std::get_if<nianbao::Error>(&o);
    REQUIRE_MESSAGE(error == nullptr, "error: " << (error ? error->message : ""));
    CHECK(json.rfind("{\"schema\":\"nianbao/1\"", 0) == 0);
    *out = std::get<nianbao::Report>(std::move(o));
  }
  return best;
}

/// What every shape still reads: the year of the title.
void year_read(const nianbao::Report& r) { CHECK(r.meta.year == 2022); }

struct Shape {
  const char* name;
  Make make;
  std::function<void(const nianbao::Report&)> verify;
};

void scales_linearly(const Shape& shape) {
  const std::string name = shape.name;
  CAPTURE(name);
  const std::size_t small = 128u << 10, large = 1u << 20;
  const std::string a = shape.make(small), b = shape.make(large);
  REQUIRE(a.size() <= small);
  REQUIRE(b.size() <= large);
  REQUIRE(b.size() > large - 4096);
  nianbao::Report ra, rb;
  const double ta = seconds_to_check(a, &ra);
  const double tb = seconds_to_check(b, &rb);
  shape.verify(rb);
  // Below a millisecond the timer and the machine decide: compare against at least 1 ms.
  const double ratio = tb / std::max(ta, 0.001);
  MESSAGE(name << ": " << a.size() << " B in " << ta * 1000 << " ms, " << b.size() << " B in " << tb * 1000
                     << " ms (x" << ratio << ")");
  CHECK(ratio < 24.0);
}

}  // namespace

TEST_CASE("limits: pathological inputs cost time in proportion to their size") {
  const std::string sentence =
      "本年度共收到政府信息公开申请1234件，其中自然人申请1200件、法人或其他组织申请34件，"
      "予以公开567件，占比45.9%，部分公开89件，不予公开12件；";
  const Shape shapes[] = {
      {"a line of report sentences without a line break",
       [&](std::size_t n) { return kTitle + repeat(n - kTitle.size(), [&](std::size_t) { return sentence; }); },
       year_read},
      {"one pipe table of 10 cells per row",
       [](std::size_t n) {
         return kTitle + repeat(n - kTitle.size(), [](std::size_t i) {
                  std::string row = "|";
                  for (int c = 0; c < 10; ++c) row += " " + std::to_string((i * 10 + c) % 997) + " |";
                  return row + "\n";
                });
       },
       year_read},
      {"short lines",
       [](std::size_t n) {
         return kTitle + repeat(n - kTitle.size(), [](std::size_t i) { return "第" + std::to_string(i) + "行\n"; });
       },
       year_read},
      {"numbered headings one after another",
       [](std::size_t n) {
         const char* nums[] = {"一、", "（一）", "1.", "（1）"};
         return kTitle + repeat(n - kTitle.size(), [&](std::size_t i) {
                  return std::string(nums[i % 4]) + "主动公开政府信息情况\n";
                });
       },
       year_read},
      {"a table crawled one cell per line, its labels and numbers repeated, no unit",
       [](std::size_t n) {
         const char* cells[] = {"一、本年新收政府信息公开申请数量", "3", "0", "0", "总计", "行政复议", "0", "1.", "属于国家秘密", "0"};
         return kTitle + repeat(n - kTitle.size(), [&](std::size_t i) { return std::string(cells[i % 10]) + "\r\n"; });
       },
       year_read},
      {"numbers one per line, then a unit",
       [](std::size_t n) {
         return kTitle + repeat(n - kTitle.size(), [](std::size_t i) {
                  return std::to_string(i % 7) + (i % 500 == 499 ? "件\n" : "\n");
                });
       },
       year_read},
      {"numbers only, run together as a crawled table is",
       [](std::size_t n) {
         return kTitle + repeat(n - kTitle.size(), [](std::size_t i) {
                  return std::to_string(i % 50) + (i % 200 == 199 ? "\n" : " ");
                });
       },
       year_read},
      {"table labels repeated, each with its figures",
       [](std::size_t n) {
         return kTitle + repeat(n - kTitle.size(), [](std::size_t i) {
                  return "| 三、本年度办理结果 | （一）予以公开 | " + std::to_string(i % 100) + " | 0 | 0 | 0 | 0 | 0 | " +
                         std::to_string(i % 100) + " |\n";
                });
       },
       year_read},
      {"one 其中 list without end",
       [](std::size_t n) {
         const std::string head = kTitle + "本年度共收到申请100件，其中";
         return head + repeat(n - head.size(), [](std::size_t i) { return "第" + std::to_string(i) + "类申请1件、"; });
       },
       year_read},
      {"one cell of a million bytes",
       [](std::size_t n) {
         const std::string head = kTitle + "| 一、主动公开 | ";
         return head + repeat(n - head.size() - 4, [](std::size_t) { return std::string("政府信息"); }) + " |\n";
       },
       year_read},
      {"Traditional characters and full-width forms (through NFKC and Hant-Hans)",
       [](std::size_t n) {
         return kTitle + repeat(n - kTitle.size(), [](std::size_t i) {
                  return "本機關收到申請１２３件，處理結果為：予以公開" + std::to_string(i % 1000) + "件。" + (i % 8 == 7 ? "\n" : "");
                });
       },
       year_read},
  };
  for (const Shape& s : shapes) scales_linearly(s);
}
