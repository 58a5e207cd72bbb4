// The result as text for people: one line per finding, then the counts.
#include <string>

#include "nianbao/check.hpp"

namespace nianbao {

std::string to_text(const Report& r) {
  std::string out;
  const std::string& file = r.file.empty() ? std::string("-") : r.file;
  for (const Finding& f : r.findings) {
    const char* sev = f.severity == Severity::error ? "错误" : f.severity == Severity::warning ? "警告" : "提示";
    out += file + ":" + std::to_string(f.span.line) + ": " + sev + " [" + std::string(rule_id(f.rule)) + "] " + f.message + "\n";
  }
  out += file + ": " + std::to_string(r.count(Severity::error)) + " 个错误，" +
         std::to_string(r.count(Severity::warning)) + " 个警告，" + std::to_string(r.count(Severity::info)) +
         " 个提示（格式：" + std::string(format_name(r.meta.format)) + "）\n";
  return out;
}

}  // namespace nianbao
