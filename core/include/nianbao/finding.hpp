// Findings: rule id, severity, message, exact span, expected and actual values.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "nianbao/decimal.hpp"
#include "nianbao/span.hpp"

namespace nianbao {

enum class Severity { error, warning, info };
std::string_view severity_name(Severity s);

struct Finding {
  std::string rule;      ///< stable kebab-case id, e.g. "t3-balance"
  Severity severity = Severity::warning;
  std::string message;   ///< plain Chinese
  Span span;
  std::optional<Decimal> expected;
  std::optional<Decimal> actual;
  std::vector<Span> related;
  std::string hint;
  /// One defect in several places (spec §9): every place, `span` being the first. Empty when
  /// the finding has one place.
  std::vector<Span> occurrences;
};

}  // namespace nianbao
