// Converter markdown (issue 14): rows of numbers whose labels floated away, placed only where the
// document order leaves one place for them; a row one short with an empty cell after its numbers.
#include <doctest/doctest.h>

#include "helpers.hpp"
#include "tables/label.hpp"
#include "read/normalize.hpp"
#include "read/reader.hpp"

using nianbao::Decimal;
using nianbao::Severity;
using testing::findings;
using testing::read_fixture;
using testing::replaced;

namespace {
constexpr const char* kOther1 = "（六）其他处理/1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请";
constexpr const char* kCarried = "四、结转下年度继续办理";
}  // namespace

TEST_CASE("markdown: rows of numbers without labels are read by template order between two read rows") {
  const std::string text = read_fixture("shapes/markdown/rows-apart.md");
  const auto r = testing::check_ok(text);
  const auto* t3 = testing::table(r, "T3");
  REQUIRE(t3);
  CHECK(t3->cells.size() == 25 * 7);
  CHECK(t3->find("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "总计")->value == Decimal::from_int(21));
  CHECK(t3->find("（四）无法提供/1.本机关不掌握相关政府信息", "总计")->value == Decimal::from_int(44));
  CHECK(t3->find("（四）无法提供/3.补正后申请内容仍不明确", "自然人")->value == Decimal::from_int(3));
  CHECK(t3->find(kOther1, "总计")->value == Decimal::from_int(1));  // its label a fragment of the official one
  const auto placed = findings(r, "table-shape");
  REQUIRE(placed.size() == 3);
  for (const auto* f : placed) CHECK(f->severity == Severity::info);
  CHECK(findings(r, "table-incomplete").empty());
  CHECK(findings(r, "template-label").empty());

  // A label that is no piece of the row's official label: the rows between stay unread, and the
  // label is said to match no row.
  const auto other = testing::check_ok(replaced(text, "| 行政机关不再处理其政府信息公 |", "| 其他事项说明 |"));
  const auto* o3 = testing::table(other, "T3");
  REQUIRE(o3);
  CHECK(o3->find(kOther1, "总计") == nullptr);
  CHECK(o3->find("（五）不予处理/5.要求行政机关确认或重新出具已获取信息", "总计") == nullptr);
  CHECK(findings(other, "template-label").size() == 1);
  CHECK(findings(other, "table-incomplete").size() == 1);

  // One row of numbers fewer than the rows between: nothing is guessed.
  const auto fewer = testing::check_ok(replaced(text, "| 5 | 0 | 0 | 0 | 0 | 0 | 5 |\n|---|---|---|---|---|---|---|\n", ""));
  const auto* f3 = testing::table(fewer, "T3");
  REQUIRE(f3);
  CHECK(f3->find("（四）无法提供/1.本机关不掌握相关政府信息", "总计") == nullptr);
  CHECK(f3->find("（四）无法提供/3.补正后申请内容仍不明确", "总计") == nullptr);
  CHECK(findings(fewer, "table-incomplete").size() == 1);
}

TEST_CASE("markdown: a row one short with an empty cell after its numbers, read with that cell blank only when no other reading holds") {
  const std::string text = read_fixture("shapes/markdown/blank-last-cell.md");
  const auto r = testing::check_ok(text);
  const auto* t3 = testing::table(r, "T3");
  REQUIRE(t3);
  CHECK(t3->find(kCarried, "自然人")->value == Decimal::from_int(15));
  CHECK(t3->find(kCarried, "其他")->value == Decimal::from_int(1));
  REQUIRE(t3->find(kCarried, "总计"));
  CHECK(!t3->find(kCarried, "总计")->value);  // blank: not 0
  CHECK(findings(r, "cell-blank").size() == 1);
  CHECK(findings(r, "table-shape").empty());

  // The last value is the sum of the others: a middle cell may be the one missing. Not read.
  const auto sum = testing::check_ok(replaced(text, "| 15 | 1 | 0 | 0 | 1 | 1 |  |", "| 15 | 1 | 0 | 1 | 1 | 18 |  |"));
  CHECK(testing::table(sum, "T3")->find(kCarried, "自然人") == nullptr);
  CHECK(findings(sum, "table-shape").size() == 1);
  // No empty cell after the numbers: not read either.
  const auto none = testing::check_ok(replaced(text, "| 15 | 1 | 0 | 0 | 1 | 1 |  |", "| 15 | 1 | 0 | 0 | 1 | 1 |"));
  CHECK(testing::table(none, "T3")->find(kCarried, "自然人") == nullptr);
  CHECK(findings(none, "table-shape").size() == 1);
}

TEST_CASE("pipe rows: empty cells after a last number are counted, after a header they are padding") {
  nianbao::Error e{};
  const auto n = nianbao::Normalizer::create(&e);
  REQUIRE(n);
  const nianbao::NormalizedText nt = n->normalize("| 四、结转 | 1 | 0 |  |  |\n| 其他 | 总计 |  |\n");
  const auto doc = nianbao::read_text(nt);
  REQUIRE(doc.blocks.size() == 1);
  const auto& rows = doc.blocks[0].table.rows;
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].cells.size() == 3);
  CHECK(rows[0].trailing_empty == 2);
  CHECK(rows[1].trailing_empty == 0);
}

TEST_CASE("labels: the official label without its first one or two characters is a close match") {
  using nianbao::label_key;
  using nianbao::label_score;
  const int cut = label_score(label_key("规范性文件"), label_key("行政规范性文件"));
  CHECK(cut >= 60);
  CHECK(cut < 100);
  CHECK(label_score(label_key("执法案卷"), label_key("7.属于行政执法案卷")) == 0);  // four characters cut: no
  CHECK(label_score(label_key("行政规范"), label_key("行政规范性文件")) == 0);      // the start, not the end
  CHECK(label_score(label_key("其他"), label_key("3.其他处理")) == 0);            // too short to tell
  // The row is read, and the label is said to differ from the official one.
  const auto r = testing::check_ok(read_fixture("shapes/markdown/cut-label.md"));
  const auto* t2 = testing::table(r, "T2");
  REQUIRE(t2);
  CHECK(t2->find("行政规范性文件", "现行有效件数")->value == Decimal::from_int(22));
  const auto f = findings(r, "template-label");
  REQUIRE(f.size() == 1);
  CHECK(f[0]->hint == "行政规范性文件");
}
