// Small UTF-8 helpers (internal).
#pragma once
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace nianbao::utf8 {

inline constexpr char32_t kReplacement = 0xFFFD;

/// Decodes one code point at `s[i]`; sets `len` to the bytes consumed (1 for an invalid byte,
/// which decodes to U+FFFD).
inline char32_t decode(std::string_view s, std::size_t i, std::size_t& len) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) { len = 1; return b0; }
  if (b0 >= 0xE0 && b0 <= 0xEF && s.size() - i >= 3) {  // three bytes (Chinese text), as below
    const auto b1 = static_cast<unsigned char>(s[i + 1]), b2 = static_cast<unsigned char>(s[i + 2]);
    if ((b1 & 0xC0) == 0x80 && (b2 & 0xC0) == 0x80) {
      const char32_t cp = static_cast<char32_t>(((b0 & 0x0F) << 12) | ((b1 & 0x3F) << 6) | (b2 & 0x3F));
      len = 1;
      if (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF)) return kReplacement;
      len = 3;
      return cp;
    }
  }
  auto cont = [&](std::size_t k) -> int {
    if (i + k >= s.size()) return -1;
    const auto b = static_cast<unsigned char>(s[i + k]);
    return (b & 0xC0) == 0x80 ? (b & 0x3F) : -1;
  };
  len = 1;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    const int c1 = cont(1);
    if (c1 < 0) return kReplacement;
    len = 2;
    return static_cast<char32_t>(((b0 & 0x1F) << 6) | c1);
  }
  if (b0 >= 0xE0 && b0 <= 0xEF) {
    const int c1 = cont(1), c2 = cont(2);
    if (c1 < 0 || c2 < 0) return kReplacement;
    const char32_t cp = static_cast<char32_t>(((b0 & 0x0F) << 12) | (c1 << 6) | c2);
    if (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF)) return kReplacement;
    len = 3;
    return cp;
  }
  if (b0 >= 0xF0 && b0 <= 0xF4) {
    const int c1 = cont(1), c2 = cont(2), c3 = cont(3);
    if (c1 < 0 || c2 < 0 || c3 < 0) return kReplacement;
    const char32_t cp = static_cast<char32_t>(((b0 & 0x07) << 18) | (c1 << 12) | (c2 << 6) | c3);
    if (cp < 0x10000 || cp > 0x10FFFF) return kReplacement;
    len = 4;
    return cp;
  }
  return kReplacement;
}

/// 3 when s[i] starts a three-byte character that is valid whatever its continuation bytes
/// hold (lead byte E1-EC or EE-EF: U+1000-U+CFFF, U+E000-U+FFFF, nearly all Chinese text), as
/// decode() would read it; 0 when decode() has to decide.
inline std::size_t plain_three(std::string_view s, std::size_t i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0xE1 || b0 > 0xEF || b0 == 0xED || s.size() - i < 3) return 0;
  const auto b1 = static_cast<unsigned char>(s[i + 1]), b2 = static_cast<unsigned char>(s[i + 2]);
  return (b1 & 0xC0) == 0x80 && (b2 & 0xC0) == 0x80 ? 3 : 0;
}

/// The code point of the three-byte character at s[i], when plain_three(s, i) says it is one.
inline char32_t three(std::string_view s, std::size_t i) {
  return static_cast<char32_t>(((static_cast<unsigned char>(s[i]) & 0x0F) << 12) |
                               ((static_cast<unsigned char>(s[i + 1]) & 0x3F) << 6) |
                               (static_cast<unsigned char>(s[i + 2]) & 0x3F));
}

inline void append(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

/// Writes the UTF-8 of `cp` to out[0 .. encoded_length(cp)).
inline void encode(char32_t cp, char* out) {
  if (cp < 0x80) {
    out[0] = static_cast<char>(cp);
  } else if (cp < 0x800) {
    out[0] = static_cast<char>(0xC0 | (cp >> 6));
    out[1] = static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out[0] = static_cast<char>(0xE0 | (cp >> 12));
    out[1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out[2] = static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out[0] = static_cast<char>(0xF0 | (cp >> 18));
    out[1] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out[2] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out[3] = static_cast<char>(0x80 | (cp & 0x3F));
  }
}

inline std::size_t encoded_length(char32_t cp) {
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

/// An ASCII digit 0–9 (after NFKC, full-width digits are these).
inline bool is_digit(char c) { return c >= '0' && c <= '9'; }
/// The same for a code point.
inline bool is_digit_cp(char32_t c) { return c >= U'0' && c <= U'9'; }

/// 一 to 十: the numerals of headings and item numbers ("三、", "（六）").
inline bool is_cjk_numeral(char32_t cp) { return std::u32string_view(U"一二三四五六七八九十").find(cp) != std::u32string_view::npos; }

inline bool is_han(char32_t cp) {
  return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
         (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x3134F);
}

/// a == b, eight bytes at a time (memcmp in wasm compares byte by byte; labels are long and often
/// equal), and at once for two views of the same bytes.
inline bool same(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  if (a.data() == b.data()) return true;
  const std::size_t n = a.size();
  std::size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    std::uint64_t x, y;
    std::memcpy(&x, a.data() + i, 8);
    std::memcpy(&y, b.data() + i, 8);
    if (x != y) return false;
  }
  for (; i < n; ++i)
    if (a[i] != b[i]) return false;
  return true;
}

/// s.find(n, from), quicker on Chinese text: memchr looks for the needle's last byte, then the
/// rest is compared. A Chinese needle's first byte (E4-E9) starts most characters of the text, so
/// a search by it (what s.find does) stops at nearly every character; its last byte, a
/// continuation byte, is met far less often.
inline std::size_t find(std::string_view s, std::string_view n, std::size_t from = 0) {
  constexpr std::size_t npos = std::string_view::npos;
  const std::size_t m = n.size();
  if (from > s.size()) return npos;
  if (m == 0) return from;
  if (s.size() - from < m) return npos;
  const char last = n[m - 1];
  const char* const base = s.data();
  const char* const end = base + s.size();
  for (const char* p = base + from + m - 1; p < end;) {
    const auto* e = static_cast<const char*>(std::memchr(p, last, static_cast<std::size_t>(end - p)));
    if (!e) return npos;
    if (std::memcmp(e + 1 - m, n.data(), m - 1) == 0) return static_cast<std::size_t>(e + 1 - m - base);
    p = e + 1;
  }
  return npos;
}

/// ASCII white space plus U+3000 and NBSP (as UTF-8 prefixes checked by the caller).
inline bool is_ascii_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

/// Trims ASCII white space (NFKC has already turned U+3000 and NBSP into ' ').
inline std::string_view trim(std::string_view s) {
  std::size_t b = 0, e = s.size();
  while (b < e && is_ascii_space(s[b])) ++b;
  while (e > b && is_ascii_space(s[e - 1])) --e;
  return s.substr(b, e - b);
}

}  // namespace nianbao::utf8
