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

/// Reads the narrative of a report whose tables are already matched (report.tables,
/// report.meta.year and report.meta.format set). Fills report.meta (agency, published, kind),
/// report.sections, the deadline, period and text checks and the chart statistics, and adds
/// the narrative findings: site-chrome, tampering, typo, pii, numbering, section-missing,
/// section-order, section-title, title, period, signature, deadline, text-sum, text-percent,
/// text-table, content-required and info-fee.
void read_narrative(const Document& doc, Report& report);

}  // namespace nianbao
