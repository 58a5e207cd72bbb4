#include "nianbao/options.hpp"

#include <cstdint>
#include <string>

#include "util/json_scan.hpp"

namespace nianbao {

Options options_from_json(std::string_view json) {
  Options o;
  JsonScanner sc(json);
  if (!sc.eat('{')) return o;
  if (sc.eat('}')) return o;
  do {
    std::string key;
    if (!sc.string(key) || !sc.eat(':')) return o;
    if (key == "file") {
      std::string v;
      if (!sc.string(v)) return o;
      o.file = std::move(v);
    } else if (key == "format") {
      std::string v;
      if (!sc.string(v)) return o;
      if (v == "auto" || v == "text" || v == "html" || v == "docx" || v == "pdf") o.format = std::move(v);
    } else if (key == "max_input_bytes") {
      std::uint64_t n = 0;
      if (!sc.number(n)) return o;
      if (n > 0) o.limits.max_input_bytes = static_cast<std::size_t>(n);
    } else if (key == "cells") {
      std::vector<CellCorrection> cells;
      if (!sc.cells(cells)) return o;
      o.cells = std::move(cells);
    } else if (!sc.skip()) {
      return o;
    }
  } while (sc.eat(','));
  return o;
}

std::optional<std::vector<CellCorrection>> cells_from_json(std::string_view json) {
  JsonScanner sc(json);
  std::vector<CellCorrection> out;
  if (!sc.cells(out) || !sc.at_end()) return std::nullopt;
  return out;
}

}  // namespace nianbao
