// The narrative: who issued the report and when, its outline, what its text says and whether
// that agrees with its tables, and what does not belong in it (spec §2, §5–§6).
#pragma once
#include <optional>

#include "read/document.hpp"
#include "nianbao/report.hpp"

namespace nianbao {

/// The report year: "2016年度…" or a title "…2022年政府信息公开工作年度报告" in the first
/// paragraphs, else an opening "2020年，…" (the first sentence of 一、总体情况).
std::optional<int> find_year(const Document& doc);

/// Reads the narrative of a report whose tables are already matched. Takes (read-only)
/// report.tables, report.meta.year and report.meta.format; runs the stages of narrative_rules.hpp
/// in order, then gives, each written once:
///   - facts:      report.meta.agency, .published, .kind; report.sections; report.deadline;
///                 findings site-chrome, deadline
///   - outline:    report.period; findings numbering, section-missing, section-order,
///                 section-title (but one said as a typo), title, period, signature
///   - integrity:  findings tampering, typo, pii
///   - text sums:  report.text_sums, .text_shares; findings text-sum, text-percent
///   - text-table: report.text_figures; findings text-table
///   - content:    findings content-required, info-fee
///   - statistics: report.figures, .charts, .rates; report.sentences
/// The findings are appended to report.findings in that order.
void read_narrative(const Document& doc, Report& report);

}  // namespace nianbao
