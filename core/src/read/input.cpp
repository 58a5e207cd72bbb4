#include "read/input.hpp"

#include <optional>
#include <string>

#include "read/encoding.hpp"
#include "read/docx_reader.hpp"
#include "read/html_reader.hpp"
#include "read/runs_reader.hpp"
#include "util/utf8.hpp"

namespace nianbao {
namespace {

/// Whether `c` is white space for the screen (nothing to check).
bool screen_blank(char32_t c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == 0x3000 || c == 0xFEFF || c == 0xA0; }

/// Rejects what is not text: NUL bytes, a quarter or more of the characters invalid UTF-8, or
/// more than 1% of them once there are more than a handful. `counted`: the input's characters
/// and invalid bytes when decode_input() counted them already (then the input is not decoded
/// again unless it is rejected for them).
std::optional<Error> screen(std::string_view input, const Decoded* counted = nullptr) {
  if (counted) {
    if (const void* nul = input.empty() ? nullptr : std::memchr(input.data(), 0, input.size()))  // (never inside a character)
      return Error{ErrorCode::not_text, "输入不是文本（含有 NUL 字节，可能是二进制文件）",
                   static_cast<std::size_t>(static_cast<const char*>(nul) - input.data())};
    bool blank = true;
    for (std::size_t i = 0, len = 0; blank && i < input.size(); i += len) blank = screen_blank(utf8::decode(input, i, len));
    if (blank) return Error{ErrorCode::empty_input, "输入为空：没有可检查的内容", 0};
    const std::size_t invalid = counted->invalid, chars = counted->chars;
    if (!(invalid * 4 > chars || (invalid > 16 && invalid * 100 > chars))) return std::nullopt;
    // Rejected: the whole screen below says where the first invalid byte is.
  }
  std::size_t invalid = 0, chars = 0, first_invalid = input.size();
  bool blank = true;
  for (std::size_t i = 0; i < input.size();) {
    const auto b = static_cast<unsigned char>(input[i]);
    if (b == 0) return Error{ErrorCode::not_text, "输入不是文本（含有 NUL 字节，可能是二进制文件）", i};
    if (b < 0x80 && !blank) {  // ASCII after the first visible character: nothing to note
      ++chars;
      ++i;
      continue;
    }
    if (const std::size_t three = blank ? 0 : utf8::plain_three(input, i)) {  // nor a valid Chinese character
      ++chars;
      i += three;
      continue;
    }
    std::size_t len = 0;
    const char32_t cp = utf8::decode(input, i, len);
    if (cp == utf8::kReplacement && len == 1) {
      ++invalid;
      first_invalid = std::min(first_invalid, i);
    }
    if (!screen_blank(cp)) blank = false;
    ++chars;
    i += len;
  }
  if (blank) return Error{ErrorCode::empty_input, "输入为空：没有可检查的内容", 0};
  if (invalid * 4 > chars || (invalid > 16 && invalid * 100 > chars))
    return Error{ErrorCode::not_text, "输入不是 UTF-8 文本（" + std::to_string(invalid) + " 处无效字节），可能是二进制文件或其他编码",
                 first_invalid};
  return std::nullopt;
}

/// `s` with each byte that is not part of valid UTF-8 replaced by U+FFFD; nullopt when `s` is valid.
std::optional<std::string> replace_invalid_utf8(std::string_view s) {
  std::size_t i = 0, len = 0;
  while (i < s.size() && !(utf8::decode(s, i, len) == utf8::kReplacement && len == 1)) i += len;
  if (i == s.size()) return std::nullopt;
  std::string out(s.substr(0, i));
  for (; i < s.size(); i += len) {
    const char32_t c = utf8::decode(s, i, len);
    if (c == utf8::kReplacement && len == 1) out += "\xEF\xBF\xBD"; else out.append(s.substr(i, len));
  }
  return out;
}

/// Each reader says whether the bytes are its format: a zip (DOCX) by its signature, PDF text
/// runs by their header line; everything else is decided after decoding (HTML by its markup).
std::string sniff(std::string_view bytes) {
  if (is_docx(bytes)) return "docx";
  if (is_pdf_runs(bytes)) return "pdf";
  return "auto";
}

}  // namespace

std::variant<InputInfo, Error> read_input(std::string_view bytes, const Options& options) {
  const std::string format = options.format == "auto" ? sniff(bytes) : options.format;
  // A DOCX is mostly pictures; its reader bounds what it inflates and renders itself.
  if (bytes.size() > options.limits.max_input_bytes && format != "docx")
    return Error{ErrorCode::too_large,
                 "输入过大：" + std::to_string(bytes.size()) + " 字节，上限为 " +
                     std::to_string(options.limits.max_input_bytes) + " 字节",
                 options.limits.max_input_bytes};
  InputInfo info;
  Error error{};
  std::string_view input = bytes;
  std::optional<Decoded> counted;  // decode_input's counts, while `input` is the bytes it counted
  if (is_pdf_file(bytes) && format != "docx")
    return Error{ErrorCode::not_text,
                 "输入是 PDF 文件本身：请在网页版中打开（由 pdf.js 提取文字），或先提取其文字（pdftotext -layout）再检查", 0};
  if (format == "pdf") {
    // pdf.js text runs (web/pdf-runs.js): laid out as pdftotext -layout text.
    auto text = runs_to_text(bytes, options.limits, &error);
    if (!text) return error;
    if (utf8::trim(*text).empty())
      return Error{ErrorCode::empty_input, "PDF 中没有可提取的文字（可能是扫描件或图片），无法检查", 0};
    info = {"pdf", "utf-8", std::move(*text)};
    input = *info.text;
  } else if (format == "docx") {
#ifdef NIANBAO_HAVE_DOCX
    auto text = docx_to_text(bytes, options.limits, &error);
    if (!text) return error;
    info = {"docx", "utf-8", std::move(*text)};
    input = *info.text;
#else
    return Error{ErrorCode::not_text, "此版本未包含 DOCX 读取功能", 0};
#endif
  } else {
    std::optional<Decoded> decoded = decode_input(bytes, &error);
    if (!decoded) return error;
    info.encoding = std::string(encoding_name(decoded->encoding));
    if (decoded->encoding != Encoding::utf8) {
      info.text = std::move(decoded->text);
      input = *info.text;
    } else {
      counted = std::move(decoded);
    }
    if (format == "html" || (format == "auto" && is_html(input))) {
#ifdef NIANBAO_HAVE_HTML
      auto text = html_to_text(input, options.limits, &error);
      if (!text) return error;
      info.format = "html";
      info.text = std::move(*text);
      input = *info.text;
      counted.reset();
#else
      return Error{ErrorCode::not_text, "此版本未包含 HTML 读取功能", 0};
#endif
    }
  }
  if (auto e = screen(input, counted ? &*counted : nullptr)) return *e;
  // A rendition (PDF runs, DOCX) keeps the few invalid bytes the screen tolerates; the JSON carries
  // it as input.text, which must be UTF-8: they become U+FFFD before any span is made.
  if (info.text)
    if (auto valid = replace_invalid_utf8(*info.text)) {
      info.text = std::move(*valid);
      input = *info.text;
    }
  return info;
}

}  // namespace nianbao
