// Fuzz target: the DOCX reader (nianbao::docx_to_text: our ZIP reader, zlib's inflate, pugixml,
// numbering and styles, the rendition), with a 1 MiB rendition limit.
// Two kinds of input, so that mutations reach the XML as well as the container:
//  - bytes starting with "PK" are a whole .docx (the container itself is fuzzed);
//  - anything else is the XML of a document, split at NUL bytes into word/document.xml,
//    word/numbering.xml and word/styles.xml, which this target packs into a stored ZIP with
//    correct CRCs and the relationships that point at the last two (tests/fuzz/seeds.mjs makes
//    such seeds from the .docx fixtures).
// Checks: a rendition is never over the limit; an error has a code the contract names
// (bad_docx, too_large, empty_input) and a message.
#include <zlib.h>

#include <vector>

#include "fuzz.hpp"
#include "read/docx_reader.hpp"

namespace {

void put16(std::string& out, unsigned v) {
  out += static_cast<char>(v & 0xFF);
  out += static_cast<char>((v >> 8) & 0xFF);
}
void put32(std::string& out, std::uint32_t v) {
  put16(out, v & 0xFFFF);
  put16(out, v >> 16);
}

/// A ZIP of stored entries.
std::string stored_zip(const std::vector<std::pair<std::string, std::string_view>>& parts) {
  std::string zip, central;
  for (const auto& [name, data] : parts) {
    const auto crc = static_cast<std::uint32_t>(
        crc32(0, reinterpret_cast<const Bytef*>(data.data()), static_cast<uInt>(data.size())));
    const auto size = static_cast<std::uint32_t>(data.size());
    const auto offset = static_cast<std::uint32_t>(zip.size());
    put32(zip, 0x04034b50);
    put16(zip, 20), put16(zip, 0), put16(zip, 0), put16(zip, 0), put16(zip, 0x21);  // version, flags, stored, time, date
    put32(zip, crc), put32(zip, size), put32(zip, size);
    put16(zip, static_cast<unsigned>(name.size())), put16(zip, 0);
    zip += name;
    zip.append(data);
    put32(central, 0x02014b50);
    put16(central, 20), put16(central, 20), put16(central, 0), put16(central, 0), put16(central, 0), put16(central, 0x21);
    put32(central, crc), put32(central, size), put32(central, size);
    put16(central, static_cast<unsigned>(name.size())), put16(central, 0), put16(central, 0);  // name, extra, comment
    put16(central, 0), put16(central, 0), put32(central, 0);                                    // disk, attributes
    put32(central, offset);
    central += name;
  }
  const auto directory = static_cast<std::uint32_t>(zip.size());
  zip += central;
  put32(zip, 0x06054b50);
  put16(zip, 0), put16(zip, 0), put16(zip, static_cast<unsigned>(parts.size())), put16(zip, static_cast<unsigned>(parts.size()));
  put32(zip, static_cast<std::uint32_t>(central.size())), put32(zip, directory), put16(zip, 0);
  return zip;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  nianbao::Limits limits;
  limits.max_input_bytes = std::size_t{1} << 20;
  const std::string_view input = fuzz::bytes(data, size);
  std::string packed;
  if (input.substr(0, 2) != "PK") {
    // document.xml [NUL numbering.xml [NUL styles.xml]]
    std::vector<std::string_view> xml;
    std::string_view rest = input;
    for (std::size_t nul; xml.size() < 2 && (nul = rest.find('\0')) != std::string_view::npos;) {
      xml.push_back(rest.substr(0, nul));
      rest.remove_prefix(nul + 1);
    }
    xml.push_back(rest);
    std::string rels =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships "
        "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">";
    if (xml.size() > 1)
      rels += "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
              "numbering\" Target=\"numbering.xml\"/>";
    if (xml.size() > 2)
      rels += "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
              "styles\" Target=\"styles.xml\"/>";
    rels += "</Relationships>";
    std::vector<std::pair<std::string, std::string_view>> parts{{"word/document.xml", xml[0]},
                                                                {"word/_rels/document.xml.rels", rels}};
    if (xml.size() > 1) parts.emplace_back("word/numbering.xml", xml[1]);
    if (xml.size() > 2) parts.emplace_back("word/styles.xml", xml[2]);
    packed = stored_zip(parts);
  }
  const std::string_view bytes = packed.empty() ? input : std::string_view(packed);
  nianbao::Error error{};
  const std::optional<std::string> text = nianbao::docx_to_text(bytes, limits, &error);
  if (!text) {
    FUZZ_CHECK(error.code == nianbao::ErrorCode::bad_docx || error.code == nianbao::ErrorCode::too_large ||
                   error.code == nianbao::ErrorCode::empty_input,
               std::string(nianbao::error_code_name(error.code)));
    FUZZ_CHECK(!error.message.empty(), "an error without a message");
    return 0;
  }
  FUZZ_CHECK(text->size() <= limits.max_input_bytes, "rendition of " + std::to_string(text->size()) + " bytes");
  return 0;
}
