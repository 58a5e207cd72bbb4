#include "read/encoding.hpp"

#include <unicode/ucnv.h>
#include <unicode/unistr.h>

#include "util/utf8.hpp"

namespace nianbao {

std::string_view encoding_name(Encoding e) {
  switch (e) {
    case Encoding::utf8: return "utf-8";
    case Encoding::utf16le: return "utf-16le";
    case Encoding::utf16be: return "utf-16be";
    case Encoding::gb18030: return "gb18030";
  }
  return "utf-8";
}

namespace {

std::size_t invalid_utf8(std::string_view s, std::size_t* chars) {
  std::size_t bad = 0, n = 0;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t len = 0;
    // ASCII and the usual Chinese characters are valid without decoding.
    if (static_cast<unsigned char>(s[i]) < 0x80) len = 1;
    else if (!(len = utf8::plain_three(s, i)) && utf8::decode(s, i, len) == utf8::kReplacement && len == 1) ++bad;
    ++n;
    i += len;
  }
  if (chars) *chars = n;
  return bad;
}

std::string from_utf16(std::string_view b, bool little) {
  std::string out;
  out.reserve(b.size() * 3 / 2);
  for (std::size_t i = 0; i + 1 < b.size(); i += 2) {
    auto unit = [&](std::size_t k) {
      const auto lo = static_cast<unsigned char>(b[k]), hi = static_cast<unsigned char>(b[k + 1]);
      return static_cast<char32_t>(little ? (hi << 8 | lo) : (lo << 8 | hi));
    };
    char32_t c = unit(i);
    if (c >= 0xD800 && c <= 0xDBFF && i + 3 < b.size()) {
      const char32_t d = unit(i + 2);
      if (d >= 0xDC00 && d <= 0xDFFF) {
        c = 0x10000 + ((c - 0xD800) << 10) + (d - 0xDC00);
        i += 2;
      } else {
        c = utf8::kReplacement;
      }
    } else if (c >= 0xD800 && c <= 0xDFFF) {
      c = utf8::kReplacement;
    }
    utf8::append(out, c);
  }
  return out;
}

}  // namespace

std::optional<Decoded> decode_input(std::string_view bytes, Error* error) {
  Decoded d;
  if (bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0xFF && static_cast<unsigned char>(bytes[1]) == 0xFE) {
    d.encoding = Encoding::utf16le;
    d.text = from_utf16(bytes.substr(2), true);
    return d;
  }
  if (bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0xFE && static_cast<unsigned char>(bytes[1]) == 0xFF) {
    d.encoding = Encoding::utf16be;
    d.text = from_utf16(bytes.substr(2), false);
    return d;
  }
  std::size_t chars = 0;
  const std::size_t bad = invalid_utf8(bytes, &chars);
  if (bad == 0 || !(bad * 4 > chars || (bad > 16 && bad * 100 > chars))) {  // UTF-8 (a few stray bytes allowed)
    d.chars = chars;
    d.invalid = bad;
    return d;
  }
  // Not UTF-8: GB18030 (a superset of GBK and GB2312), when every byte decodes.
  UErrorCode status = U_ZERO_ERROR;
#ifdef NIANBAO_HAVE_CONVERTERS
  UConverter* cnv = ucnv_open("gb18030", &status);
#else
  UConverter* cnv = nullptr;  // this build carries no converter data (the page decodes first)
  status = U_UNSUPPORTED_ERROR;
#endif
  if (U_FAILURE(status) || !cnv) {
    if (error)
      *error = {ErrorCode::not_text,
                "输入不是 UTF-8 文本（" + std::to_string(bad) + " 处无效字节）；如为 GBK/GB18030 编码，请先转换为 UTF-8",
                0};
    return std::nullopt;
  }
#ifdef NIANBAO_HAVE_CONVERTERS
  ucnv_setToUCallBack(cnv, UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  icu::UnicodeString u(bytes.data(), static_cast<int32_t>(bytes.size()), cnv, status);
  ucnv_close(cnv);
#else
  icu::UnicodeString u;
#endif
  std::size_t han = 0, other = 0;
  for (int32_t i = 0; U_SUCCESS(status) && i < u.length();) {
    const UChar32 c = u.char32At(i);
    if (utf8::is_han(static_cast<char32_t>(c))) ++han;
    else if (c >= 0x80) ++other;
    i += U16_LENGTH(c);
  }
  // Random bytes decode to rare characters and symbols; real Chinese text is mostly Han.
  if (U_FAILURE(status) || han == 0 || han < other) {
    if (error)
      *error = {ErrorCode::not_text, "输入既不是 UTF-8 也不是 GB18030/GBK 文本，可能是二进制文件", 0};
    return std::nullopt;
  }
  d.encoding = Encoding::gb18030;
  u.toUTF8String(d.text);
  return d;
}

}  // namespace nianbao
