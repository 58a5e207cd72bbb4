// Fuzz target: the HTML reader (nianbao::html_to_text: libxml2's HTML parser in recovery mode,
// our SAX tree, layout tables, the rendition), with a 1 MiB limit so that the too_large paths are
// reachable. Checks: a rendition is UTF-8 (the reader cleans its input to UTF-8 first) and an
// error has a code the contract names for this reader.
#include "fuzz.hpp"
#include "read/html_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  nianbao::Limits limits;
  limits.max_input_bytes = std::size_t{1} << 20;
  nianbao::Error error{};
  const std::optional<std::string> text = nianbao::html_to_text(fuzz::bytes(data, size), limits, &error);
  if (!text) {
    FUZZ_CHECK(error.code == nianbao::ErrorCode::too_large || error.code == nianbao::ErrorCode::not_text ||
                   error.code == nianbao::ErrorCode::bad_html,
               std::string(nianbao::error_code_name(error.code)));
    FUZZ_CHECK(!error.message.empty(), "an error without a message");
    return 0;
  }
  FUZZ_CHECK(fuzz::valid_utf8(*text), "the rendition is not UTF-8");
  return 0;
}
