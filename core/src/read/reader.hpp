// Readers: each input shape becomes the one document model.
#pragma once
#include "read/document.hpp"
#include "read/normalize.hpp"

namespace nianbao {

/// Plain text: paragraphs, and tables in the pipe-flattened shapes of web-page copies
/// (one cell per line ending in " |" with rows closed by lines of "|", or one row per line
/// "a | b | c | |||").
Document read_text(const NormalizedText& text);

}  // namespace nianbao
