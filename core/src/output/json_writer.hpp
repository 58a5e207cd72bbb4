// A small deterministic JSON writer (internal): same bytes natively and in wasm.
#pragma once
#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "nianbao/finding.hpp"
#include "nianbao/span.hpp"

namespace nianbao {

class JsonWriter {
 public:
  /// `expected`: about how many bytes will be written (the buffer is made that size at once;
  /// past it, it doubles).
  explicit JsonWriter(int indent, std::size_t expected = 4096) : indent_(indent) {
    buf_.resize(std::max<std::size_t>(expected, 256));
    first_.reserve(16);
    inline_.reserve(16);
  }

  /// `inline_pretty`: when pretty-printing, keep this object on one line (cells, spans).
  JsonWriter& begin_object(bool inline_pretty = false) { open('{', inline_pretty); return *this; }
  JsonWriter& end_object() { close('}'); return *this; }
  JsonWriter& begin_array(bool inline_pretty = false) { open('[', inline_pretty); return *this; }
  JsonWriter& end_array() { close(']'); return *this; }
  /// A name, as written in the code (ASCII letters, digits and '_': it goes in as it is): "k":
  /// (pretty: "k": ), its size known at compile time, with one check of room and one copy.
  template <std::size_t N>
  JsonWriter& key(const char (&k)[N]) {
    constexpr std::size_t n = N - 1;
    separator();
    const std::size_t total = n + (indent_ > 0 ? 4 : 3);
    if (buf_.size() - size_ < total) grow(total);
    char* out = buf_.data() + size_;
    *out++ = '"';
    std::memcpy(out, k, n);
    out += n;
    *out++ = '"';
    *out++ = ':';
    if (indent_ > 0) *out = ' ';
    size_ += total;
    after_key_ = true;
    return *this;
  }
  JsonWriter& string(std::string_view v) { value_prefix(); string_literal(v); return *this; }
  JsonWriter& raw(std::string_view number_or_literal) { value_prefix(); put(number_or_literal); return *this; }
  JsonWriter& null() { return raw("null"); }
  JsonWriter& number(long long v) {
    value_prefix();
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, v).ptr;  // as std::to_string
    put(std::string_view(digits, static_cast<std::size_t>(end - digits)));
    return *this;
  }

  /// {"start":A,"end":B,"line":C} (spec §9 SPAN): compact output goes in with one check of room.
  JsonWriter& span_object(std::uint32_t start, std::uint32_t end, std::uint32_t line) {
    if (indent_ > 0) {
      begin_object(true).key("start").number(start).key("end").number(end).key("line").number(line);
      return end_object();
    }
    value_prefix();
    constexpr std::size_t kMost = sizeof "{\"start\":,\"end\":,\"line\":}" - 1 + 3 * 10;
    if (buf_.size() - size_ < kMost) grow(kMost);
    char* out = buf_.data() + size_;
    auto text = [&](std::string_view t) { std::memcpy(out, t.data(), t.size()); out += t.size(); };
    auto digits = [&](std::uint32_t v) { out = std::to_chars(out, out + 10, v).ptr; };
    text("{\"start\":");
    digits(start);
    text(",\"end\":");
    digits(end);
    text(",\"line\":");
    digits(line);
    *out++ = '}';
    size_ = static_cast<std::size_t>(out - buf_.data());
    return *this;
  }

  std::string take() {
    buf_.resize(size_);
    size_ = 0;
    return std::move(buf_);
  }

 private:
  // The output is written into buf_[0, size_) (buf_ grows by doubling): bytes and short pieces
  // go in without a call into the string.
  void put(char c) {
    if (size_ == buf_.size()) grow(1);
    buf_[size_++] = c;
  }
  void put(std::string_view s) {
    if (buf_.size() - size_ < s.size()) grow(s.size());
    std::memcpy(buf_.data() + size_, s.data(), s.size());
    size_ += s.size();
  }
  void grow(std::size_t n) { buf_.resize(std::max(buf_.size() * 2, size_ + n)); }

  void open(char c, bool inline_pretty = false) {
    value_prefix();
    put(c);
    first_.push_back(1);
    inline_.push_back(inline_pretty || (!inline_.empty() && inline_.back()) ? 1 : 0);
  }
  void close(char c) {
    const bool empty = first_.back();
    first_.pop_back();
    const bool was_inline = inline_.back();
    inline_.pop_back();
    if (!empty && !was_inline) newline();
    put(c);
  }
  void separator() {
    if (!first_.empty()) {
      const bool first = first_.back();
      first_.back() = 0;
      if (!first) put(',');
      if (inline_.back()) {
        if (!first && indent_ > 0) put(' ');
      } else {
        newline();
      }
    }
  }
  void value_prefix() {
    if (after_key_) { after_key_ = false; return; }
    separator();
  }
  void newline() {
    if (indent_ <= 0) return;
    put('\n');
    const std::size_t n = first_.size() * static_cast<std::size_t>(indent_);
    if (buf_.size() - size_ < n) grow(n);
    std::memset(buf_.data() + size_, ' ', n);
    size_ += n;
  }
  void string_literal(std::string_view s) {
    // The usual case, nothing to escape: the quotes and the bytes go in with one check of room.
    if (buf_.size() - size_ < s.size() + 2) grow(s.size() + 2);
    char* const out = buf_.data() + size_;
    out[0] = '"';
    std::size_t plain = 0;
    // Eight bytes at a time while none of them is a control character, '"' or '\\'.
    for (; plain + 8 <= s.size(); plain += 8) {
      std::uint64_t v;
      std::memcpy(&v, s.data() + plain, 8);
      constexpr std::uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
      const std::uint64_t q = v ^ (ones * '"'), b = v ^ (ones * '\\');
      if (((v - ones * 0x20) | (q - ones) | (b - ones)) & ~v & highs) break;
      std::memcpy(out + 1 + plain, s.data() + plain, 8);
    }
    for (; plain < s.size(); ++plain) {
      const auto c = static_cast<unsigned char>(s[plain]);
      if (c < 0x20 || c == '"' || c == '\\') break;
      out[1 + plain] = s[plain];
    }
    if (plain == s.size()) {
      out[1 + plain] = '"';
      size_ += s.size() + 2;
      return;
    }
    size_ += 1 + plain;  // the quote and s[0, plain); the rest with its escapes below
    for (std::size_t i = plain; i < s.size(); ++i) {
      const auto c = static_cast<unsigned char>(s[i]);
      if (c >= 0x20 && c != '"' && c != '\\') continue;
      put(s.substr(plain, i - plain));
      plain = i + 1;
      switch (c) {
        case '"': put("\\\""); break;
        case '\\': put("\\\\"); break;
        case '\n': put("\\n"); break;
        case '\r': put("\\r"); break;
        case '\t': put("\\t"); break;
        default: {  // the other control characters
          constexpr std::string_view kHex = "0123456789abcdef";
          put("\\u00");
          put(kHex[c >> 4]);
          put(kHex[c & 15]);
        }
      }
    }
    put(s.substr(plain));
    put('"');
  }

  int indent_;
  std::string buf_;
  std::size_t size_ = 0;
  std::vector<unsigned char> first_;   ///< per open object/array: nothing written in it yet
  std::vector<unsigned char> inline_;  ///< per open object/array: kept on one line
  bool after_key_ = false;
};

/// SPAN and finding objects of spec §9 (check.cpp), shared by every JSON the core writes.
void write_span(JsonWriter& w, const Span& s);
void write_finding(JsonWriter& w, const Finding& f);

}  // namespace nianbao
