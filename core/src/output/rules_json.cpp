// The rule registry as JSON (rules.hpp): what the binding's rules() returns and `nianbao rules`
// prints, for the page's names and docs/rules.md.
#include "nianbao/rules.hpp"

#include <string>

#include "output/json_writer.hpp"

namespace nianbao {

std::string rules_json(int indent) {
  JsonWriter w(indent, 8192);
  w.begin_object().key("schema").string("nianbao/1").key("rules").begin_array();
  for (const RuleInfo& r : rules()) {
    w.begin_object().key("id").string(r.id).key("family").string(r.family).key("severity").string(severity_name(r.severity));
    w.key("name").begin_object(true).key("zh_CN").string(r.name_zh).key("en").string(r.name_en).end_object();
    if (!r.description.empty()) w.key("description").string(r.description);  // (not in the wasm build)
    w.key("spec").string(r.spec).end_object();
  }
  w.end_array().end_object();
  return w.take();
}

}  // namespace nianbao
