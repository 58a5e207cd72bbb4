// A small deterministic JSON writer (internal): same bytes natively and in wasm.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "nianbao/finding.hpp"
#include "nianbao/span.hpp"

namespace nianbao {

class JsonWriter {
 public:
  explicit JsonWriter(int indent) : indent_(indent) {}

  /// `inline_pretty`: when pretty-printing, keep this object on one line (cells, spans).
  JsonWriter& begin_object(bool inline_pretty = false) { open('{', inline_pretty); return *this; }
  JsonWriter& end_object() { close('}'); return *this; }
  JsonWriter& begin_array() { open('['); return *this; }
  JsonWriter& end_array() { close(']'); return *this; }
  JsonWriter& key(std::string_view k) {
    separator();
    string_literal(k);
    out_ += indent_ > 0 ? ": " : ":";
    after_key_ = true;
    return *this;
  }
  JsonWriter& string(std::string_view v) { value_prefix(); string_literal(v); return *this; }
  JsonWriter& raw(std::string_view number_or_literal) { value_prefix(); out_ += number_or_literal; return *this; }
  JsonWriter& null() { return raw("null"); }
  JsonWriter& number(long long v) { return raw(std::to_string(v)); }

  std::string take() { return std::move(out_); }

 private:
  void open(char c, bool inline_pretty = false) {
    value_prefix();
    out_ += c;
    first_.push_back(true);
    inline_.push_back(inline_pretty || (!inline_.empty() && inline_.back()));
  }
  void close(char c) {
    const bool empty = first_.back();
    first_.pop_back();
    const bool was_inline = inline_.back();
    inline_.pop_back();
    if (!empty && !was_inline) newline();
    out_ += c;
  }
  void separator() {
    if (!first_.empty()) {
      const bool first = first_.back();
      first_.back() = false;
      if (!first) out_ += ',';
      if (inline_.back()) {
        if (!first && indent_ > 0) out_ += ' ';
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
    out_ += '\n';
    out_.append(first_.size() * static_cast<std::size_t>(indent_), ' ');
  }
  void string_literal(std::string_view s) {
    out_ += '"';
    for (const char ch : s) {
      const auto c = static_cast<unsigned char>(ch);
      switch (c) {
        case '"': out_ += "\\\""; break;
        case '\\': out_ += "\\\\"; break;
        case '\n': out_ += "\\n"; break;
        case '\r': out_ += "\\r"; break;
        case '\t': out_ += "\\t"; break;
        default:
          if (c < 0x20) {
            static const char* hex = "0123456789abcdef";
            out_ += "\\u00";
            out_ += hex[c >> 4];
            out_ += hex[c & 15];
          } else {
            out_ += ch;
          }
      }
    }
    out_ += '"';
  }

  int indent_;
  std::string out_;
  std::vector<bool> first_;
  std::vector<bool> inline_;
  bool after_key_ = false;
};

/// SPAN and finding objects of spec §9 (check.cpp), shared by every JSON the core writes.
void write_span(JsonWriter& w, const Span& s);
void write_finding(JsonWriter& w, const Finding& f);

}  // namespace nianbao
