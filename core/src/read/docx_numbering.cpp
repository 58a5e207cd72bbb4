#include "read/docx_numbering.hpp"

#include <cstring>
#include <string>

#include "read/docx_xml.hpp"

namespace nianbao::docx {

namespace {

void append_utf8(std::string& s, char32_t c) {
  if (c < 0x80) {
    s += static_cast<char>(c);
  } else if (c < 0x800) {
    s += static_cast<char>(0xC0 | (c >> 6));
    s += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    s += static_cast<char>(0xE0 | (c >> 12));
    s += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    s += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    s += static_cast<char>(0xF0 | (c >> 18));
    s += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    s += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    s += static_cast<char>(0x80 | (c & 0x3F));
  }
}

/// 1..99999 in Chinese numerals with 十/百/千/万 (digits from `d`, units from `u`).
std::string chinese(int n, const char* const* d, const char* const* u) {
  if (n <= 0 || n > 99999) return std::to_string(n);
  std::string s;
  const int units[] = {10000, 1000, 100, 10, 1};
  bool zero = false, started = false;
  for (int i = 0; i < 5; ++i) {
    const int digit = (n / units[i]) % 10;
    if (digit == 0) {
      if (started) zero = true;
      continue;
    }
    if (zero) s += d[0];
    zero = false;
    // 10..19 read 十, 十一, ... (not 一十).
    if (!(i == 3 && digit == 1 && !started)) s += d[digit];
    if (i < 4) s += u[i];
    started = true;
  }
  return s;
}

std::string letters(int n, char a) {
  if (n <= 0 || n > 26 * 8) return std::to_string(n);  // Word writes "aaaaaaaa" at most here
  const int repeat = (n - 1) / 26 + 1;
  return std::string(static_cast<std::size_t>(repeat), static_cast<char>(a + (n - 1) % 26));
}

std::string roman(int n, bool upper) {
  if (n <= 0 || n >= 4000) return std::to_string(n);
  static const int v[] = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};
  static const char* r[] = {"m", "cm", "d", "cd", "c", "xc", "l", "xl", "x", "ix", "v", "iv", "i"};
  std::string s;
  for (int i = 0; i < 13; ++i)
    while (n >= v[i]) {
      s += r[i];
      n -= v[i];
    }
  if (upper)
    for (char& c : s) c = static_cast<char>(c - 'a' + 'A');
  return s;
}

std::string cycle(int n, std::u32string_view chars) {
  if (n <= 0) return std::to_string(n);
  std::string s;
  append_utf8(s, chars[static_cast<std::size_t>(n - 1) % chars.size()]);
  return s;
}

}  // namespace

std::string format_number(int n, std::string_view f) {
  static const char* const kDigits[] = {"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
  static const char* const kUnits[] = {"万", "千", "百", "十"};
  static const char* const kLegal[] = {"零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"};
  static const char* const kLegalUnits[] = {"万", "仟", "佰", "拾"};
  static const char* const kZero[] = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
  if (f == "none") return "";
  if (f == "chineseCounting" || f == "chineseCountingThousand" || f == "japaneseCounting" || f == "taiwaneseCounting" ||
      f == "taiwaneseCountingThousand")
    return chinese(n, kZero, kUnits);
  if (f == "chineseLegalSimplified") return chinese(n, kLegal, kLegalUnits);
  if (f == "ideographDigital" || f == "taiwaneseDigital" || f == "japaneseDigitalTenThousand") {
    std::string s;
    for (char c : std::to_string(n)) s += c >= '0' && c <= '9' ? kDigits[c - '0'] : std::string(1, c);
    return s;
  }
  if (f == "ideographTraditional") return cycle(n, U"甲乙丙丁戊己庚辛壬癸");
  if (f == "ideographZodiac") return cycle(n, U"子丑寅卯辰巳午未申酉戌亥");
  if (f == "decimalEnclosedCircle" || f == "decimalEnclosedCircleChinese" || f == "ideographEnclosedCircle") {
    if (n >= 1 && n <= 20) {
      std::string s;
      append_utf8(s, static_cast<char32_t>(0x2460 + n - 1));
      return s;
    }
    return std::to_string(n);
  }
  if (f == "decimalEnclosedParen" && n >= 1 && n <= 20) {
    std::string s;
    append_utf8(s, static_cast<char32_t>(0x2474 + n - 1));
    return s;
  }
  if (f == "decimalEnclosedFullstop" && n >= 1 && n <= 20) {
    std::string s;
    append_utf8(s, static_cast<char32_t>(0x2488 + n - 1));
    return s;
  }
  if (f == "decimalFullWidth" || f == "decimalFullWidth2") {
    std::string s;
    for (char c : std::to_string(n))
      if (c >= '0' && c <= '9')
        append_utf8(s, static_cast<char32_t>(0xFF10 + (c - '0')));
      else
        s += c;
    return s;
  }
  if (f == "decimalZero") {
    std::string s = std::to_string(n);
    if (n >= 0 && n < 10) s.insert(s.begin(), '0');
    return s;
  }
  if (f == "lowerLetter") return letters(n, 'a');
  if (f == "upperLetter") return letters(n, 'A');
  if (f == "lowerRoman") return roman(n, false);
  if (f == "upperRoman") return roman(n, true);
  return std::to_string(n);  // decimal, ordinal, cardinalText, anything unknown
}

namespace {

struct Names {
  std::string w;
  std::string val, ilvl, numId, abstractNumId, styleId, type, def;
  explicit Names(std::string prefix)
      : w(std::move(prefix)),
        val(w + "val"),
        ilvl(w + "ilvl"),
        numId(w + "numId"),
        abstractNumId(w + "abstractNumId"),
        styleId(w + "styleId"),
        type(w + "type"),
        def(w + "default") {}
  pugi::xml_node child(pugi::xml_node n, std::string_view local) const {
    for (pugi::xml_node c : n.children())
      if (c.type() == pugi::node_element && strip(c.name(), w) == local) return c;
    return {};
  }
  std::optional<int> int_val(pugi::xml_node n) const { return to_int(n.attribute(val.c_str()).value()); }
};

void read_level(const Names& w, pugi::xml_node lvl, Numbering::Level& level) {
  for (pugi::xml_node c : lvl.children()) {
    if (c.type() != pugi::node_element) continue;
    const auto local = strip(c.name(), w.w);
    if (!local) continue;
    const char* v = c.attribute(w.val.c_str()).value();
    if (*local == "start")
      level.start = to_int(v).value_or(1);
    else if (*local == "numFmt")
      level.format = v;
    else if (*local == "lvlText")
      level.text = std::strlen(v) <= Numbering::kMaxLabel ? v : "";
    else if (*local == "isLgl")
      level.legal = on(c.attribute(w.val.c_str()));
    else if (*local == "suff")
      level.separator = std::string_view(v) != "nothing";
    else if (*local == "pStyle")
      level.style = v;
  }
}

}  // namespace

Numbering Numbering::load(std::string_view numbering_xml, std::string_view styles_xml) {
  Numbering out;
  pugi::xml_document doc;
  if (!numbering_xml.empty() && doc.load_buffer(numbering_xml.data(), numbering_xml.size(), kParseOptions)) {
    const pugi::xml_node root = doc.document_element();
    if (const auto prefix = word_prefix(root)) {
      const Names w(*prefix);
      for (pugi::xml_node c : root.children()) {
        const auto local = strip(c.name(), w.w);
        if (local == std::string_view("abstractNum")) {
          Abstract a;
          a.id = to_int(c.attribute(w.abstractNumId.c_str()).value()).value_or(-1);
          for (pugi::xml_node l : c.children()) {
            const auto ll = strip(l.name(), w.w);
            if (ll == std::string_view("lvl")) {
              const int i = to_int(l.attribute(w.ilvl.c_str()).value()).value_or(-1);
              if (i >= 0 && i < kLevels) read_level(w, l, a.levels[static_cast<std::size_t>(i)]);
            } else if (ll == std::string_view("numStyleLink")) {
              a.num_style_link = l.attribute(w.val.c_str()).value();
            }
          }
          out.abstracts_.push_back(std::move(a));
        } else if (local == std::string_view("num")) {
          Num n;
          n.id = to_int(c.attribute(w.numId.c_str()).value()).value_or(-1);
          n.abstract_id = w.int_val(w.child(c, "abstractNumId")).value_or(-1);
          for (pugi::xml_node o : c.children()) {
            if (strip(o.name(), w.w) != std::string_view("lvlOverride")) continue;
            const int i = to_int(o.attribute(w.ilvl.c_str()).value()).value_or(-1);
            if (i < 0 || i >= kLevels) continue;
            if (auto so = w.child(o, "startOverride")) n.start_override.emplace_back(i, w.int_val(so).value_or(1));
            if (auto l = w.child(o, "lvl")) {
              Level level;
              read_level(w, l, level);
              n.level_override.emplace_back(i, std::move(level));
            }
          }
          out.nums_.push_back(std::move(n));
        }
      }
    }
  }
  if (!out.nums_.empty() && !styles_xml.empty() &&
      doc.load_buffer(styles_xml.data(), styles_xml.size(), kParseOptions)) {
    const pugi::xml_node root = doc.document_element();
    if (const auto prefix = word_prefix(root)) {
      const Names w(*prefix);
      for (pugi::xml_node s : root.children()) {
        if (strip(s.name(), w.w) != std::string_view("style")) continue;
        const std::string_view type = s.attribute(w.type.c_str()).value();
        if (type != "paragraph" && type != "numbering") continue;
        Style st;
        // Numbering styles (the target of a w:numStyleLink) live in their own name space.
        st.id = std::string(type == "numbering" ? "numbering:" : "") + s.attribute(w.styleId.c_str()).value();
        if (auto b = w.child(s, "basedOn")) st.based_on = b.attribute(w.val.c_str()).value();
        if (auto np = w.child(w.child(s, "pPr"), "numPr")) {
          st.num_id = w.int_val(w.child(np, "numId"));
          st.ilvl = w.int_val(w.child(np, "ilvl"));
        }
        const pugi::xml_attribute def = s.attribute(w.def.c_str());
        if (type == "paragraph" && def && on(def)) out.default_style_ = st.id;
        out.styles_.push_back(std::move(st));
      }
    }
  }
  return out;
}

const Numbering::Style* Numbering::style(std::string_view id) const {
  for (const Style& s : styles_)
    if (s.id == id) return &s;
  return nullptr;
}

Numbering::Num* Numbering::num(int id) {
  for (Num& n : nums_)
    if (n.id == id) return &n;
  return nullptr;
}

Numbering::Abstract* Numbering::abstract_of(const Num& n, int hops) {
  Abstract* a = nullptr;
  for (Abstract& x : abstracts_)
    if (x.id == n.abstract_id) a = &x;
  if (!a || a->num_style_link.empty() || hops > 2) return a;
  // The list is defined through a numbering style: follow it to that style's list.
  const Style* s = style("numbering:" + a->num_style_link);
  Num* linked_num = s && s->num_id ? num(*s->num_id) : nullptr;
  Abstract* linked = linked_num ? abstract_of(*linked_num, hops + 1) : nullptr;
  return linked ? linked : a;
}

std::string Numbering::next(std::optional<int> num_id, std::optional<int> ilvl, std::string_view style_id) {
  if (nums_.empty()) return "";
  const std::string para_style(style_id.empty() ? std::string_view(default_style_) : style_id);
  bool level_from_style = false;
  if (!num_id) {
    // Inherited through the style chain (basedOn), at most a few levels deep.
    std::string id = para_style;
    for (int hops = 0; hops < 16 && !num_id && !id.empty(); ++hops) {
      const Style* s = style(id);
      if (!s) break;
      if (s->num_id) {
        num_id = s->num_id;
        if (!ilvl) ilvl = s->ilvl;
        level_from_style = !ilvl.has_value();
      }
      id = s->based_on;
    }
  }
  if (!num_id || *num_id == 0) return "";
  Num* n = num(*num_id);
  if (!n) return "";
  Abstract* abs = abstract_of(*n, 0);
  if (!abs) return "";
  int level = ilvl.value_or(0);
  if (level_from_style) {
    for (int i = 0; i < kLevels; ++i)
      if (abs->levels[static_cast<std::size_t>(i)].style == para_style) level = i;
  }
  if (level < 0 || level >= kLevels) return "";
  auto def = [&](int i) -> const Level& {
    for (const auto& [l, lv] : n->level_override)
      if (l == i) return lv;
    return abs->levels[static_cast<std::size_t>(i)];
  };
  auto start = [&](int i) {
    for (const auto& [l, v] : n->start_override)
      if (l == i) return v;
    return def(i).start;
  };
  auto& counters = abs->counters;  // Word counts per abstract list, across its w:num instances
  if (!n->started) {
    // A list instance with start overrides restarts its overridden levels when first used.
    n->started = true;
    for (const auto& [l, v] : n->start_override) counters[static_cast<std::size_t>(l)] = 0;
  }
  int& c = counters[static_cast<std::size_t>(level)];
  c = c == 0 ? start(level) : c + 1;
  for (int i = level + 1; i < kLevels; ++i) counters[static_cast<std::size_t>(i)] = 0;

  const Level& lv = def(level);
  if (lv.format == "bullet") return "";
  std::string label;
  const std::string& t = lv.text;
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (t[i] == '%' && i + 1 < t.size() && t[i + 1] >= '1' && t[i + 1] <= '9') {
      const int k = t[i + 1] - '1';
      const int value = counters[static_cast<std::size_t>(k)] != 0 ? counters[static_cast<std::size_t>(k)] : start(k);
      label += format_number(value, lv.legal ? "decimal" : std::string_view(def(k).format));
      ++i;
    } else {
      label += t[i];
    }
  }
  if (label.empty() || label.size() > kMaxLabel) return "";
  const unsigned char last = static_cast<unsigned char>(label.back());
  if (lv.separator && last < 0x80) label += ' ';
  return label;
}

}  // namespace nianbao::docx
