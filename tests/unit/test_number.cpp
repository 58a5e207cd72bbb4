#include <doctest/doctest.h>

#include "util/number.hpp"

using nianbao::CellKind;
using nianbao::Decimal;
using nianbao::classify_cell;
using nianbao::parse_number;

TEST_CASE("parse_number reads digits, thousands separators, decimals and multipliers") {
  CHECK(parse_number("217")->value == Decimal::from_int(217));
  CHECK(parse_number("1,234条")->value == Decimal::from_int(1234));
  CHECK(parse_number("1,234条")->length == 5);
  CHECK(parse_number("12,34")->value == Decimal::from_int(12));  // not a thousands group
  CHECK(parse_number("0.5")->value.to_string() == "0.5");
  CHECK(parse_number("12.25万元")->value.to_string() == "12.25");
  CHECK(parse_number("1.5万", false, true)->value == Decimal::from_int(15000));
  CHECK(parse_number("3亿", false, true)->value == Decimal::from_int(300000000));
  // 万元 to the cent: six places kept exactly; a seventh non-zero place is not cut short.
  CHECK(parse_number("5949.088667")->value.to_string() == "5949.088667");
  CHECK(parse_number("5949.0886670")->value.to_string() == "5949.088667");
  CHECK_FALSE(parse_number("5949.0886671").has_value());
  CHECK_FALSE(parse_number("99999999999999万", false, true).has_value());  // would overflow
  CHECK(parse_number("20余人")->approximate);
  CHECK_FALSE(parse_number("-3").has_value());
  CHECK(parse_number("-3", true)->value.to_string() == "-3");
  CHECK_FALSE(parse_number("abc").has_value());
  CHECK_FALSE(parse_number("").has_value());
  // A digit run too long to be a count is not a number we can check.
  CHECK_FALSE(parse_number("123456789012345678901234567890").has_value());
}

TEST_CASE("classify_cell separates numbers, blanks and text") {
  CHECK(classify_cell("0").kind == CellKind::number);
  CHECK(classify_cell(" 9 ").value == Decimal::from_int(9));
  CHECK(classify_cell("22(其中修订16件)").value == Decimal::from_int(22));
  CHECK(classify_cell("46 条").kind == CellKind::number);
  for (const char* blank : {"", "—", "-", "/", "无"}) CHECK(classify_cell(blank).kind == CellKind::blank);
  CHECK(classify_cell("1.属于国家秘密").kind == CellKind::text);
  CHECK(classify_cell("2016年").kind == CellKind::text);
  CHECK(classify_cell("-2", true).value.to_string() == "-2");
  CHECK(classify_cell("-2").kind == CellKind::text);
}

TEST_CASE("Decimal prints the shortest exact form") {
  CHECK(Decimal::from_int(0).to_string() == "0");
  CHECK(Decimal::from_scaled(-1250000).to_string() == "-1.25");
  CHECK(Decimal::from_scaled(1).to_string() == "0.000001");
  CHECK(Decimal::from_scaled(100).to_string() == "0.0001");
  CHECK((Decimal::from_int(5) + Decimal::from_int(1)) == Decimal::from_int(6));
}
