// Figures the running text states about table quantities (internal): "共公开各类信息8359条",
// "行政复议数量为1件", "制发行政规范性文件3件，废止1件", "747名公务员参加了培训", and statements
// that there were none ("无依申请公开案例", "所有申请均已办结"). Which words name which cell is
// data (text_figures.cpp); the text-table rule compares them with the tables, and the
// run-together splitter uses them to settle splits.
#pragma once
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "nianbao/decimal.hpp"
#include "read/document.hpp"
#include "tables/templates.hpp"

namespace nianbao {

struct StatedCell {
  const TableTemplate* tmpl = nullptr;
  std::string_view row;  ///< row key, or a group "（三）不予公开/" whose rows are summed
  std::string_view col;  ///< column label, or "法人或其他组织" (its five columns summed)
  Decimal value;
  const Paragraph* para = nullptr;
  std::size_t start = 0, end = 0;  ///< the figure (or the statement) in para->text
  std::size_t from = 0, to = 0;    ///< the words naming it with the figure ("747名公务员参加了培训")
  /// same: the text speaks of what the table counts; part: of a part of the body (各乡镇、
  /// 市直各部门…: at most the table's figure); other: for another body (代表…受理).
  enum class Scope { same, part, other } scope = Scope::same;
  bool none = false;  ///< "无…", "均已办结": the text says the quantity is zero
};

/// The figures the paragraphs state for cells of the templates of `format`.
std::vector<StatedCell> stated_cells(std::span<const Paragraph* const> paras, Format format);

/// The body's total of proactively published information as the text states it
/// ("全年主动公开政府信息1268条"): the first such figure about the whole body. The 2019 and 2021
/// tables do not hold it.
struct StatedTotal {
  Decimal value;
  const Paragraph* para = nullptr;
  std::size_t start = 0, end = 0;
};
std::optional<StatedTotal> stated_published_total(std::span<const Paragraph* const> paras);

/// A group key "（三）不予公开/" stands for the rows under it: "不予公开3件" is their sum.
bool is_group_key(std::string_view row);

struct ReportTable;
struct TableCell;

/// The table's value for a row key or group and a column (or "法人或其他组织"), summed over the
/// cells it stands for; nothing when any of them is missing or blank. `cells` receives them.
std::optional<Decimal> table_value(const ReportTable& t, std::string_view row, std::string_view col,
                                   std::vector<const TableCell*>* cells = nullptr);

}  // namespace nianbao
