// The HTML reader's format test (html_reader.hpp): markup by its first tag, or clipboard HTML by
// its header. Built also without the HTML reader (libxml2), so that the checker can tell HTML
// from text and say that the reader is missing.
#include "read/html_reader.hpp"

#include <cctype>

#include "util/utf8.hpp"

namespace nianbao {

namespace {

bool istarts(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(s[i])) != prefix[i]) return false;
  return true;
}

}  // namespace

/// Markup: the text starts (after a BOM and white space) with a tag the reports' pages use, or
/// is clipboard HTML with its "Version:… StartHTML:" header.
bool is_html(std::string_view t) {
  if (t.substr(0, 3) == "\xEF\xBB\xBF") t.remove_prefix(3);
  while (!t.empty() && utf8::is_ascii_space(t.front())) t.remove_prefix(1);
  if (istarts(t, "version:") && t.substr(0, 300).find("StartHTML:") != std::string_view::npos) return true;
  if (t.empty() || t.front() != '<') return false;
  for (std::string_view tag : {"<!doctype html", "<html", "<head", "<body", "<meta", "<table", "<div", "<p>", "<p ",
                               "<span", "<h1", "<h2", "<h3", "<style", "<title", "<!--", "<tr", "<td", "<font", "<br"})
    if (istarts(t, tag)) return true;
  return false;
}

}  // namespace nianbao

