// Cross-year checks (spec §4 xyear-*, §6 "copied from earlier years"): the same body's reports of
// consecutive years, paired by their normalised body name, checked against each other.
#pragma once
#include <span>
#include <string>
#include <vector>

#include "nianbao/finding.hpp"
#include "nianbao/report.hpp"

namespace nianbao {

/// One pair: the report of `year` (findings' spans point into it) and the one of `year - 1`
/// (findings' `related` spans point into that one).
struct CrossYear {
  std::string agency;            ///< the body, as the later report names it
  int year = 0;
  std::string file, previous_file;
  std::size_t index = 0, previous_index = 0;  ///< positions of the two reports in the input
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
