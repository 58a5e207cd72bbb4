// The calls the 编制 page (and `nianbao draft`) make (draft.hpp): a draft checked as the text it
// renders to, and a start read from last year's report. JSON in, JSON out, errors as data.
#include <string>

#include "nianbao/draft.hpp"
#include "output/json_writer.hpp"

namespace nianbao {

std::string check_draft_json(Checker& checker, std::string_view draft_json, std::string_view file) {
  auto parsed = draft_from_json(draft_json);
  if (auto* e = std::get_if<Error>(&parsed)) return to_json(*e, file);
  const std::string markdown = render_markdown(std::get<Draft>(parsed));
  Options options;
  options.file = std::string(file);
  options.format = "text";
  Outcome out = checker.check(markdown, options);
  if (auto* e = std::get_if<Error>(&out)) return to_json(*e, file);
  // (The result has no input.text: its spans point into the bytes it was given, the markdown.)
  JsonWriter w(0, markdown.size() + 64);
  w.begin_object().key("schema").string("nianbao/1").key("markdown").string(markdown).key("result").raw(to_json(std::get<Report>(out)));
  w.end_object();
  std::string json = w.take();
  return json;
}

std::string start_from_json(Checker& checker, std::string_view input, const Options& options) {
  Outcome out = checker.check(input, options);
  if (auto* e = std::get_if<Error>(&out)) return to_json(*e, options.file);
  return to_json(start_from(std::get<Report>(out)));
}

}  // namespace nianbao
