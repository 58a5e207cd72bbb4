// What the public report types do themselves (report.hpp), and the library's version.
#include <algorithm>

#include "nianbao/check.hpp"
#include "util/utf8.hpp"

namespace nianbao {

std::string_view version() { return "0.1.0"; }

const TableCell* ReportTable::find(std::string_view row, std::string_view col) const {
  for (const TableCell& c : cells)
    if (utf8::same(c.row, row) && utf8::same(c.col, col)) return &c;
  return nullptr;
}

std::size_t Report::count(Severity s) const {
  return static_cast<std::size_t>(std::count_if(findings.begin(), findings.end(),
                                                [s](const Finding& f) { return f.severity == s; }));
}

}  // namespace nianbao
