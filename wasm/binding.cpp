// The Embind binding: check(input, optionsJson) -> the same JSON as `nianbao check --format json`,
// and a Session that keeps the reports it checked so that the same body's consecutive years can
// be compared (crossYear() -> {"schema":"nianbao/1","cross_year":[…]}, cross_year.hpp); and the
// 编制 calls (draft.hpp): draftForm(), checkDraft(draftJson), draftStart(input, optionsJson).
#include <emscripten/bind.h>

#include <memory>
#include <string>
#include <vector>

#include "nianbao/check.hpp"
#include "nianbao/cross_year.hpp"
#include "nianbao/draft.hpp"
#include "nianbao/options.hpp"
#include "nianbao/rules.hpp"

namespace {

nianbao::Checker* checker(nianbao::Error& init_error) {
  // One checker for the module's lifetime: ICU objects are built once.
  static std::unique_ptr<nianbao::Checker> c = nianbao::Checker::create(&init_error);
  return c.get();
}

/// Checks; on success hands the report to `keep` (when given) and returns its JSON.
std::string run(const std::string& input, const std::string& options_json, std::vector<nianbao::Report>* keep) {
  const nianbao::Options options = nianbao::options_from_json(options_json);
  static nianbao::Error init_error{};
  nianbao::Checker* c = checker(init_error);
  if (!c) return nianbao::to_json(init_error, options.file);
  nianbao::Outcome out = c->check(input, options);
  if (auto* err = std::get_if<nianbao::Error>(&out)) return nianbao::to_json(*err, options.file);
  std::string json = nianbao::to_json(std::get<nianbao::Report>(out));
  if (keep) keep->push_back(std::move(std::get<nianbao::Report>(out)));
  return json;
}

std::string check(const std::string& input, const std::string& options_json) { return run(input, options_json, nullptr); }

std::string draftForm() { return nianbao::form_json(); }

std::string checkDraft(const std::string& draft_json) {
  static nianbao::Error init_error{};
  nianbao::Checker* c = checker(init_error);
  if (!c) return nianbao::to_json(init_error, "draft.md");
  return nianbao::check_draft_json(*c, draft_json);
}

std::string draftStart(const std::string& input, const std::string& options_json) {
  const nianbao::Options options = nianbao::options_from_json(options_json);
  static nianbao::Error init_error{};
  nianbao::Checker* c = checker(init_error);
  if (!c) return nianbao::to_json(init_error, options.file);
  return nianbao::start_from_json(*c, input, options);
}

class Session {
 public:
  /// Like check(); a report (not an error) is kept: the n-th kept one has index n in crossYear().
  std::string check(const std::string& input, const std::string& options_json) { return run(input, options_json, &reports_); }
  std::string crossYear() const {
    std::vector<const nianbao::Report*> all;
    for (const nianbao::Report& r : reports_) all.push_back(&r);
    return nianbao::to_json(nianbao::cross_year(all));
  }
  std::size_t size() const { return reports_.size(); }
  void clear() { reports_.clear(); }

 private:
  std::vector<nianbao::Report> reports_;
};

std::string version() { return std::string(nianbao::version()); }

/// The rule registry (nianbao/rules.hpp): ids, families, severities, names, descriptions.
std::string rules() { return nianbao::rules_json(); }

}  // namespace

EMSCRIPTEN_BINDINGS(nianbao) {
  emscripten::function("check", &check);
  emscripten::function("version", &version);
  emscripten::function("rules", &rules);
  emscripten::function("draftForm", &draftForm);
  emscripten::function("checkDraft", &checkDraft);
  emscripten::function("draftStart", &draftStart);
  emscripten::class_<Session>("Session")
      .constructor<>()
      .function("check", &Session::check)
      .function("crossYear", &Session::crossYear)
      .function("size", &Session::size)
      .function("clear", &Session::clear);
}
