// The Embind binding: check(text, optionsJson) -> the same JSON as `nianbao check --format json`.
#include <emscripten/bind.h>

#include <memory>
#include <string>

#include "nianbao/check.hpp"
#include "nianbao/options.hpp"

namespace {

std::string check(const std::string& text, const std::string& options_json) {
  const nianbao::Options options = nianbao::options_from_json(options_json);
  // One checker for the module's lifetime: ICU objects are built once.
  static nianbao::Error init_error{};
  static std::unique_ptr<nianbao::Checker> checker = nianbao::Checker::create(&init_error);
  if (!checker) return nianbao::to_json(init_error, options.file);
  nianbao::Outcome out = checker->check(text, options);
  if (auto* err = std::get_if<nianbao::Error>(&out)) return nianbao::to_json(*err, options.file);
  return nianbao::to_json(std::get<nianbao::Report>(out));
}

std::string version() { return std::string(nianbao::version()); }

}  // namespace

EMSCRIPTEN_BINDINGS(nianbao) {
  emscripten::function("check", &check);
  emscripten::function("version", &version);
}
