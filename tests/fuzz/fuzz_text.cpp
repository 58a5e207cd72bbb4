// Fuzz target: plain text. Decoding (UTF-8, UTF-16, GB18030), normalisation (NFKC,
// Traditional -> Simplified, the SourceMap) and the text reader (nianbao::read_text: paragraphs,
// pipe and layout tables), as Checker::check runs them on text input.
// Checks: the normalised text is UTF-8; every paragraph, table, row and cell span lies in the
// (decoded) input on character boundaries with its line; a paragraph's text is the normalised text
// at its offset.
#include <memory>

#include "fuzz.hpp"
#include "read/encoding.hpp"
#include "read/normalize.hpp"
#include "read/reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::unique_ptr<nianbao::Normalizer> normalizer = nianbao::Normalizer::create(nullptr);
  FUZZ_CHECK(normalizer != nullptr, "Normalizer::create");
  const std::string_view bytes = fuzz::bytes(data, size);
  nianbao::Error error{};
  const std::optional<nianbao::Decoded> decoded = nianbao::decode_input(bytes, &error);
  if (!decoded) return 0;
  const std::string_view input = decoded->encoding == nianbao::Encoding::utf8 ? bytes : std::string_view(decoded->text);
  if (decoded->encoding != nianbao::Encoding::utf8) FUZZ_CHECK(fuzz::valid_utf8(input), "decoded text is not UTF-8");

  const nianbao::NormalizedText nt = normalizer->normalize(input);
  FUZZ_CHECK(fuzz::valid_utf8(nt.text), "normalised text is not UTF-8");
  const nianbao::Document doc = nianbao::read_text(nt);
  const fuzz::Spans spans(input);
  if (nt.first_converted) spans.check(*nt.first_converted, "first converted character");
  for (const nianbao::Block& b : doc.blocks) {
    if (b.kind == nianbao::Block::Kind::paragraph) {
      const nianbao::Paragraph& p = b.paragraph;
      spans.check(p.span, "paragraph");
      FUZZ_CHECK(p.offset <= nt.text.size() && nt.text.compare(p.offset, p.text.size(), p.text) == 0,
                 "paragraph text at offset " + std::to_string(p.offset));
      continue;
    }
    spans.check(b.table.span, "table");
    FUZZ_CHECK(!b.table.rows.empty(), "a table without rows");
    for (const nianbao::Row& r : b.table.rows) {
      spans.check(r.span, "row");
      for (const nianbao::Cell& c : r.cells) spans.check(c.span, "cell");
    }
  }
  return 0;
}
