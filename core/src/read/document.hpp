// The document model every reader produces: paragraphs and tables, each piece with its span.
#pragma once
#include <cstddef>
#include <string>
#include <vector>

#include "nianbao/span.hpp"

namespace nianbao {

struct Cell {
  std::string text;  ///< normalised (NFKC, simplified), trimmed
  Span span;         ///< the trimmed cell in the original input
  /// Layout text (pdftotext -layout): the column the cell starts at on its line, so that pieces
  /// of a label wrapped over lines are told from a label printed down another column; counted
  /// in characters (pdftotext) and in display width (a CJK character is two columns wide, as
  /// text aligned for a terminal or an editor has it).
  std::size_t column = 0, wide_column = 0;
};

struct Row {
  std::vector<Cell> cells;
  Span span;
  /// Pipe tables: empty cells after the row's last filled cell when that is a number
  /// (`| 四、结转… | 1 | … | 0 |  |`), left out of `cells` as padding; the matcher may read one as
  /// the row's blank last cell where the row is one short.
  std::size_t trailing_empty = 0;
};

struct Table {
  std::vector<Row> rows;
  Span span;
};

struct Paragraph {
  std::string text;  ///< normalised, trimmed
  Span span;
  std::size_t offset = 0;  ///< where `text` starts in the normalised text (see Document::map)
};

struct Block {
  enum class Kind { paragraph, table };
  Kind kind = Kind::paragraph;
  Paragraph paragraph;  ///< when kind == paragraph
  Table table;          ///< when kind == table
};

class SourceMap;

struct Document {
  std::vector<Block> blocks;
  /// Maps the normalised text (Paragraph::offset + i) to the input; owned by the reader's caller.
  const SourceMap* map = nullptr;
};

}  // namespace nianbao
