// 编制 mode (issue 17): a report being written, as data, and what the page needs to lay it out.
// A Draft is the body, the year, the cells of the 2021 format's tables and the text of the
// sections the writer writes (一, 五, 六). The core renders it as the report's text (the title,
// the data period, the six mandated sections, the tables in the official layout, the
// sentences of 三 and 四 whose figures come from the tables, the signature): that text is what
// the checker checks, like any report, and what the markdown export writes. The form (the
// official template's tables with their merged headers, and what each written section must
// cover) is data the page renders; a start from last year's report carries its 结转 and
// 现行有效 over.
#pragma once
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "nianbao/check.hpp"
#include "nianbao/error.hpp"
#include "nianbao/report.hpp"

namespace nianbao {

struct Draft {
  std::string agency;  ///< the body, as its title and signature name it
  int year = 0;        ///< the year reported on (the data year)
  std::string date;    ///< the signature's date as written ("2025年1月20日"); may be empty
  /// The cells entered, as corrections name cells (table "T2" | "T3" | "T4", the template's
  /// row key and column); a null value is a cell left blank. Cells not listed are blank.
  std::vector<CellCorrection> cells;
  std::string overview;  ///< 一、总体情况
  std::string problems;  ///< 五、存在的主要问题及改进情况
  std::string other;     ///< 六、其他需要报告的事项
};

/// {"agency","year","date","cells":[{table,row,col,value}],"overview","problems","other"}; an
/// error (bad_draft) for JSON that is not that, for a cell no 2021 table has or a value its
/// template does not allow, or for a year outside 2021–2100 (the 2021 format's years).
std::variant<Draft, Error> draft_from_json(std::string_view json);
std::string to_json(const Draft& draft);

/// The report's text as markdown (tables as pipe tables). Deterministic: the same draft gives
/// the same bytes.
std::string render_markdown(const Draft& draft);

/// The 2021 format as a form, JSON: the title pattern, the six sections in order with their
/// mandated headings (the written ones with the topics they must cover), and each table as a
/// grid of the official template: header cells (text, rowspan, colspan) and value cells (the
/// template's row key and column), merged cells as the template merges them.
std::string form_json();

/// A start from last year's report (any format the checker reads): the body, year + 1, and
/// for 2021 format tables 上年结转 per column from its 结转下年度继续办理 and 现行有效件数
/// carried forward. `carried` lists the cells so filled; `notes` what could not be carried
/// (a cell not read, no such table), in plain Chinese.
struct DraftStart {
  Draft draft;
  std::vector<CellCorrection> carried;
  std::vector<std::string> notes;
};
DraftStart start_from(const Report& last);
std::string to_json(const DraftStart& start);

/// The 编制 page's one call per change: the draft (JSON) rendered and checked, as
/// {"schema":"nianbao/1","markdown":TEXT,"result":REPORT} (the result's spans point into the
/// markdown's bytes; its input.text is the markdown), or the error JSON of a draft that cannot
/// be read. `file` names it in the result.
std::string check_draft_json(Checker& checker, std::string_view draft_json, std::string_view file = "draft.md");

/// Last year's report (any input the checker reads, with its options) as a start:
/// {"schema":"nianbao/1","draft":…,"carried":[…],"notes":[…]} or the error JSON of the input.
std::string start_from_json(Checker& checker, std::string_view input, const Options& options);

}  // namespace nianbao
