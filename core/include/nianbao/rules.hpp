// The rule registry: every rule a finding can name, with its family, default severity, names
// and the spec section it comes from (core/src/rules/registry.cpp holds the table). A finding's
// `rule` is one of these; the JSON writes its id, the page and docs/rules.md take the names.
#pragma once
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace nianbao {

enum class Severity { error, warning, info };
std::string_view severity_name(Severity s);

/// Every rule, in the registry's order (the order of docs/rules.md).
enum class Rule : std::uint8_t {
  // tables: the relations of spec §4
  t3_balance, t3_results, t3_columns, t4_groups, t2_cells, t2_township_rules, legacy_sum, legacy_subset, legacy_unit,
  // cells and how the tables were read
  cell_blank, cell_invalid, cell_split, cell_ambiguous, table_shape, table_incomplete, template_version, template_label,
  // structure of the report
  section_missing, section_order, section_title, numbering, title, signature,
  // dates
  deadline, period,
  // the text against itself and the tables
  text_sum, text_percent, text_table, content_required, info_fee, typo,
  // integrity of what was published
  tampering, pii, site_chrome, script_converted,
  // across years
  xyear_carry, xyear_stock, xyear_2019, xyear_copy,
};

struct RuleInfo {
  Rule rule;
  std::string_view id;        ///< stable kebab-case id (spec §9): "t3-balance"
  std::string_view family;    ///< tables, cells, structure, dates, text, integrity, years
  Severity severity;          ///< the default; a finding may be milder or stricter (its message says why)
  std::string_view name_zh;   ///< short name for lists and filters: "表三 一+二=（七）+四"
  std::string_view name_en;
  std::string_view description;  ///< one line, plain Chinese: what it checks (empty in the wasm build)
  std::string_view spec;         ///< the spec section it comes from: "§4"
  /// One defect in many places (spec §9): its findings with the same message are one finding,
  /// every place in `occurrences` (rules/repeats.cpp).
  bool grouped = false;
};

/// The registry, in the order of `Rule`.
std::span<const RuleInfo> rules();
const RuleInfo& rule_info(Rule r);
inline std::string_view rule_id(Rule r) { return rule_info(r).id; }
/// The rule of a kebab-case id, if there is one.
std::optional<Rule> rule_by_id(std::string_view id);
/// The registry as JSON: {"schema":"nianbao/1","rules":[{"id","family","severity","name":{"zh_CN","en"},
/// "description","spec"},…]} (`indent` 0: one line; no "description" in the wasm build).
std::string rules_json(int indent = 0);

}  // namespace nianbao
