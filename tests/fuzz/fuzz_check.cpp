// Fuzz target: the whole check (nianbao::Checker::check with format "auto" on arbitrary bytes:
// sniffing, every reader, normalisation, the table matcher and run-together splitter, the rules,
// the narrative), then to_json and to_text of the result, with the product's default limits.
// Checks: the JSON parses (nlohmann-json), is schema nianbao/1 and, for an error, has a code and
// a message; every span anywhere in it (findings, related, cells, sections, figures) lies in the
// text it points into (input.text when the result carries one, else the input bytes), on
// character boundaries, with the line of its start.
#include <nlohmann/json.hpp>

#include <memory>

#include "fuzz.hpp"
#include "nianbao/check.hpp"

namespace {

/// Every {start, end, line} object under `j`; `path` is where `j` is (JSONPath-like, for messages).
void check_spans(const nlohmann::json& j, const fuzz::Spans& spans, std::string& path) {
  const std::size_t depth = path.size();
  if (j.is_object()) {
    if (j.contains("start") && j.contains("end") && j.contains("line")) {
      for (const char* k : {"start", "end", "line"})
        FUZZ_CHECK(j[k].is_number_unsigned() && j[k].get<std::uint64_t>() <= UINT32_MAX, path + "." + k + " = " + j[k].dump());
      spans.check({j["start"].get<std::uint32_t>(), j["end"].get<std::uint32_t>(), j["line"].get<std::uint32_t>()},
                  path.c_str());
      return;
    }
    for (const auto& [k, v] : j.items()) {
      path += '.';
      path += k;
      check_spans(v, spans, path);
      path.resize(depth);
    }
  } else if (j.is_array()) {
    for (std::size_t i = 0; i < j.size(); ++i) {
      path += '[';
      path += std::to_string(i);
      path += ']';
      check_spans(j[i], spans, path);
      path.resize(depth);
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::unique_ptr<nianbao::Checker> checker = nianbao::Checker::create(nullptr);
  FUZZ_CHECK(checker != nullptr, "Checker::create");
  const std::string_view input = fuzz::bytes(data, size);
  nianbao::Options options;
  options.file = "fuzz";
  options.format = "auto";
  const nianbao::Outcome outcome = checker->check(input, options);

  if (const auto* e = std::get_if<nianbao::Error>(&outcome)) {
    const std::string json = nianbao::to_json(*e, options.file);
    const nlohmann::json j = nlohmann::json::parse(json, nullptr, false);
    FUZZ_CHECK(!j.is_discarded(), "error JSON does not parse: " + json);
    FUZZ_CHECK(j.value("schema", "") == "nianbao/1", json);
    FUZZ_CHECK(j["error"]["code"].is_string() && j["error"]["code"] != "unknown", json);
    FUZZ_CHECK(!e->message.empty(), json);
    return 0;
  }
  const nianbao::Report& report = std::get<nianbao::Report>(outcome);
  const std::string json = nianbao::to_json(report);
  const nlohmann::json j = nlohmann::json::parse(json, nullptr, false);
  FUZZ_CHECK(!j.is_discarded(), "report JSON does not parse (" + std::to_string(json.size()) + " bytes)");
  FUZZ_CHECK(j.value("schema", "") == "nianbao/1" && j.value("file", "") == "fuzz", "schema/file");
  FUZZ_CHECK(j["findings"].is_array() && j["tables"].is_array() && j["stats"].is_object(), "report shape");
  const fuzz::Spans spans(report.input.text ? std::string_view(*report.input.text) : input);
  std::string path = "$";
  check_spans(j, spans, path);
  FUZZ_CHECK(!nianbao::to_text(report).empty(), "to_text");
  (void)nianbao::to_json(report, 2);
  return 0;
}
