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
