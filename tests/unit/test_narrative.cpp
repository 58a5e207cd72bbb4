// The narrative on the seeds (spec §8) and the clean report; who, when, and the arithmetic of
// the text.
#include <doctest/doctest.h>

#include <bit>
#include <cstdint>

#include "helpers.hpp"
#include "tables/label.hpp"
#include "narrative/prose.hpp"
#include "read/screen_words.hpp"

using nianbao::Decimal;
using nianbao::Severity;
using testing::at;
using testing::check_ok;
using testing::findings;
using testing::replaced;

TEST_CASE("the clean 2021 report: no findings; every figure, sum, share, the period and the deadline checked") {
  const std::string text = testing::clean_report();
  const auto r = check_ok(text);
  for (const auto& f : r.findings) MESSAGE(nianbao::rule_id(f.rule) << ": " << f.message);
  CHECK(r.findings.empty());
  CHECK(r.meta.agency == std::string("示例市交通运输局"));
  CHECK(r.meta.year == 2022);
  CHECK(r.meta.kind == nianbao::BodyKind::department);
  CHECK(r.meta.published == std::string("2023-01-20"));
  CHECK(r.meta.format == nianbao::Format::f2021);
  REQUIRE(r.deadline);
  CHECK(r.deadline->due == "2023-01-31");
  CHECK(r.deadline->source == "落款日期");
  CHECK(r.deadline->met);
  REQUIRE(r.period);
  CHECK(r.period->from == "2022-01-01");
  CHECK(r.period->holds);
  CHECK(r.sections.size() == 6);
  CHECK(r.sections[0].subsections.size() == 5);
  // 21 figures of the text name table cells, and all agree.
  CHECK(r.text_figures.size() == 21);
  for (const auto& t : r.text_figures) CHECK_MESSAGE(t.holds, t.text << " vs " << t.cell);
  REQUIRE(r.text_sums.size() == 4);
  for (const auto& s : r.text_sums) CHECK(s.holds);
  REQUIRE(r.text_shares.size() == 1);
  CHECK(r.text_shares[0].share == "3.6%");
}

TEST_CASE("seed 000: 鞍山市档案局, 2016, signed 2017-03-01, Traditional, in time, 1799 holds") {
  const auto r = check_ok(testing::read_seed("000"));
  CHECK(r.meta.agency == std::string("鞍山市档案局"));
  CHECK(r.meta.year == 2016);
  CHECK(r.meta.published == std::string("2017-03-01"));
  CHECK(r.meta.script == nianbao::Script::hant);
  CHECK(r.meta.format == nianbao::Format::legacy);
  CHECK(r.meta.kind == nianbao::BodyKind::department);
  REQUIRE(r.deadline);
  CHECK(r.deadline->due == "2017-03-31");
  CHECK(r.deadline->met);
  CHECK(r.count(Severity::error) == 0);
  REQUIRE(r.text_sums.size() == 1);
  CHECK(r.text_sums[0].total == "1799条");
  CHECK(r.text_sums[0].parts == "614+1173+12=1799");
  CHECK(r.text_sums[0].holds);
}

TEST_CASE("seed 001: a 2020 department report; 五 shortened, no title, no signature; nothing else") {
  const std::string seed = testing::read_seed("001");
  const auto r = check_ok(seed);
  CHECK(r.meta.year == 2020);  // from the opening "2020年，我局坚持…"
  CHECK(r.meta.kind == nianbao::BodyKind::department);
  CHECK_FALSE(r.meta.agency.has_value());
  CHECK_FALSE(r.meta.published.has_value());
  CHECK(testing::rules_of(r) == "title,section-title,signature");
  const auto st = findings(r, "section-title");
  CHECK(at(seed, st[0]->span) == "五、存在的主要问题");
  CHECK(st[0]->hint == "五、存在的主要问题及改进情况");
  CHECK(findings(r, "title")[0]->severity == Severity::info);
  CHECK(r.count(Severity::error) == 0);
}

TEST_CASE("seed 002: the repeated 二、 is a numbering finding; no date or issuer at the end") {
  const std::string seed = testing::read_seed("002");
  const auto r = check_ok(seed);
  const auto n = findings(r, "numbering");
  REQUIRE(n.size() == 1);
  CHECK(at(seed, n[0]->span) == "二、主要做法和工作成效");
  CHECK_FALSE(r.meta.published.has_value());
  REQUIRE(findings(r, "signature").size() == 1);
  CHECK(findings(r, "signature")[0]->severity == Severity::warning);
  // The body named in the opening sentence, which the report calls 我局.
  CHECK(r.meta.agency == std::string("抚顺市行政审批服务局"));
  CHECK(r.meta.kind == nianbao::BodyKind::department);
  CHECK(r.count(Severity::error) == 0);
}

TEST_CASE("seed 003: every 365体育投注 is tampering, the footer is site chrome, the text figures agree with the table") {
  const std::string seed = testing::read_seed("003");
  const auto r = check_ok(seed);
  // One planted phrase in 24 places is one finding with every place (spec §9 occurrences).
  const auto t = findings(r, "tampering");
  REQUIRE(t.size() == 1);
  CHECK(t[0]->severity == Severity::error);
  REQUIRE(t[0]->occurrences.size() == 24);
  CHECK(t[0]->occurrences.front().start == t[0]->span.start);
  for (const auto& s : t[0]->occurrences) CHECK(at(seed, s) == "365体育投注");
  CHECK(t[0]->message.find("（共24处）") != std::string::npos);
  CHECK(r.count(Severity::error) == 2);  // the counts are of findings: tampering and legacy-sum
  const auto chrome = findings(r, "site-chrome");
  REQUIRE(chrome.size() == 1);
  CHECK(at(seed, chrome[0]->span).rfind("主办:", 0) == 0);
  CHECK(seed.substr(chrome[0]->span.end) == "");  // through the last footer line
  CHECK(r.meta.agency == std::string("根河市人民政府办公室"));
  // 8359, 5731, 2628, 1, 9 and 747 are each matched to their cell and hold.
  const std::vector<std::pair<std::string, std::string>> want = {
      {"8359", "（一）主动公开政府信息数"}, {"5731", "2.政府网站公开政府信息数"}, {"2628", "5.其他方式公开政府信息数"},
      {"1", "四、行政复议数量"}, {"9", "五、行政诉讼数量"}, {"747", "（三）接受培训人员数"}};
  for (const auto& w : want) {
    const std::string value = w.first, row = w.second;
    bool found = false;
    for (const auto& f : r.text_figures)
      if (f.cell == "legacy/" + row + "/统计数" && f.scope == "same" && f.table == value) found = found || f.holds;
    CHECK_MESSAGE(found, value << " " << row);
  }
  CHECK(findings(r, "text-table").empty());
  REQUIRE(r.period);
  CHECK(r.period->holds);
  // 采用577条，采用率45.9%: 577÷1257.
  REQUIRE(r.text_shares.size() == 1);
  CHECK(r.text_shares[0].of == "577÷1257");
  CHECK(r.text_shares[0].holds);
}

TEST_CASE("seed 004: published 2013-03-15 (page header) in time, typo 政府信息开, header is chrome") {
  const std::string seed = testing::read_seed("004");
  const auto r = check_ok(seed);
  CHECK(r.meta.published == std::string("2013-03-15"));
  CHECK(r.meta.year == 2012);
  REQUIRE(r.deadline);
  CHECK(r.deadline->met);
  CHECK(r.deadline->source == "网页发布时间");
  const auto ty = findings(r, "typo");
  REQUIRE(ty.size() == 1);
  CHECK(at(seed, ty[0]->span) == "政府信息开");
  CHECK(ty[0]->hint == "政府信息公开");
  REQUIRE(findings(r, "site-chrome").size() == 1);
  CHECK(at(seed, findings(r, "site-chrome")[0]->span).rfind("信息来源", 0) == 0);
}

TEST_CASE("deadline: a 2020 department report published 2021-02-15 is late; a government's is not") {
  const std::string body = "\n一、总体情况\n本年度工作平稳有序。\n";
  const auto dept = check_ok("示例市交通运输局2020年政府信息公开工作年度报告" + body + "示例市交通运输局\n2021年2月15日\n");
  CHECK(dept.meta.kind == nianbao::BodyKind::department);
  const auto late = findings(dept, "deadline");
  REQUIRE(late.size() == 1);
  CHECK(late[0]->severity == Severity::error);
  CHECK(late[0]->message.find("2021-01-31") != std::string::npos);
  const auto gov = check_ok("示例市人民政府2020年政府信息公开工作年度报告" + body + "示例市人民政府\n二〇二一年二月十五日\n");
  CHECK(gov.meta.kind == nianbao::BodyKind::government);
  CHECK(gov.meta.published == std::string("2021-02-15"));
  CHECK(findings(gov, "deadline").empty());
  REQUIRE(gov.deadline);
  CHECK(gov.deadline->met);
  // Who issued it is not known: no verdict on the date.
  const auto unknown = check_ok("2020年政府信息公开工作年度报告" + body + "二〇二一年二月\n");
  CHECK(unknown.meta.published == std::string("2021-02"));
  CHECK_FALSE(unknown.deadline.has_value());
  // A township's deadline is set locally: no verdict either.
  const auto town = check_ok("示例县示例镇人民政府2020年政府信息公开工作年度报告" + body + "示例县示例镇人民政府\n2021年4月15日\n");
  CHECK_FALSE(town.deadline.has_value());
  CHECK(findings(town, "deadline").empty());
}

TEST_CASE("deadline on the clean report: the signature late by two weeks is the only finding") {
  const std::string text = replaced(testing::clean_report(), "2023年1月20日", "2023年2月15日");
  const auto r = check_ok(text);
  CHECK(testing::rules_of(r) == "deadline");
  CHECK(at(text, r.findings[0].span) == "2023年2月15日");
}

TEST_CASE("page header: 发布机构 and 发布时间 of a portal page") {
  const auto r = check_ok("首页 > 政务公开 > 年度报告\n发布机构:示例市交通运输局 发布时间:2023-01-18 浏览次数: 【打印本页】\n"
                          "2022年政府信息公开工作年度报告\n一、总体情况\n本年度工作平稳有序。\n");
  CHECK(r.meta.agency == std::string("示例市交通运输局"));
  CHECK(r.meta.published == std::string("2023-01-18"));
  CHECK(findings(r, "site-chrome").size() == 1);
}

TEST_CASE("text-sum on the seeds: 004's 2022人次 is not 171+896+1135; every other sum and share holds") {
  const std::string seed = testing::read_seed("004");
  const auto r = check_ok(seed);
  const auto s = findings(r, "text-sum");
  REQUIRE(s.size() == 1);
  CHECK(at(seed, s[0]->span) == "2022人次");
  CHECK(s[0]->expected == Decimal::from_int(2202));
  CHECK(s[0]->actual == Decimal::from_int(2022));
  CHECK(s[0]->related.size() == 3);
  CHECK(findings(r, "text-percent").empty());  // 41.31% 43.55% 15.14% 76.8% 23.2% all hold
  // 93 = 7+86 (其中) = 58+35 (the next sentence splits the same total by outcome).
  REQUIRE(r.text_sums.size() == 6);
  CHECK(r.text_sums[5].total == "93条");
  CHECK(r.text_sums[5].parts == "58+35=93");
  REQUIRE(r.text_shares.size() == 5);
  for (const auto& x : r.text_shares) CHECK(x.holds);
  CHECK(r.count(Severity::error) == 1);
}

TEST_CASE("text-sum: parts after ； that are worded otherwise are not parts") {
  // "…法人或其他组织申请17件；上年结转5件": 上年结转 is not one of the 217.
  const auto ok = check_ok("全年共收到申请217件，其中自然人申请200件，法人或其他组织申请17件；上年结转5件。\n");
  CHECK(findings(ok, "text-sum").empty());
  REQUIRE(ok.text_sums.size() == 1);
  CHECK(ok.text_sums[0].parts == "200+17=217");
  // Parallel items after ； are parts (seed 004's shape), and too many of them is an error.
  const auto bad = check_ok("全市举办培训20次，其中：市本级举办培训5次；各县举办培训16次。\n");
  REQUIRE(findings(bad, "text-sum").size() == 1);
  CHECK(findings(bad, "text-sum")[0]->expected == Decimal::from_int(21));
}

TEST_CASE("text-percent: a share that does not match its part; a partial 其中 list is not an error") {
  const std::string text = "本年共发布信息100条，其中，网站发布信息40条，占总数的41.0%；微博发布信息60条，占总数的60.0%。\n";
  const auto r = check_ok(text);
  const auto p = findings(r, "text-percent");
  REQUIRE(p.size() == 1);
  CHECK(at(text, p[0]->span) == "40条");
  CHECK(p[0]->expected == Decimal::from_int(40));
  CHECK(findings(r, "text-sum").empty());
  // 其中 need not list everything: parts below the total are fine.
  const auto partial = check_ok("全年受理申请93件，其中当面受理7件，网络受理50件。\n");
  CHECK(findings(partial, "text-sum").empty());
  CHECK(findings(partial, "text-percent").empty());
  // Approximate figures are not summed.
  const auto approx = check_ok("共接待群众20余人次，其中现场咨询15人次，电话咨询10人次。\n");
  CHECK(findings(approx, "text-sum").empty());
  CHECK(approx.text_sums.empty());
  // A share of another figure stated before 其中 holds: 108÷217 = 49.8%.
  const auto base = check_ok("收到申请217件，办结204件，其中予以公开108件，占49.8%。\n");
  CHECK(findings(base, "text-percent").empty());
  REQUIRE(base.text_shares.size() == 1);
  CHECK(base.text_shares[0].holds);
}

TEST_CASE("rates: 采用率 over the figures of its sentence; a rate over a sum is not read") {
  const auto ok = check_ok("全年上报信息1257条，采用577条，采用率45.9%。\n");
  REQUIRE(ok.text_shares.size() == 1);
  CHECK(ok.text_shares[0].holds);
  const std::string text = "全年上报信息1257条，采用577条，采用率50.2%。\n";
  const auto bad = check_ok(text);
  const auto f = findings(bad, "text-percent");
  REQUIRE(f.size() == 1);
  CHECK(f[0]->severity == Severity::warning);
  CHECK(at(text, f[0]->span) == "50.2%");
  CHECK(f[0]->expected == Decimal::from_scaled(45900000));  // 45.9
  // 公开率 over 予以公开 + 部分公开: two clauses name 公开, so it is not recomputed.
  const auto sum = check_ok("办结204件，予以公开108件，部分公开21件，公开率63.2%。\n");
  CHECK(sum.text_shares.empty());
  CHECK(findings(sum, "text-percent").empty());
}

// The phrase sets' scan (prose.hpp) passes over places no phrase can start at; whatever it
// skips, find() and which() must say what a search for each phrase says.
TEST_CASE("phrase sets find what a search for each phrase finds") {
  constexpr std::string_view kPieces[] = {"无", "未", "没有", "不予", "公开", "申请", "件", "0", "12", ",", "。", "、", " ",
                                          "a", "\xE4\xB8", "\x80", "\xC3\xA9", "\xF0\x9F\x98\x80", "\xED\xA0\x80", "|"};
  const nianbao::PhraseSet sets[] = {nianbao::PhraseSet("没有|不予公开|未收到"), nianbao::PhraseSet("无|件|申请"),
                                     nianbao::PhraseSet("0|a,|没有"), nianbao::PhraseSet("\x80|公开")};
  const std::string_view lists[] = {"没有|不予公开|未收到", "无|件|申请", "0|a,|没有", "\x80|公开"};
  std::uint32_t seed = 12345;
  auto next = [&] { return seed = seed * 1664525u + 1013904223u; };
  for (int round = 0; round < 2000; ++round) {
    std::string s;
    for (std::uint32_t n = next() % 24; n-- > 0;) s += kPieces[(next() >> 8) % std::size(kPieces)];
    for (std::size_t k = 0; k < std::size(sets); ++k) {
      std::size_t first = std::string_view::npos;
      std::uint64_t bits = 0;
      std::size_t i = 0;
      for (std::string_view p : nianbao::split_bar(lists[k])) {
        const std::size_t at = s.find(p);
        first = std::min(first, at);
        if (at != std::string_view::npos) bits |= std::uint64_t{1} << i;
        ++i;
      }
      CHECK(sets[k].find(s) == first);
      CHECK(sets[k].which(s) == bits);
      const std::size_t from = s.empty() ? 0 : next() % s.size();
      std::size_t first_from = std::string_view::npos;
      for (std::string_view p : nianbao::split_bar(lists[k])) first_from = std::min(first_from, s.find(p, from));
      CHECK(sets[k].find(s, from) == first_from);
    }
  }
}

TEST_CASE("the screen words, each found by its anchor, are found wherever a search for each finds them") {
  const nianbao::AnchoredPhraseSet& words = nianbao::screening::kWords;
  REQUIRE(words.size() > 40);
  // Pieces: every word, its halves, the anchors' neighbours, ASCII, broken and four-byte UTF-8.
  std::vector<std::string> pieces = {"政府", "信息", "公开", "行政", "复议", "住址", "的", ",", ":", "a", "I", "\xE4\xB8",
                                     "\x80", "\xF0\x9F\x98\x80", " "};
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::string w(words[i]);
    pieces.push_back(w);
    pieces.push_back(w.substr(0, w.size() / 2));
    pieces.push_back(w.substr(w.size() / 2));
  }
  std::uint32_t seed = 4242;
  auto next = [&] { return seed = seed * 1664525u + 1013904223u; };
  for (int round = 0; round < 5000; ++round) {
    std::string s;
    for (std::uint32_t n = next() % 12; n-- > 0;) s += pieces[(next() >> 8) % pieces.size()];
    std::uint64_t bits = 0;
    for (std::size_t i = 0; i < words.size(); ++i)
      if (s.find(words[i]) != std::string::npos) bits |= std::uint64_t{1} << i;
    CAPTURE(s);
    CHECK(words.which(s) == bits);
  }
}

TEST_CASE("count_bits counts as std::popcount does") {
  std::uint64_t x = 0x9E3779B97F4A7C15u;
  for (int i = 0; i < 1000; ++i, x = x * 6364136223846793005u + 1442695040888963407u) {
    CHECK(nianbao::count_bits(x) == static_cast<std::size_t>(std::popcount(x)));
    CHECK(nianbao::count_bits(x & (x >> 7)) == static_cast<std::size_t>(std::popcount(x & (x >> 7))));
  }
  CHECK(nianbao::count_bits(0) == 0);
  CHECK(nianbao::count_bits(~std::uint64_t{0}) == 64);
}

TEST_CASE("fuzzy_size_window holds every template size that fuzzy_rejects lets through") {
  // Every row size and number of repeated characters, every template size, and every number of
  // character bits the two share: where the fuzzy comparison is not rejected, the template's
  // size lies in the window (the matcher looks at no candidate outside it).
  std::size_t let_through = 0, outside = 0;
  for (std::size_t row = 1; row <= 48; ++row)
    for (std::size_t repeats = 0; repeats < row; ++repeats) {
      const std::size_t distinct = std::min<std::size_t>(row - repeats, 64);
      const std::uint64_t row_bits = distinct == 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << distinct) - 1;
      const auto [lo, hi] = nianbao::fuzzy_size_window(row, repeats);
      for (std::size_t tmpl = 1; tmpl <= 72; ++tmpl)
        for (std::size_t shared = 0; shared <= std::min<std::size_t>({distinct, tmpl, 64}); ++shared) {
          // The template's bits: `shared` of the row's, the rest (up to its size) elsewhere.
          const std::size_t own = std::min<std::size_t>(tmpl - shared, 64 - distinct);
          const std::uint64_t mine = shared == 0 ? 0 : shared == 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << shared) - 1;
          const std::uint64_t theirs = own == 0 ? 0 : (own == 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << own) - 1) << distinct;
          if (nianbao::fuzzy_rejects(row, row_bits, repeats, tmpl, mine | theirs)) continue;
          ++let_through;
          if (tmpl < lo || tmpl > hi) ++outside;
        }
    }
  CHECK(let_through > 10000);  // (the loops reach the cases that matter)
  CHECK(outside == 0);
  // The window is not everything: a 4-character label never meets a 20-character row.
  CHECK(nianbao::fuzzy_size_window(4, 0).second < 20);
}

TEST_CASE("next_digit finds the first ASCII digit, eight bytes at a time or one by one") {
  constexpr std::string_view kPieces[] = {"无", "0", "9", "/", ":", "a", "\x80", "\xFF", " ", "申请件"};
  std::uint32_t seed = 777;
  auto next = [&] { return seed = seed * 1664525u + 1013904223u; };
  for (int round = 0; round < 2000; ++round) {
    std::string s;
    for (std::uint32_t n = next() % 30; n-- > 0;) s += kPieces[(next() >> 8) % std::size(kPieces)];
    const std::size_t to = s.empty() ? 0 : next() % (s.size() + 1), from = to == 0 ? 0 : next() % (to + 1);
    std::size_t expect = from;
    while (expect < to && !(s[expect] >= '0' && s[expect] <= '9')) ++expect;
    CHECK(nianbao::next_digit(s, from, to) == expect);
  }
  CHECK(nianbao::next_digit("12", 5, 2) == 5);
}

TEST_CASE("Date::iso writes %04d-%02d-%02d, and %04d-%02d without a day") {
  using nianbao::Date;
  CHECK(Date{2023, 1, 20}.iso() == "2023-01-20");
  CHECK(Date{2013, 12, 5}.iso() == "2013-12-05");
  CHECK(Date{2024, 1, 0}.iso() == "2024-01");
  CHECK(Date{2008, 10, 31}.iso() == "2008-10-31");
  CHECK(Date{999, 3, 1}.iso() == "0999-03-01");  // (no report year has fewer than four digits; the width holds anyway)
  // What whole_date reads comes back as it was written.
  for (std::string_view s : {"2017-03-01", "2013-03-15"}) CHECK(nianbao::whole_date(s)->iso() == s);
  CHECK(nianbao::whole_date("二〇二四年一月")->iso() == "2024-01");
}
