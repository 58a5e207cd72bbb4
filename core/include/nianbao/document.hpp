// The document model every reader produces: paragraphs and tables, each piece with its span.
#pragma once
#include <string>
#include <vector>

#include "nianbao/span.hpp"

namespace nianbao {

struct Cell {
  std::string text;  ///< normalised (NFKC, simplified), trimmed
  Span span;         ///< the trimmed cell in the original input
};

struct Row {
  std::vector<Cell> cells;
  Span span;
};

struct Table {
  std::vector<Row> rows;
  Span span;
};

struct Paragraph {
  std::string text;  ///< normalised, trimmed
  Span span;
};

struct Block {
  enum class Kind { paragraph, table };
  Kind kind = Kind::paragraph;
  Paragraph paragraph;  ///< when kind == paragraph
  Table table;          ///< when kind == table
};

struct Document {
  std::vector<Block> blocks;
};

}  // namespace nianbao
