// Cross-year checks (spec §4 xyear-*, §6 "copied from earlier years"): the same body's reports of
// consecutive years, paired by their normalised body name, checked against each other.
#pragma once
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "nianbao/finding.hpp"
#include "nianbao/report.hpp"

namespace nianbao {

/// One cell of a comparison across years: where it is in its report (table, official row key
/// and column label) and what was read there.
struct CompareCell {
  /// read: the cell's value; split: a run-together row's digits, the split the cross-year
  /// relation leaves (or an earlier pair settled); ambiguous: run-together digits that split in
  /// several fitting ways (no value); blank: blank or invalid (`raw` says how); unread: the
  /// report's format has the cell but it was not read; none: the report's format has no such cell.
  enum class State { read, split, ambiguous, blank, unread, none };
  std::string_view table, row, col;  ///< static data (the templates' keys)
  State state = State::unread;
  std::optional<Decimal> value;
  std::string raw;          ///< as written (read and blank cells)
  std::optional<Span> span; ///< the cell, or a run-together row's digits
  bool corrected = false;   ///< a reviewer's correction (Options::cells)
};

/// 表三 二、上年结转 of this year against 四、结转下年度继续办理 of the year before, one column
/// (xyear-carry). `agree` is nothing when either value is not there.
struct CarryCompare {
  std::string_view col;
  CompareCell previous, current;
  std::optional<bool> agree;
};

/// 表二 (2021 format) one row's 现行有效 against last year's plus 本年制发 minus 本年废止
/// (xyear-stock). A run-together row takes part with each of its fitting splits: `agree` when one
/// reading carries, and a value is shown only where the readings leave one.
struct StockCompare {
  std::string_view row;
  CompareCell previous;                   ///< last year's 现行有效件数
  CompareCell issued, abolished, current; ///< this year's 本年制发件数, 本年废止件数, 现行有效件数
  std::optional<Decimal> expected;        ///< previous + issued − abolished, when all four are known
  std::optional<bool> agree;              ///< nothing: a side gives no reading
  // Not in the JSON (the rules' messages): how many fitting readings each side gives, and the
  // stock of last year that settled this year's run-together split (cell-split).
  std::size_t previous_readings = 0, current_readings = 0;
  std::optional<Decimal> settled_by;
};

/// The pair's tables side by side: the carry-over per 表三 column (when either report has a
/// 表三) and the stock per 表二 row of the 2021 format (when either report is in it).
struct YearCompare {
  std::vector<CarryCompare> carry;
  std::vector<StockCompare> stock;
};

/// One pair: the report of `year` (findings' spans point into it) and the one of `year - 1`
/// (findings' `related` spans point into that one).
struct CrossYear {
  std::string agency;            ///< the body, as the later report names it
  int year = 0;
  std::string file, previous_file;
  std::size_t index = 0, previous_index = 0;  ///< positions of the two reports in the input
  YearCompare compare;            ///< what xyear-carry and xyear-stock are computed from
  std::vector<Finding> findings;  ///< xyear-carry, xyear-stock, xyear-2019, xyear-copy
  std::size_t sentences = 0;      ///< sentences of the later report long enough to compare
  std::size_t repeated = 0;       ///< of them, found again (digits aside) in the earlier one
};

/// The body name as a pairing key: white space and punctuation dropped, and the page chrome's
/// or the signature's office suffixes kept (鞍山市档案局 and 鞍山市档案局 pair; 鞍山市 and
/// 鞍山市人民政府 pair; an office signing for its government does not).
std::string body_key(std::string_view agency);

/// Every pair of reports of one body in consecutive years (each year taken once: when a year
/// is there twice, it is not paired). Stable order: by body key, then year.
std::vector<CrossYear> cross_year(std::span<const Report* const> reports);

/// {"schema":"nianbao/1","cross_year":[…]} on one line (or pretty).
std::string to_json(const std::vector<CrossYear>& pairs, int indent = 0);

}  // namespace nianbao
