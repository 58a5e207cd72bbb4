// Findings: rule id, severity, message, exact span, expected and actual values.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "nianbao/decimal.hpp"
#include "nianbao/rules.hpp"
#include "nianbao/span.hpp"

namespace nianbao {

struct Finding {
  Rule rule{};           ///< a rule of the registry (rules.hpp); the JSON writes its id
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

  /// A finding of `r` with the rule's default severity.
  static Finding of(Rule r) {
    Finding f;
    f.rule = r;
    f.severity = rule_info(r).severity;
    return f;
  }
};

}  // namespace nianbao
