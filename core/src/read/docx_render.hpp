// The DOCX reader, internal: the rendition of word/document.xml (docx_render.cpp), which the
// entry point (docx_reader.cpp) calls once it has found and parsed the part.
#pragma once
#include <cstddef>
#include <pugixml.hpp>
#include <string>

#include "read/docx_numbering.hpp"

namespace nianbao::docx {

struct Rendition {
  std::string text;
  bool too_deep = false;  ///< nested deeper than docx_limits::kMaxDepth: no rendition
  bool too_long = false;  ///< the text over its cap: no rendition
};

/// The rendition of the main document part whose document element is `root` (paragraphs as
/// lines, tables as `| a | b |` rows, list numbers written out); `w` and `mc` are the part's
/// WordprocessingML and markup-compatibility prefixes, `max_out` the longest rendition.
Rendition render(pugi::xml_node root, std::string w, std::string mc, Numbering numbering, std::size_t max_out);

}  // namespace nianbao::docx
