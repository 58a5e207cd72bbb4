// A batch's summary: one row per report (body, year, file, severity counts), grouped by body
// and year — what a supervising office reads first when it checks hundreds of reports.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "nianbao/error.hpp"
#include "nianbao/report.hpp"

namespace nianbao {

struct SummaryRow {
  std::string file;
  std::optional<std::string> agency;
  std::optional<int> year;
  Format format = Format::unknown;
  std::size_t errors = 0, warnings = 0, infos = 0;
  std::string error_code;  ///< set when the input could not be checked (then counts are 0)
};

SummaryRow summary_row(const Report& report);
SummaryRow summary_row(const Error& error, std::string_view file);

/// Rows ordered by body (its pairing key, cross_year.hpp), then year, then file; reports whose
/// body is not known come last, by file.
std::vector<SummaryRow> ordered(std::vector<SummaryRow> rows);

/// {"schema":"nianbao/1","summary":{"reports":N,"with_errors":N,"unreadable":N,"rows":[…]}}
std::string summary_json(const std::vector<SummaryRow>& rows, int indent = 0);
/// A table per body: its years and files with the counts, then the totals (tab-separated).
std::string summary_text(const std::vector<SummaryRow>& rows);

}  // namespace nianbao
