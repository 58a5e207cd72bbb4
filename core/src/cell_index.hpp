// The cells of a matched table by row and column (internal): what ReportTable::find answers, by
// binary search instead of a pass over every cell (the table rules look up many).
#pragma once
#include <algorithm>
#include <string_view>
#include <utility>
#include <vector>

#include "nianbao/report.hpp"

namespace nianbao {

class CellIndex {
 public:
  explicit CellIndex(const ReportTable& t) : table_(&t) {
    cells_.reserve(t.cells.size());
    for (const TableCell& c : t.cells) cells_.push_back(&c);
    // Stable: of two cells with the same row and column the first stays first, as in find().
    std::stable_sort(cells_.begin(), cells_.end(), [](const TableCell* a, const TableCell* b) { return less(*a, b->row, b->col); });
  }
  const ReportTable& table() const { return *table_; }
  /// The first cell of `row` and `col`, as ReportTable::find.
  const TableCell* find(std::string_view row, std::string_view col) const {
    const auto it = std::lower_bound(cells_.begin(), cells_.end(), std::pair(row, col),
                                     [](const TableCell* c, const auto& key) { return less(*c, key.first, key.second); });
    return it != cells_.end() && (*it)->row == row && (*it)->col == col ? *it : nullptr;
  }

 private:
  static bool less(const TableCell& c, std::string_view row, std::string_view col) {
    const int r = std::string_view(c.row).compare(row);
    return r < 0 || (r == 0 && std::string_view(c.col) < col);
  }
  const ReportTable* table_;
  std::vector<const TableCell*> cells_;
};

}  // namespace nianbao
