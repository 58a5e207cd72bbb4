// The narrative: who issued the report and when, page chrome, integrity (tampering, typos),
// the outline's numbering and the publication deadline (spec §5–§6).
#pragma once
#include "nianbao/document.hpp"
#include "nianbao/report.hpp"

namespace nianbao {

/// Fills report.meta (agency, published, kind) and report.deadline, and adds the findings
/// site-chrome, tampering, typo, numbering and deadline. Needs report.meta.year and
/// report.sections already set.
void read_narrative(const Document& doc, Report& report);

}  // namespace nianbao
