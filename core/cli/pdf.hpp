// The CLI's PDF input (docs/pdf.md): a PDF file is turned into the text runs payload
// (docs/contracts.md, "PDF text runs") by the page's own code, pdf.js + web/pdf-runs.js, run
// under node by core/cli/pdf-runs.mjs; the payload is then checked with format "pdf", as the page
// checks it. The core itself spawns nothing and parses no PDF.
#pragma once
#include <string>
#include <string_view>

namespace nianbao::cli {

/// Whether `bytes` is a PDF file (it starts with "%PDF-", as the core's refusal tests).
bool is_pdf(std::string_view bytes);

/// Runs the helper on `pdf` and puts its runs payload into `runs`. On failure returns false and
/// sets `why` to a message for the user (node or pdfjs-dist missing, a damaged or encrypted PDF).
/// The helper is found at $NIANBAO_PDF_HELPER, else in the source tree the CLI was built from,
/// else relative to the executable (../../core/cli/pdf-runs.mjs from build/native/nianbao);
/// node is $NIANBAO_NODE, else `node` on PATH. Thread-safe (--jobs).
bool pdf_to_runs(std::string_view pdf, std::string& runs, std::string& why);

}  // namespace nianbao::cli
