// The 2021 format as a form (draft.hpp form_json): the title pattern, the six sections with
// their mandated headings and, for the sections the writer writes, the topics the format
// requires there (lexicon/content_topics.hpp: the same lists content-required checks), and the
// tables in the official layout (layout.hpp).
#include <string>

#include "draft/layout.hpp"
#include "lexicon/content_topics.hpp"
#include "nianbao/draft.hpp"
#include "output/json_writer.hpp"

namespace nianbao {

namespace {

void words(JsonWriter& w, std::string_view list) {
  w.begin_array(true);
  std::size_t at = 0;
  while (at < list.size()) {
    const std::size_t bar = list.find('|', at);
    const std::string_view word = list.substr(at, bar == std::string_view::npos ? std::string_view::npos : bar - at);
    if (!word.empty()) w.string(word);
    if (bar == std::string_view::npos) break;
    at = bar + 1;
  }
  w.end_array();
}

/// A topic: its name, the words any of which shows it is covered, and (`with`) words one of
/// which must come with them.
void topic(JsonWriter& w, const lexicon::Topic& t) {
  w.begin_object(true).key("name").string(t.name).key("keywords");
  words(w, t.keywords);
  if (!t.more.empty()) { w.key("with"); words(w, t.more); }
  w.end_object();
}

}  // namespace

std::string form_json() {
  JsonWriter w(0, 16384);
  w.begin_object().key("schema").string("nianbao/1").key("form").string("2021");
  w.key("title").string("{agency}{year}年政府信息公开工作年度报告");
  w.key("blank").string(draft::kBlank);  // a blank cell in a row with values
  w.key("sections").begin_array();
  // field: the Draft member a written section is kept in; table: the table a section carries.
  struct SectionDef { std::string_view number, heading, field, table; };
  static constexpr SectionDef kSections[] = {
      {"一", "一、总体情况", "overview", ""},
      {"二", "二、主动公开政府信息情况", "", "T2"},
      {"三", "三、收到和处理政府信息公开申请情况", "", "T3"},
      {"四", "四、政府信息公开行政复议、行政诉讼情况", "", "T4"},
      {"五", "五、存在的主要问题及改进情况", "problems", ""},
      {"六", "六、其他需要报告的事项", "other", ""},
  };
  for (const SectionDef& s : kSections) {
    w.begin_object().key("number").string(s.number).key("heading").string(s.heading);
    if (!s.field.empty()) {
      w.key("field").string(s.field).key("topics").begin_array();
      if (s.field == "overview") for (const auto& t : lexicon::kOverview2021) topic(w, t);
      else if (s.field == "problems") { topic(w, lexicon::kProblems); topic(w, lexicon::kImprovements); }
      else topic(w, lexicon::kInfoFee);
      w.end_array();
      if (s.field == "overview") {  // a government's report also states these (条例 第五十条)
        w.key("government_topics").begin_array();
        for (const auto& t : lexicon::kGovernment2019) topic(w, t);
        w.end_array();
      }
    } else {
      w.key("table").string(s.table);
    }
    w.end_object();
  }
  w.end_array();
  w.key("tables").begin_array();
  for (const draft::Grid& g : draft::grids_2021()) {
    w.begin_object().key("id").string(g.tmpl->id).key("columns").number(g.columns).key("rows").begin_array();
    for (const draft::GridRow& row : g.rows) {
      w.begin_array();
      for (const draft::GridCell& c : row) {
        w.begin_object(true);
        if (c.is_value()) {
          w.key("row").string(c.row).key("col").string(c.col);
          if (c.decimal) w.key("decimal").raw("true");
        } else {
          w.key("text").string(c.text);
          if (c.header) w.key("header").raw("true");
        }
        if (c.rowspan > 1) w.key("rowspan").number(c.rowspan);
        if (c.colspan > 1) w.key("colspan").number(c.colspan);
        w.end_object();
      }
      w.end_array();
    }
    w.end_array().end_object();
  }
  w.end_array().end_object();
  return w.take();
}

}  // namespace nianbao
