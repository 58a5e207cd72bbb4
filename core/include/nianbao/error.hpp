// The error type: a code, a message for people (Chinese), and a byte position in the input.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace nianbao {

enum class ErrorCode {
  empty_input,      ///< nothing but white space
  too_large,        ///< over Limits::max_input_bytes
  not_text,         ///< binary data (NUL bytes or mostly invalid UTF-8)
  icu_unavailable,  ///< the ICU data could not be loaded
  io_error,         ///< the CLI could not read a file
  bad_docx,         ///< not a readable .docx (not a ZIP, corrupt, encrypted, no word/document.xml)
  bad_html,         ///< the HTML parser could not run or stopped early (malformed HTML is still read)
  bad_runs,         ///< PDF text runs (docs/contracts.md) without their header line or with a malformed line
  bad_cells,        ///< a cell correction (Options::cells) that names no cell of the report's tables
  bad_draft,        ///< a draft (draft.hpp) that is not the JSON a draft is, or a year the 2021 format does not have
};

/// Stable machine name of a code ("empty_input", ...).
std::string_view error_code_name(ErrorCode code);

struct Error {
  ErrorCode code;
  std::string message;
  std::size_t position = 0;  ///< byte offset in the input where the problem was seen
};

}  // namespace nianbao
