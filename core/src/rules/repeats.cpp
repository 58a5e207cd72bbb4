#include "rules/repeats.hpp"

#include <cstddef>
#include <string>
#include <unordered_map>

namespace nianbao {

void group_repeats(std::vector<Finding>& findings) {
  std::unordered_map<std::string, std::size_t> first;  // rule, severity and message -> the finding kept
  std::vector<bool> drop(findings.size(), false);
  bool any = false;
  for (std::size_t k = 0; k < findings.size(); ++k) {
    const Finding& f = findings[k];
    if (!rule_info(f.rule).grouped) continue;
    std::string key = std::to_string(static_cast<int>(f.rule)) + '/' + std::to_string(static_cast<int>(f.severity)) + '/' + f.message;
    const auto [at, fresh] = first.try_emplace(std::move(key), k);
    if (fresh) continue;
    Finding& kept = findings[at->second];
    if (kept.occurrences.empty()) kept.occurrences.push_back(kept.span);
    kept.occurrences.push_back(f.span);
    drop[k] = any = true;
  }
  if (!any) return;
  std::size_t out = 0;
  for (std::size_t k = 0; k < findings.size(); ++k) {
    if (drop[k]) continue;
    if (!findings[k].occurrences.empty() && rule_info(findings[k].rule).grouped)
      findings[k].message += "（共" + std::to_string(findings[k].occurrences.size()) + "处）";
    if (out != k) findings[out] = std::move(findings[k]);
    ++out;
  }
  findings.resize(out);
}

}  // namespace nianbao
