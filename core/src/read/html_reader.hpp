// The HTML reader: a saved web page or clipboard HTML -> the plain-text rendition that the text
// pipeline reads (docs/contracts.md, "Readers for structured input"; details in docs/html.md).
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "nianbao/limits.hpp"
#include "nianbao/error.hpp"

namespace nianbao {

/// Parses `html` (UTF-8; any charset the document declares is ignored) with libxml2's HTML
/// parser in recovery mode and renders it as text: one line per paragraph or other block,
/// one `| cell | cell |` line per table row, an empty line after each table; invisible content
/// (script, style, head, comments, `hidden`, `display:none`) left out.
///
/// Malformed markup still gives a rendition. Returns nullopt and fills `*error` (when not null)
/// only for input over `limits.max_input_bytes` (too_large), binary data (not_text) or a parser
/// that could not run or had to stop early (bad_html). An empty or all-invisible page gives "".
/// The format test of this reader, on the decoded input text: markup (after a BOM and white
/// space, a tag the reports' pages use) or clipboard HTML ("Version:… StartHTML:"). Defined in
/// html_sniff.cpp, which every build has (the reader itself needs libxml2).
bool is_html(std::string_view text);

std::optional<std::string> html_to_text(std::string_view html, const Limits& limits, Error* error);

}  // namespace nianbao
