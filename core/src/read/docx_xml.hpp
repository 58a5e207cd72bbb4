// XML helpers shared by the DOCX reader's parts (internal).
#pragma once
#include <optional>
#include <pugixml.hpp>
#include <string>
#include <string_view>

namespace nianbao::docx {

inline constexpr std::string_view kWordNs = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
inline constexpr std::string_view kWordStrictNs = "http://purl.oclc.org/ooxml/wordprocessingml/main";
inline constexpr std::string_view kMcNs = "http://schemas.openxmlformats.org/markup-compatibility/2006";

/// The prefix ("w:", or "" for a default namespace) that `element` binds to one of the URIs.
inline std::optional<std::string> prefix_for(pugi::xml_node element, std::string_view uri1,
                                             std::string_view uri2 = {}) {
  for (pugi::xml_attribute a : element.attributes()) {
    const std::string_view name = a.name(), value = a.value();
    if (value != uri1 && (uri2.empty() || value != uri2)) continue;
    if (name == "xmlns") return std::string();
    if (name.size() > 6 && name.substr(0, 6) == "xmlns:") return std::string(name.substr(6)) + ":";
  }
  return std::nullopt;
}

/// The WordprocessingML prefix of a part's root element (transitional or strict).
inline std::optional<std::string> word_prefix(pugi::xml_node root) { return prefix_for(root, kWordNs, kWordStrictNs); }

/// `name` without `prefix`, or nullopt when it does not carry that prefix.
inline std::optional<std::string_view> strip(const char* name, std::string_view prefix) {
  const std::string_view n = name;
  if (n.size() <= prefix.size() || n.substr(0, prefix.size()) != prefix) return std::nullopt;
  const std::string_view local = n.substr(prefix.size());
  if (local.find(':') != std::string_view::npos) return std::nullopt;
  return local;
}

/// The local part of a qualified name ("w:p" -> "p").
inline std::string_view local_name(const char* name) {
  const std::string_view n = name;
  const std::size_t colon = n.rfind(':');
  return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

/// A decimal integer attribute value (optionally signed); nullopt when malformed or huge.
inline std::optional<int> to_int(const char* s) {
  if (!s || !*s) return std::nullopt;
  const bool negative = *s == '-';
  if (negative) ++s;
  if (!*s) return std::nullopt;
  long long v = 0;
  for (; *s; ++s) {
    if (*s < '0' || *s > '9' || v > 100000000) return std::nullopt;
    v = v * 10 + (*s - '0');
  }
  return static_cast<int>(negative ? -v : v);
}

/// An OOXML on/off value: absent attribute = on; "0", "false", "off" = off.
inline bool on(pugi::xml_attribute a) {
  if (!a) return true;
  const std::string_view v = a.value();
  return !(v == "0" || v == "false" || v == "off");
}

/// Parse options for every part: whitespace-only text is kept only where it is an element's
/// only child (<w:t xml:space="preserve"> </w:t>); DTDs are skipped, never expanded.
inline constexpr unsigned kParseOptions = pugi::parse_default | pugi::parse_ws_pcdata_single;

}  // namespace nianbao::docx
