// Fuzz target: PDF text runs (nianbao::runs_to_text, core/include/nianbao/runs_reader.hpp: the
// payload parser, line grouping, column anchors, wrapped cells, the layout), with a 1 MiB limit
// so that the too_large paths (payload and rendition) are reachable.
// Checks: a rendition is never over the limit; an error is bad_runs or too_large with a message.
#include "fuzz.hpp"
#include "read/runs_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  nianbao::Limits limits;
  limits.max_input_bytes = std::size_t{1} << 20;
  nianbao::Error error{};
  const std::string_view payload = fuzz::bytes(data, size);
  const std::optional<std::string> text = nianbao::runs_to_text(payload, limits, &error);
  if (!text) {
    FUZZ_CHECK(error.code == nianbao::ErrorCode::bad_runs || error.code == nianbao::ErrorCode::too_large,
               std::string(nianbao::error_code_name(error.code)));
    FUZZ_CHECK(!error.message.empty(), "an error without a message");
    if (error.code == nianbao::ErrorCode::bad_runs)
      FUZZ_CHECK(error.position <= payload.size(), "bad_runs at " + std::to_string(error.position));
    return 0;
  }
  FUZZ_CHECK(text->size() <= limits.max_input_bytes, "rendition of " + std::to_string(text->size()) + " bytes");
  return 0;
}
