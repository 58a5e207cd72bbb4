#include <doctest/doctest.h>

#include "nianbao/options.hpp"

TEST_CASE("options_from_json reads file and max_input_bytes, ignores the rest") {
  auto o = nianbao::options_from_json(R"({"file":"a\"b.txt","other":[1],"max_input_bytes":1024})");
  CHECK(o.file == "a\"b.txt");
  // An unknown array value stops reading (flat objects only), but what came before stays.
  o = nianbao::options_from_json(R"({"file":"年报.txt","max_input_bytes":1024,"x":true})");
  CHECK(o.file == "年报.txt");
  CHECK(o.limits.max_input_bytes == 1024);
  CHECK(nianbao::options_from_json(R"({"file":"\u5e74"})").file == "年");
  CHECK(nianbao::options_from_json("not json").file.empty());
  CHECK(nianbao::options_from_json("").limits.max_input_bytes == nianbao::Limits{}.max_input_bytes);
}

TEST_CASE("cells: corrections from the options, and from a file of cells as the output writes them") {
  const auto o = nianbao::options_from_json(
      R"({"file":"a.txt","cells":[{"table":"T3","row":"（一）予以公开","col":"自然人","value":12},)"
      R"({"table":"T2","row":"行政事业性收费","col":"本年收费金额（单位：万元）","value":1.5},)"
      R"({"table":"T3","row":"（二）部分公开（区分处理的，只计这一情形，不计其他情形）","col":"总计","value":null}]})");
  REQUIRE(o.cells.size() == 3);
  CHECK(o.cells[0].table == "T3");
  CHECK(o.cells[0].value == nianbao::Decimal::from_int(12));
  CHECK(o.cells[1].value->to_string() == "1.5");
  CHECK_FALSE(o.cells[2].value.has_value());
  CHECK(o.file == "a.txt");
  const auto f = nianbao::cells_from_json(
      R"([{"table":"T4","row":"行政复议","col":"总计","value":-3,"raw":"3","span":{"start":1,"end":2,"line":1}}])");
  REQUIRE(f);
  REQUIRE(f->size() == 1);
  CHECK((*f)[0].value == nianbao::Decimal::from_int(-3));  // (the check says a negative count is not allowed)
  CHECK_FALSE(nianbao::cells_from_json(R"([{"table":"T4","row":"行政复议","col":"总计"}])"));  // no value
  CHECK_FALSE(nianbao::cells_from_json(R"({"cells":[]})"));
  CHECK_FALSE(nianbao::cells_from_json(R"([1])"));
  CHECK(nianbao::cells_from_json("[]")->empty());
}
