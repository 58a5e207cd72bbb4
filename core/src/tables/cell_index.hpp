// The cells of a matched table by row and column (internal): what ReportTable::find answers, by
// a hash table instead of a pass over every cell (the table rules look up many).
#pragma once
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <utility>
#include <vector>

#include "nianbao/report.hpp"
#include "util/utf8.hpp"

namespace nianbao {

/// A quick hash of a cell's row and column: their lengths and their first and last eight bytes
/// (labels that share a beginning differ at the end: "（四）无法提供/1.…", "（四）无法提供/2.…").
inline std::size_t cell_hash(std::string_view row, std::string_view col) {
  auto ends = [](std::string_view s) {
    std::uint64_t head = 0, tail = 0;
    if (s.size() >= 8) {  // (copies of a known size: loads, not calls of memcpy)
      std::memcpy(&head, s.data(), 8);
      std::memcpy(&tail, s.data() + s.size() - 8, 8);
    } else {  // (the bytes as memcpy would place them: little-endian)
      for (std::size_t i = 0; i < s.size(); ++i) head |= std::uint64_t{static_cast<unsigned char>(s[i])} << (8 * i);
      tail = head;
    }
    return head ^ (tail << 1 | tail >> 63) ^ s.size();
  };
  auto mix = [](std::uint64_t x) {
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdull;
    return x ^ (x >> 29);
  };
  return static_cast<std::size_t>(mix(mix(ends(row)) ^ ends(col)));
}

/// cell_hash of a (row, column) pair, for hash maps keyed by cell.
struct CellHash {
  std::size_t operator()(const std::pair<std::string_view, std::string_view>& c) const { return cell_hash(c.first, c.second); }
};

class CellIndex {
 public:
  explicit CellIndex(const ReportTable& t) : table_(&t) {
    std::size_t size = 16;
    while (size < t.cells.size() * 2) size *= 2;  // at most half full
    slots_.assign(size, nullptr);
    for (const TableCell& c : t.cells)
      for (std::size_t i = cell_hash(c.row, c.col) & (size - 1);; i = (i + 1) & (size - 1)) {
        if (!slots_[i]) { slots_[i] = &c; break; }
        if (utf8::same(slots_[i]->row, c.row) && utf8::same(slots_[i]->col, c.col)) break;  // the first cell stays, as in find()
      }
  }
  const ReportTable& table() const { return *table_; }
  /// The first cell of `row` and `col`, as ReportTable::find.
  const TableCell* find(std::string_view row, std::string_view col) const {
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = cell_hash(row, col) & mask;; i = (i + 1) & mask) {
      const TableCell* c = slots_[i];
      if (!c || (utf8::same(c->row, row) && utf8::same(c->col, col))) return c;
    }
  }

 private:
  const ReportTable* table_;
  std::vector<const TableCell*> slots_;
};

}  // namespace nianbao
