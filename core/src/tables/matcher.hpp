// The template matcher: maps a document's tables onto the official templates.
#pragma once
#include <optional>
#include <vector>

#include "read/document.hpp"
#include "nianbao/finding.hpp"
#include "nianbao/report.hpp"
#include "tables/templates.hpp"

namespace nianbao {

struct MatchResult {
  Format format = Format::unknown;
  std::vector<ReportTable> tables;  ///< in template order, only tables with cells
  std::vector<Finding> findings;    ///< cell-blank, cell-invalid, template-label, table-shape
};

/// `year` (when known) decides between the 2019 and 2021 layouts when no fingerprint does.
MatchResult match_tables(const Document& doc, std::optional<int> year);

class TemplateIndex;
/// The same with the templates' label keys made beforehand (a Checker keeps them).
MatchResult match_tables(const Document& doc, std::optional<int> year, const TemplateIndex& index);

}  // namespace nianbao
