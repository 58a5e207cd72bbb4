// The PDF reader: pdf.js text runs (docs/contracts.md, "PDF text runs") -> a pdftotext
// -layout-like rendition (docs/reading.md, "PDF"). Parse, then per page: lines by baseline,
// pieces split at spaces with estimated positions, column alignment, padding to a grid.
#include "read/runs_reader.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <utility>
#include <vector>

#include "util/utf8.hpp"

namespace nianbao {

namespace {

// ---- characters -----------------------------------------------------------------------

/// Kangxi Radicals and CJK Radicals Supplement -> the unified ideograph they look like
/// (Unicode 15 EquivalentUnifiedIdeograph.txt, U+2E80..U+2FDF). CJK fonts share one glyph
/// between 人 and ⼈, 页 and ⻚; PDF producers that write ToUnicode from the font's cmap (Chromium,
/// Skia) then name the radical, and pdf.js extracts it.
constexpr std::pair<char32_t, char32_t> kRadicals[] = {
    {0x2E81, 0x5382}, {0x2E82, 0x4E5B}, {0x2E83, 0x4E5A}, {0x2E84, 0x4E59}, {0x2E85, 0x4EBB}, {0x2E86, 0x5182},
    {0x2E87, 0x20628}, {0x2E88, 0x5200}, {0x2E89, 0x5202}, {0x2E8A, 0x535C}, {0x2E8B, 0x353E}, {0x2E8C, 0x5C0F},
    {0x2E8D, 0x5C0F}, {0x2E8E, 0x5140}, {0x2E8F, 0x5C23}, {0x2E90, 0x5C22}, {0x2E91, 0x21BC2}, {0x2E92, 0x5DF3},
    {0x2E93, 0x5E7A}, {0x2E94, 0x5F51}, {0x2E95, 0x2B739}, {0x2E96, 0x5FC4}, {0x2E97, 0x5FC3}, {0x2E98, 0x624C},
    {0x2E99, 0x6535}, {0x2E9B, 0x65E1}, {0x2E9C, 0x65E5}, {0x2E9D, 0x6708}, {0x2E9E, 0x6B7A}, {0x2E9F, 0x6BCD},
    {0x2EA0, 0x6C11}, {0x2EA1, 0x6C35}, {0x2EA2, 0x6C3A}, {0x2EA3, 0x706C}, {0x2EA4, 0x722B}, {0x2EA5, 0x722B},
    {0x2EA6, 0x4E2C}, {0x2EA7, 0x725B}, {0x2EA8, 0x72AD}, {0x2EA9, 0x738B}, {0x2EAA, 0x24D14}, {0x2EAB, 0x76EE},
    {0x2EAC, 0x793A}, {0x2EAD, 0x793B}, {0x2EAE, 0x25AD7}, {0x2EAF, 0x7CF9}, {0x2EB0, 0x7E9F}, {0x2EB1, 0x7F53},
    {0x2EB2, 0x7F52}, {0x2EB3, 0x34C1}, {0x2EB4, 0x5197}, {0x2EB5, 0x2626B}, {0x2EB6, 0x7F8A}, {0x2EB7, 0x2634C},
    {0x2EB8, 0x2634B}, {0x2EB9, 0x8002}, {0x2EBA, 0x8080}, {0x2EBB, 0x807F}, {0x2EBC, 0x8089}, {0x2EBD, 0x26951},
    {0x2EBE, 0x8279}, {0x2EBF, 0x8279}, {0x2EC0, 0x8279}, {0x2EC1, 0x864E}, {0x2EC2, 0x8864}, {0x2EC3, 0x8980},
    {0x2EC4, 0x897F}, {0x2EC5, 0x89C1}, {0x2EC6, 0x89D2}, {0x2EC7, 0x278B2}, {0x2EC8, 0x8BA0}, {0x2EC9, 0x8D1D},
    {0x2ECA, 0x27FB7}, {0x2ECB, 0x8F66}, {0x2ECC, 0x8FB6}, {0x2ECD, 0x8FB6}, {0x2ECE, 0x8FB6}, {0x2ECF, 0x9091},
    {0x2ED0, 0x9485}, {0x2ED1, 0x9577}, {0x2ED2, 0x9578}, {0x2ED3, 0x957F}, {0x2ED4, 0x95E8}, {0x2ED5, 0x28E0F},
    {0x2ED6, 0x961D}, {0x2ED7, 0x96E8}, {0x2ED8, 0x9752}, {0x2ED9, 0x97E6}, {0x2EDA, 0x9875}, {0x2EDB, 0x98CE},
    {0x2EDC, 0x98DE}, {0x2EDD, 0x98DF}, {0x2EDE, 0x2967F}, {0x2EDF, 0x98E0}, {0x2EE0, 0x9963}, {0x2EE1, 0x29810},
    {0x2EE2, 0x9A6C}, {0x2EE3, 0x9AA8}, {0x2EE4, 0x9B3C}, {0x2EE5, 0x9C7C}, {0x2EE6, 0x9E1F}, {0x2EE7, 0x5364},
    {0x2EE8, 0x9EA6}, {0x2EE9, 0x9EC4}, {0x2EEA, 0x9EFE}, {0x2EEB, 0x6589}, {0x2EEC, 0x9F50}, {0x2EED, 0x6B6F},
    {0x2EEE, 0x9F7F}, {0x2EEF, 0x7ADC}, {0x2EF0, 0x9F99}, {0x2EF1, 0x9F9C}, {0x2EF2, 0x4E80}, {0x2EF3, 0x9F9F},
    {0x2F00, 0x4E00}, {0x2F01, 0x4E28}, {0x2F02, 0x4E36}, {0x2F03, 0x4E3F}, {0x2F04, 0x4E59}, {0x2F05, 0x4E85},
    {0x2F06, 0x4E8C}, {0x2F07, 0x4EA0}, {0x2F08, 0x4EBA}, {0x2F09, 0x513F}, {0x2F0A, 0x5165}, {0x2F0B, 0x516B},
    {0x2F0C, 0x5182}, {0x2F0D, 0x5196}, {0x2F0E, 0x51AB}, {0x2F0F, 0x51E0}, {0x2F10, 0x51F5}, {0x2F11, 0x5200},
    {0x2F12, 0x529B}, {0x2F13, 0x52F9}, {0x2F14, 0x5315}, {0x2F15, 0x531A}, {0x2F16, 0x5338}, {0x2F17, 0x5341},
    {0x2F18, 0x535C}, {0x2F19, 0x5369}, {0x2F1A, 0x5382}, {0x2F1B, 0x53B6}, {0x2F1C, 0x53C8}, {0x2F1D, 0x53E3},
    {0x2F1E, 0x56D7}, {0x2F1F, 0x571F}, {0x2F20, 0x58EB}, {0x2F21, 0x5902}, {0x2F22, 0x590A}, {0x2F23, 0x5915},
    {0x2F24, 0x5927}, {0x2F25, 0x5973}, {0x2F26, 0x5B50}, {0x2F27, 0x5B80}, {0x2F28, 0x5BF8}, {0x2F29, 0x5C0F},
    {0x2F2A, 0x5C22}, {0x2F2B, 0x5C38}, {0x2F2C, 0x5C6E}, {0x2F2D, 0x5C71}, {0x2F2E, 0x5DDB}, {0x2F2F, 0x5DE5},
    {0x2F30, 0x5DF1}, {0x2F31, 0x5DFE}, {0x2F32, 0x5E72}, {0x2F33, 0x5E7A}, {0x2F34, 0x5E7F}, {0x2F35, 0x5EF4},
    {0x2F36, 0x5EFE}, {0x2F37, 0x5F0B}, {0x2F38, 0x5F13}, {0x2F39, 0x5F50}, {0x2F3A, 0x5F61}, {0x2F3B, 0x5F73},
    {0x2F3C, 0x5FC3}, {0x2F3D, 0x6208}, {0x2F3E, 0x6236}, {0x2F3F, 0x624B}, {0x2F40, 0x652F}, {0x2F41, 0x6534},
    {0x2F42, 0x6587}, {0x2F43, 0x6597}, {0x2F44, 0x65A4}, {0x2F45, 0x65B9}, {0x2F46, 0x65E0}, {0x2F47, 0x65E5},
    {0x2F48, 0x66F0}, {0x2F49, 0x6708}, {0x2F4A, 0x6728}, {0x2F4B, 0x6B20}, {0x2F4C, 0x6B62}, {0x2F4D, 0x6B79},
    {0x2F4E, 0x6BB3}, {0x2F4F, 0x6BCB}, {0x2F50, 0x6BD4}, {0x2F51, 0x6BDB}, {0x2F52, 0x6C0F}, {0x2F53, 0x6C14},
    {0x2F54, 0x6C34}, {0x2F55, 0x706B}, {0x2F56, 0x722A}, {0x2F57, 0x7236}, {0x2F58, 0x723B}, {0x2F59, 0x723F},
    {0x2F5A, 0x7247}, {0x2F5B, 0x7259}, {0x2F5C, 0x725B}, {0x2F5D, 0x72AC}, {0x2F5E, 0x7384}, {0x2F5F, 0x7389},
    {0x2F60, 0x74DC}, {0x2F61, 0x74E6}, {0x2F62, 0x7518}, {0x2F63, 0x751F}, {0x2F64, 0x7528}, {0x2F65, 0x7530},
    {0x2F66, 0x758B}, {0x2F67, 0x7592}, {0x2F68, 0x7676}, {0x2F69, 0x767D}, {0x2F6A, 0x76AE}, {0x2F6B, 0x76BF},
    {0x2F6C, 0x76EE}, {0x2F6D, 0x77DB}, {0x2F6E, 0x77E2}, {0x2F6F, 0x77F3}, {0x2F70, 0x793A}, {0x2F71, 0x79B8},
    {0x2F72, 0x79BE}, {0x2F73, 0x7A74}, {0x2F74, 0x7ACB}, {0x2F75, 0x7AF9}, {0x2F76, 0x7C73}, {0x2F77, 0x7CF8},
    {0x2F78, 0x7F36}, {0x2F79, 0x7F51}, {0x2F7A, 0x7F8A}, {0x2F7B, 0x7FBD}, {0x2F7C, 0x8001}, {0x2F7D, 0x800C},
    {0x2F7E, 0x8012}, {0x2F7F, 0x8033}, {0x2F80, 0x807F}, {0x2F81, 0x8089}, {0x2F82, 0x81E3}, {0x2F83, 0x81EA},
    {0x2F84, 0x81F3}, {0x2F85, 0x81FC}, {0x2F86, 0x820C}, {0x2F87, 0x821B}, {0x2F88, 0x821F}, {0x2F89, 0x826E},
    {0x2F8A, 0x8272}, {0x2F8B, 0x8278}, {0x2F8C, 0x864D}, {0x2F8D, 0x866B}, {0x2F8E, 0x8840}, {0x2F8F, 0x884C},
    {0x2F90, 0x8863}, {0x2F91, 0x897E}, {0x2F92, 0x898B}, {0x2F93, 0x89D2}, {0x2F94, 0x8A00}, {0x2F95, 0x8C37},
    {0x2F96, 0x8C46}, {0x2F97, 0x8C55}, {0x2F98, 0x8C78}, {0x2F99, 0x8C9D}, {0x2F9A, 0x8D64}, {0x2F9B, 0x8D70},
    {0x2F9C, 0x8DB3}, {0x2F9D, 0x8EAB}, {0x2F9E, 0x8ECA}, {0x2F9F, 0x8F9B}, {0x2FA0, 0x8FB0}, {0x2FA1, 0x8FB5},
    {0x2FA2, 0x9091}, {0x2FA3, 0x9149}, {0x2FA4, 0x91C6}, {0x2FA5, 0x91CC}, {0x2FA6, 0x91D1}, {0x2FA7, 0x9577},
    {0x2FA8, 0x9580}, {0x2FA9, 0x961C}, {0x2FAA, 0x96B6}, {0x2FAB, 0x96B9}, {0x2FAC, 0x96E8}, {0x2FAD, 0x9751},
    {0x2FAE, 0x975E}, {0x2FAF, 0x9762}, {0x2FB0, 0x9769}, {0x2FB1, 0x97CB}, {0x2FB2, 0x97ED}, {0x2FB3, 0x97F3},
    {0x2FB4, 0x9801}, {0x2FB5, 0x98A8}, {0x2FB6, 0x98DB}, {0x2FB7, 0x98DF}, {0x2FB8, 0x9996}, {0x2FB9, 0x9999},
    {0x2FBA, 0x99AC}, {0x2FBB, 0x9AA8}, {0x2FBC, 0x9AD8}, {0x2FBD, 0x9ADF}, {0x2FBE, 0x9B25}, {0x2FBF, 0x9B2F},
    {0x2FC0, 0x9B32}, {0x2FC1, 0x9B3C}, {0x2FC2, 0x9B5A}, {0x2FC3, 0x9CE5}, {0x2FC4, 0x9E75}, {0x2FC5, 0x9E7F},
    {0x2FC6, 0x9EA5}, {0x2FC7, 0x9EBB}, {0x2FC8, 0x9EC3}, {0x2FC9, 0x9ECD}, {0x2FCA, 0x9ED1}, {0x2FCB, 0x9EF9},
    {0x2FCC, 0x9EFD}, {0x2FCD, 0x9F0E}, {0x2FCE, 0x9F13}, {0x2FCF, 0x9F20}, {0x2FD0, 0x9F3B}, {0x2FD1, 0x9F4A},
    {0x2FD2, 0x9F52}, {0x2FD3, 0x9F8D}, {0x2FD4, 0x9F9C}, {0x2FD5, 0x9FA0},
};

char32_t unify(char32_t c) {
  if (c < 0x2E80 || c > 0x2FDF) return c;
  const auto* end = std::end(kRadicals);
  const auto* it = std::lower_bound(std::begin(kRadicals), end, c,
                                    [](const std::pair<char32_t, char32_t>& p, char32_t v) { return p.first < v; });
  return it != end && it->first == c ? it->second : c;
}

/// Glyphs about one em wide in CJK fonts (East Asian Wide and Fullwidth, and the quotes,
/// dashes and ellipsis that CJK fonts set full width); two columns on the text grid.
bool is_wide(char32_t c) {
  return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E) || (c >= 0x3041 && c <= 0x33FF) ||
         (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xA4CF) ||
         (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) ||
         (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD) ||
         (c >= 0x2018 && c <= 0x201D) || c == 0x2014 || c == 0x2026;
}

bool is_separator(char32_t c) { return c == U' ' || c == 0x3000 || c == 0xA0; }

/// Whether the first (last) character of `t` is a wide glyph.
bool wide_at(std::string_view t, bool first) {
  if (t.empty()) return false;
  std::size_t i = 0;
  if (!first) {
    i = t.size() - 1;
    while (i > 0 && (static_cast<unsigned char>(t[i]) & 0xC0) == 0x80) --i;
  }
  std::size_t len = 0;
  return is_wide(utf8::decode(t, i, len));
}

// ---- parsing --------------------------------------------------------------------------

/// A number as JavaScript's Number#toString writes it ("12", "-0.5", "1e-7", "1.5e+21"),
/// computed with exact IEEE operations only, so that the native and the wasm build agree.
bool parse_number(std::string_view s, double& out) {
  std::size_t i = 0;
  bool neg = false;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) neg = s[i++] == '-';
  std::uint64_t mant = 0;
  int digits = 0, exp10 = 0;
  bool any = false;
  auto digit = [&](bool fraction) {
    const int d = s[i] - '0';
    any = true;
    if (digits < 18) {
      mant = mant * 10 + static_cast<std::uint64_t>(d);
      if (mant) ++digits;
      if (fraction) --exp10;
    } else if (!fraction) {
      ++exp10;
    }
    ++i;
  };
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') digit(false);
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') digit(true);
  }
  if (!any) return false;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    bool eneg = false;
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) eneg = s[i++] == '-';
    if (i >= s.size() || s[i] < '0' || s[i] > '9') return false;
    int e = 0;
    for (; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i) e = std::min(e * 10 + (s[i] - '0'), 100000);
    exp10 += eneg ? -e : e;
  }
  if (i != s.size()) return false;
  static constexpr double kPow10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                                      1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
  double v = static_cast<double>(mant);
  if (v != 0) {
    if (exp10 > 400 || exp10 < -400) return false;  // beyond any coordinate (and any double)
    for (; exp10 > 22; exp10 -= 22) v *= 1e22;
    for (; exp10 < -22; exp10 += 22) v /= 1e22;
    v = exp10 >= 0 ? v * kPow10[exp10] : v / kPow10[-exp10];
  }
  if (!(v <= runs_limits::kMaxCoordinate)) return false;  // also NaN, infinities
  out = neg ? -v : v;
  return true;
}

struct Item {
  float x, y, w, h;
  std::uint32_t begin, len;  // the sanitised text, in Parsed::text
};

struct Page {
  double width = 0, height = 0;
  std::size_t first = 0, last = 0;  // items [first, last)
};

struct Parsed {
  std::vector<Page> pages;
  std::vector<Item> items;
  std::string text;
};

/// Splits `s` at single spaces into exactly `n` non-empty fields.
bool fields(std::string_view s, std::string_view* out, std::size_t n) {
  std::size_t k = 0;
  for (;;) {
    const std::size_t sp = s.find(' ');
    const std::string_view field = s.substr(0, sp);
    if (field.empty() || k == n) return false;
    out[k++] = field;
    if (sp == std::string_view::npos) return k == n;
    s.remove_prefix(sp + 1);
  }
}

std::optional<Parsed> parse(std::string_view payload, Error* error) {
  auto fail = [&](ErrorCode code, std::string message, std::size_t pos) -> std::optional<Parsed> {
    if (error) *error = Error{code, std::move(message), pos};
    return std::nullopt;
  };
  std::size_t pos = payload.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  Parsed p;
  std::size_t line_no = 0;
  bool header = false;
  double prev_page = 0;
  while (pos < payload.size()) {
    std::size_t eol = payload.find('\n', pos);
    if (eol == std::string_view::npos) eol = payload.size();
    std::string_view line = payload.substr(pos, eol - pos);
    const std::size_t at = pos;
    pos = eol + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    const auto where = [line_no] { return "第 " + std::to_string(line_no) + " 行："; };
    if (!header) {
      if (line != kRunsHeader)
        return fail(ErrorCode::bad_runs, "不是 PDF 文本数据：第一行应为「" + std::string(kRunsHeader) + "」", at);
      header = true;
      continue;
    }
    if (line.empty()) continue;
    if (line.substr(0, 5) == "page ") {
      std::string_view f[3];
      double n = 0, w = 0, h = 0;
      if (!fields(line.substr(5), f, 3) || !parse_number(f[0], n) || !parse_number(f[1], w) || !parse_number(f[2], h) ||
          n < 1 || n != static_cast<double>(static_cast<std::uint64_t>(n)) || !(w > 0) || !(h > 0))
        return fail(ErrorCode::bad_runs, where() + "页面行应为「page 页码 宽 高」（页码为正整数，宽、高为正数）", at);
      if (p.pages.size() >= runs_limits::kMaxPages)
        return fail(ErrorCode::too_large, "PDF 页数过多：超过 " + std::to_string(runs_limits::kMaxPages) + " 页", at);
      if (!p.pages.empty() && !(n > prev_page)) return fail(ErrorCode::bad_runs, where() + "页码应逐页递增", at);
      prev_page = n;
      Page pg;
      pg.width = w;
      pg.height = h;
      pg.first = pg.last = p.items.size();
      p.pages.push_back(pg);
      continue;
    }
    const std::size_t tab = line.find('\t');
    std::string_view f[4];
    double v[4] = {0, 0, 0, 0};
    bool ok = tab != std::string_view::npos && fields(line.substr(0, tab), f, 4);
    for (int k = 0; ok && k < 4; ++k) ok = parse_number(f[k], v[k]) && v[k] >= -runs_limits::kMaxCoordinate;
    if (!ok) return fail(ErrorCode::bad_runs, where() + "文本项应为「x y 宽 高<制表符>文字」（四个数）", at);
    const std::string_view text = line.substr(tab + 1);
    if (text.find('\t') != std::string_view::npos)
      return fail(ErrorCode::bad_runs, where() + "文本项的文字中不能有制表符", at + tab + 1 + text.find('\t'));
    if (p.pages.empty()) return fail(ErrorCode::bad_runs, where() + "文本项出现在第一个页面行（page …）之前", at);
    if (p.items.size() >= runs_limits::kMaxItems)
      return fail(ErrorCode::too_large, "PDF 文本项过多：超过 " + std::to_string(runs_limits::kMaxItems) + " 项", at);
    // Sanitise: control characters become spaces, radicals the ideographs they stand for.
    Item it{};
    it.begin = static_cast<std::uint32_t>(p.text.size());
    bool blank = true;
    for (std::size_t i = 0; i < text.size();) {
      std::size_t len = 0;
      char32_t c = utf8::decode(text, i, len);
      if (c < 0x20 || c == 0x7F) c = U' ';
      c = unify(c);
      if (!is_separator(c)) blank = false;
      if (c == utf8::kReplacement && len == 1) p.text.push_back(text[i]);  // leave invalid bytes to the text screen
      else utf8::append(p.text, c);
      i += len;
    }
    if (blank) {  // white space only: pdf.js's gap markers; the geometry says it all
      p.text.resize(it.begin);
      continue;
    }
    it.len = static_cast<std::uint32_t>(p.text.size() - it.begin);
    // Mirrored runs have negative sizes: keep the box.
    double x = v[0], w = v[2];
    if (w < 0) { x += w; w = -w; }
    it.x = static_cast<float>(x);
    it.y = static_cast<float>(v[1]);
    it.w = static_cast<float>(w);
    it.h = static_cast<float>(v[3] < 0 ? -v[3] : v[3]);
    p.items.push_back(it);
    p.pages.back().last = p.items.size();
  }
  if (!header) return fail(ErrorCode::bad_runs, "不是 PDF 文本数据：第一行应为「" + std::string(kRunsHeader) + "」", 0);
  return p;
}

// ---- layout ---------------------------------------------------------------------------

/// Advance per em of a wide (CJK) and a narrow glyph, measured on the document's own items.
struct Widths {
  double wide = 1.0, narrow = 0.55;
};

double median(std::vector<float>& v, double fallback) {
  if (v.empty()) return fallback;
  auto mid = v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2);
  std::nth_element(v.begin(), mid, v.end());
  return *mid;
}

Widths calibrate(const Parsed& p) {
  constexpr std::size_t kSamples = 65536;
  std::vector<float> wide, narrow;
  for (const Item& it : p.items) {
    if (wide.size() >= kSamples && narrow.size() >= kSamples) break;
    if (!(it.h > 0) || !(it.w > 0)) continue;
    const std::string_view t = std::string_view(p.text).substr(it.begin, it.len);
    std::size_t nw = 0, nn = 0;
    bool sep = false;
    for (std::size_t i = 0; i < t.size() && !sep;) {
      std::size_t len = 0;
      const char32_t c = utf8::decode(t, i, len);
      sep = is_separator(c);
      (is_wide(c) ? nw : nn) += 1;
      i += len;
    }
    if (sep) continue;
    const double per_em = it.w / it.h;
    if (nw && !nn && wide.size() < kSamples) wide.push_back(static_cast<float>(per_em / static_cast<double>(nw)));
    if (nn && !nw && narrow.size() < kSamples) narrow.push_back(static_cast<float>(per_em / static_cast<double>(nn)));
  }
  Widths w;
  w.wide = std::clamp(median(wide, 1.0), 0.5, 1.5);
  w.narrow = std::clamp(median(narrow, 0.55), 0.2, 1.2);
  return w;
}

/// A word of an item (items are split at spaces), with its position: exact for an item's
/// first start and last end, estimated from the glyph widths in between.
struct Piece {
  double x, w, h, y;  // y: the baseline of its item
  std::uint32_t begin, len;  // text
  std::uint32_t item, last_item;  // index of the item it came from (first and last, once joined)
  std::uint32_t cols;        // columns on the grid (wide glyphs 2)
  std::uint32_t joined;      // 1 + index into Layout::joined_ when the text is a joined label
  double cell_top, cell_bottom, cell_right;  // a joined cell: baselines of its first and last line, column end
  bool item_first, item_last, numeric, gone, in_cell;
  double end() const { return x + w; }
};

struct Line {
  double y, h, hmax;  // baseline and font height of its first item; the largest font height
  std::vector<Piece> pieces;
  std::vector<float> starts, ends;  // where runs of text begin and end: column anchors
  bool gone = false;                // merged into another line
};

/// A line of the rendition before prose lines are joined.
struct OutLine {
  std::string text;
  double top, bottom, h, x, end;  // baselines of its first and last line
  bool single;                    // no column gap: running text
  bool gone = false;
};

/// A table number (or blank marker) as the text reader takes it: "217", "-3", "35.6", "—".
bool numeric_word(std::string_view t) {
  if (t == "—" || t == "-" || t == "/" || t == "－" || t == "／") return true;
  std::size_t i = 0;
  bool digit = false;
  if (t.substr(0, 1) == "-") i = 1;
  else if (t.substr(0, 3) == "－") i = 3;
  while (i < t.size()) {
    std::size_t len = 0;
    const char32_t c = utf8::decode(t, i, len);
    if ((c >= U'0' && c <= U'9') || (c >= 0xFF10 && c <= 0xFF19)) digit = true;
    else if (c != U'.' && c != U',' && c != 0xFF0E && c != 0xFF0C) return false;
    i += len;
  }
  return digit;
}

/// An item of table numbers only ("3001", "0 0 12"): its words are all numeric_word.
bool numeric_item(std::string_view t) {
  bool any = false;
  for (std::size_t i = 0; i < t.size();) {
    std::size_t j = t.find(' ', i);
    if (j == std::string_view::npos) j = t.size();
    if (j > i) {
      if (!numeric_word(t.substr(i, j - i))) return false;
      any = true;
    }
    i = j + 1;
  }
  return any;
}

bool ascii_alnum(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

/// Joins two pieces of wrapped text: directly, or with a space between two Latin words.
void join_text(std::string& a, std::string_view b) {
  if (!a.empty() && !b.empty() && ascii_alnum(a.back()) && ascii_alnum(b.front())) a += ' ';
  a += b;
}

/// A line that begins a heading or an item: 一、 （一） (1) 1. 1、 (not "1.5").
bool starts_numbered(std::string_view t) {
  std::size_t i = 0, n = 0;
  bool bracket = false;
  if (t.substr(0, 3) == "（") { i = 3; bracket = true; }
  else if (t.substr(0, 1) == "(") { i = 1; bracket = true; }
  while (i < t.size()) {
    std::size_t len = 0;
    const char32_t c = utf8::decode(t, i, len);
    if (!((c >= U'0' && c <= U'9') || std::u32string_view(U"一二三四五六七八九十〇零").find(c) != std::u32string_view::npos)) break;
    i += len;
    ++n;
  }
  if (n == 0 || n > 4) return false;
  const std::string_view rest = t.substr(i);
  if (bracket) return rest.substr(0, 3) == "）" || rest.substr(0, 1) == ")";
  if (rest.substr(0, 3) == "、" || rest.substr(0, 3) == "．") return true;
  return rest.substr(0, 1) == "." && !(rest.size() > 1 && rest[1] >= '0' && rest[1] <= '9');
}

void split_item(const Parsed& p, const Item& it, std::uint32_t index, double h, const Widths& wd,
                std::vector<Piece>& out) {
  struct Word {
    std::uint32_t begin, len, cols;
    double em;
  };
  std::vector<Word> words;
  const std::string_view t = std::string_view(p.text).substr(it.begin, it.len);
  bool in_word = false;
  for (std::size_t i = 0; i < t.size();) {
    std::size_t len = 0;
    const char32_t c = utf8::decode(t, i, len);
    if (is_separator(c)) {
      in_word = false;
    } else {
      if (!in_word) words.push_back({it.begin + static_cast<std::uint32_t>(i), 0, 0, 0});
      in_word = true;
      Word& w = words.back();
      w.len = static_cast<std::uint32_t>(i + len) - (w.begin - it.begin);
      const bool wide = is_wide(c);
      w.cols += wide ? 2 : 1;
      w.em += wide ? wd.wide : wd.narrow;
    }
    i += len;
  }
  if (words.empty()) return;
  const double width = it.w > 0 ? it.w : 0;
  double total = 0;
  for (const Word& w : words) total += w.em * h;
  const double gaps = static_cast<double>(words.size() - 1);
  double space = gaps > 0 ? (width - total) / gaps : 0, scale = 1;
  if (gaps > 0 && space < 0.1 * h) {  // the glyphs are narrower than estimated: shrink them
    space = 0.1 * h;
    scale = total > 0 ? std::max(0.0, width - gaps * space) / total : 0;
  }
  double x = it.x;
  for (std::size_t k = 0; k < words.size(); ++k) {
    const Word& w = words[k];
    Piece pc{};
    pc.x = x;
    pc.w = words.size() == 1 ? width : w.em * h * scale;
    pc.h = h;
    pc.y = it.y;
    pc.begin = w.begin;
    pc.len = w.len;
    pc.item = pc.last_item = index;
    pc.cols = w.cols;
    pc.item_first = k == 0;
    pc.item_last = k + 1 == words.size();
    pc.numeric = numeric_word(std::string_view(p.text).substr(w.begin, w.len));
    if (pc.item_last && k > 0) pc.x = std::max(x, it.x + width - pc.w);  // the item's end is exact
    out.push_back(pc);
    x = pc.x + pc.w + space;
  }
}

/// The smallest ratio (in 1/50 of a height) that is common among `ratios` (at least 3 times and
/// 5% of them), or 0. Sorts `ratios`.
int common_ratio(std::vector<int>& ratios) {
  std::sort(ratios.begin(), ratios.end());
  const std::size_t need = std::max<std::size_t>(3, ratios.size() / 20);
  for (std::size_t i = 0; i < ratios.size();) {
    std::size_t j = i;
    while (j < ratios.size() && ratios[j] == ratios[i]) ++j;
    if (j - i >= need) return ratios[i];
    i = j;
  }
  return 0;
}

/// The document's line spacing, in font heights: the smallest baseline distance between
/// neighbouring lines of text (not of table numbers) of one font size (1.05 to 2.2 heights) that
/// is common (common_ratio); 2.0 when there is none. A font size with a wider spacing of its own
/// (a table in a smaller font, its cells' lines set farther apart than the body's) has it.
struct LinePitch {
  double all = 2.0;
  std::vector<std::pair<int, double>> sizes;  // (height in half points, spacing), sorted
  static int key(double h) { return static_cast<int>(std::min(h, 1e4) * 2 + 0.5); }
  double of(double h) const {
    auto it = std::lower_bound(sizes.begin(), sizes.end(), std::make_pair(key(h), 0.0));
    return it != sizes.end() && it->first == key(h) ? std::max(all, it->second) : all;
  }
};

LinePitch line_pitch(const Parsed& p) {
  std::vector<std::pair<int, int>> ratios;  // (height key, ratio in 1/50 of a height)
  std::vector<std::pair<float, float>> lines;  // baseline, height
  for (const Page& pg : p.pages) {
    lines.clear();
    for (std::size_t i = pg.first; i < pg.last; ++i)
      if (p.items[i].h > 0 && !numeric_item(std::string_view(p.text).substr(p.items[i].begin, p.items[i].len)))
        lines.emplace_back(p.items[i].y, p.items[i].h);  // lines of text: a row of numbers is set apart from its label
    std::sort(lines.begin(), lines.end(), [](const auto& a, const auto& b) {
      return a.first != b.first ? a.first > b.first : a.second < b.second;  // a total order: the same in every build
    });
    std::size_t prev = 0;
    for (std::size_t i = 1; i < lines.size(); ++i) {
      const double gap = lines[prev].first - lines[i].first, h = lines[i].second;
      if (gap <= 0.3 * h) continue;  // the same line
      if (std::abs(lines[prev].second - h) <= 0.05 * h && gap >= 1.05 * h && gap <= 2.2 * h)
        ratios.emplace_back(LinePitch::key(h), static_cast<int>(gap / h * 50 + 0.5));
      prev = i;
    }
  }
  LinePitch out;
  std::vector<int> all, one;
  for (const auto& r : ratios) all.push_back(r.second);
  if (const int c = common_ratio(all)) out.all = c / 50.0;
  std::sort(ratios.begin(), ratios.end());
  for (std::size_t i = 0; i < ratios.size();) {
    std::size_t j = i;
    one.clear();
    for (; j < ratios.size() && ratios[j].first == ratios[i].first; ++j) one.push_back(ratios[j].second);
    if (const int c = common_ratio(one)) out.sizes.emplace_back(ratios[i].first, c / 50.0);
    i = j;
  }
  return out;
}

class Layout {
 public:
  Layout(const Parsed& p, const Limits& limits)
      : p_(p), limits_(limits), widths_(calibrate(p)), pitch_(line_pitch(p)) {}

  /// Appends the rendition of page `pg`; false when the rendition grows too large.
  bool page(const Page& pg, std::string& out) {
    lines_.clear();
    joined_.clear();
    group(pg);
    join_offset_numbers();
    merge_number_lines();
    anchors();  // of the page as drawn, before cells are joined
    join_wrapped_cells();
    std::vector<OutLine> outs;
    for (std::uint32_t li = 0; li < lines_.size(); ++li)
      if (!lines_[li].gone) outs.push_back(write_line(li));
    reflow(outs);
    const OutLine* prev = nullptr;
    for (const OutLine& o : outs) {
      if (o.gone) continue;
      if (prev && prev->bottom - o.top > 2.0 * std::max(prev->h, o.h)) out += '\n';
      out += o.text;
      out += '\n';
      if (out.size() > limits_.max_input_bytes) return false;
      prev = &o;
    }
    return true;
  }

 private:
  void group(const Page& pg) {
    std::vector<std::uint32_t> order;
    std::vector<float> heights;
    for (std::size_t i = pg.first; i < pg.last; ++i) {
      const Item& it = p_.items[i];
      if (it.x > pg.width || it.x + it.w < 0 || it.y > pg.height + it.h || it.y < -it.h) continue;  // off the page
      order.push_back(static_cast<std::uint32_t>(i));
      if (it.h > 0) heights.push_back(it.h);
    }
    if (order.empty()) return;
    const double usual = median(heights, 10.0);
    cw_ = std::max(usual / 2, 0.01);
    std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
      const Item &x = p_.items[a], &y = p_.items[b];
      return x.y != y.y ? x.y > y.y : x.x != y.x ? x.x < y.x : a < b;
    });
    left_ = p_.items[order.front()].x;
    for (std::uint32_t i : order) {
      const Item& it = p_.items[i];
      left_ = std::min<double>(left_, it.x);
      const double h = it.h > 0 ? it.h : usual;
      // One baseline, within 0.3 of the font height (a superscript, a shifted glyph); a
      // cell's text a third of a line lower is another line.
      if (lines_.empty() || lines_.back().y - it.y > 0.3 * std::max(lines_.back().hmax, h)) lines_.push_back({it.y, h, h, {}, {}, {}, false});
      Line& ln = lines_.back();
      ln.hmax = std::max(ln.hmax, h);
      split_item(p_, it, i, h, widths_, ln.pieces);
    }
    for (Line& ln : lines_) {
      std::stable_sort(ln.pieces.begin(), ln.pieces.end(), [](const Piece& a, const Piece& b) { return a.x < b.x; });
      // The same word drawn twice a little apart (fake bold, shadows) is read once.
      std::vector<Piece> kept;
      kept.reserve(ln.pieces.size());
      for (const Piece& pc : ln.pieces) {
        if (!kept.empty()) {
          const Piece& k = kept.back();
          if (k.item != pc.item && pc.x - k.x < 0.3 * pc.h && text(k) == text(pc)) continue;
        }
        kept.push_back(pc);
      }
      // Pieces of one word that pdf.js gave as separate items (a glyph from another font,
      // "2022年12" "月" "31") are one piece.
      ln.pieces.clear();
      for (const Piece& pc : kept) {
        if (!ln.pieces.empty()) {
          Piece& q = ln.pieces.back();
          if (pc.item_first && q.item_last && pc.x - q.end() < 0.1 * std::min(pc.h, q.h)) {
            if (!q.joined) {
              joined_.emplace_back(text(q));
              q.joined = static_cast<std::uint32_t>(joined_.size());
            }
            std::string& t = joined_[q.joined - 1];
            t += text(pc);
            q.w = std::max(q.w, pc.end() - q.x);
            q.h = std::max(q.h, pc.h);
            q.cols += pc.cols;
            q.last_item = pc.last_item;
            q.item_last = pc.item_last;
            q.numeric = t.size() <= 64 && numeric_word(t);  // longer is no table number (and stays linear)
            continue;
          }
        }
        ln.pieces.push_back(pc);
      }
    }
  }

  /// The line ends, before `x` and after `after`, in a piece of text (a label).
  static bool label_before(const Line& l, double x, double after) {
    return !l.gone && !l.pieces.empty() && l.pieces.back().end() <= x && l.pieces.back().x >= after &&
           !l.pieces.back().numeric;
  }

  /// The row of numbers of a line `i` (its trailing numeric pieces) and the label they follow:
  /// the text piece nearest to their left, on line `i` or on a line within `reach` of it.
  /// Returns the index of the line whose last piece is that label, or lines_.size() when it is
  /// on line `i`, another line's label column lies nearer to the numbers, or there is none.
  std::size_t label_line(std::size_t i, std::size_t k0, double reach, double wide) const {
    const Line& l = lines_[i];
    const double first = l.pieces[k0].x - 0.1 * l.h;
    double best_end = k0 > 0 ? l.pieces[k0 - 1].end() : -runs_limits::kMaxCoordinate;
    const double after = best_end;
    std::size_t best = lines_.size();
    const std::size_t from = i >= 6 ? i - 6 : 0, to = std::min(lines_.size(), i + 7);
    for (std::size_t j = from; j < to; ++j) {
      const Line& c = lines_[j];
      if (j == i || c.gone || c.pieces.empty() || std::abs(c.y - l.y) > wide) continue;
      // The text of line j nearest to the numbers, left of them.
      auto it = std::lower_bound(c.pieces.begin(), c.pieces.end(), first, [](const Piece& p, double x) { return p.x < x; });
      if (it == c.pieces.begin()) continue;
      const Piece& t = *(it - 1);
      if (t.numeric || t.end() > first || t.end() <= best_end) continue;
      best_end = t.end();
      // Only a line near enough, that ends in this label and is no row of numbers itself, takes them.
      best = std::abs(c.y - l.y) <= reach && label_before(c, first, after) ? j : lines_.size();
    }
    return best;
  }

  /// Where the run of numeric pieces that ends a line begins.
  static std::size_t trailing_numbers(const Line& l) {
    std::size_t k = l.pieces.size();
    while (k > 0 && l.pieces[k - 1].numeric) --k;
    return k;
  }

  /// A row of numbers set a little lower (or higher) than its label, as a CJK label and numbers
  /// in a Latin font come out when a table centres each cell's text (0.3 to 0.5 of a height
  /// apart), joins the label's line, so that the row is one line as pdftotext shows it. Text left
  /// of the label on the numbers' line (a label printed down a merged cell, nearer to the numbers
  /// than to the row's own label) stays where it is, on a line of its own, never glued onto
  /// the row. Numbers with a label column nearer to them on a line around (a wrapped label whose
  /// lines enclose the numbers) are left to merge_number_lines.
  void join_offset_numbers() {
    for (std::size_t i = 0; i < lines_.size(); ++i) {
      Line& l = lines_[i];
      if (l.gone || l.pieces.empty() || !l.pieces.back().numeric) continue;
      const std::size_t k0 = trailing_numbers(l);
      const std::size_t li = label_line(i, k0, 0.5 * l.h, 1.1 * l.h);
      if (li == lines_.size()) continue;
      Line& b = lines_[li];
      b.pieces.insert(b.pieces.end(), l.pieces.begin() + static_cast<std::ptrdiff_t>(k0), l.pieces.end());
      b.hmax = std::max(b.hmax, l.hmax);
      l.pieces.resize(k0);
      if (l.pieces.empty()) l.gone = true;
    }
  }

  /// A row of numbers centred between the lines of a wrapped label (a cell of two lines next
  /// to cells of one, middle-aligned) joins the label line below it whose text ends nearest to
  /// the numbers (join_wrapped_cells then puts the line above in front of that label). What
  /// the line has left of the label's column (a glyph of a vertical label) stays.
  void merge_number_lines() {
    for (std::size_t i = 0; i < lines_.size(); ++i) {
      Line& l = lines_[i];
      if (l.gone || l.pieces.empty() || !l.pieces.back().numeric) continue;
      const std::size_t k0 = trailing_numbers(l);
      const double first = l.pieces[k0].x - 0.1 * l.h, reach = 1.1 * l.h;
      const double after = k0 > 0 ? l.pieces[k0 - 1].end() : -runs_limits::kMaxCoordinate;
      bool above = false;
      for (std::size_t j = i, steps = 0; j-- > 0 && steps < 4; ++steps) {
        if (lines_[j].gone) continue;
        if (lines_[j].y - l.y > reach) break;
        if (label_before(lines_[j], first, after)) { above = true; break; }
      }
      if (!above) continue;
      std::size_t best = lines_.size();
      for (std::size_t j = i + 1; j < lines_.size() && j < i + 5; ++j) {
        if (lines_[j].gone) continue;
        if (l.y - lines_[j].y > reach) break;
        if (label_before(lines_[j], first, after) &&
            (best == lines_.size() || lines_[j].pieces.back().end() > lines_[best].pieces.back().end()))
          best = j;
      }
      if (best == lines_.size()) continue;
      Line& b = lines_[best];
      b.pieces.insert(b.pieces.end(), l.pieces.begin() + static_cast<std::ptrdiff_t>(k0), l.pieces.end());
      b.hmax = std::max(b.hmax, l.hmax);
      l.pieces.resize(k0);
      if (l.pieces.empty()) l.gone = true;
    }
  }

  /// The one piece of line `l` (sorted by x) in the column [x0, x1), or nullptr (none, or
  /// several). Looks at a bounded number of pieces.
  static Piece* in_column(Line& l, double x0, double x1, bool& several) {
    Piece* found = nullptr;
    several = false;
    auto it = std::lower_bound(l.pieces.begin(), l.pieces.end(), x1, [](const Piece& p, double x) { return p.x < x; });
    for (int looked = 0; it != l.pieces.begin() && looked < 8; ++looked) {
      Piece& p = *--it;
      if (p.gone || p.end() <= x0) continue;
      if (found) { several = true; return nullptr; }
      found = &p;
    }
    return found;
  }

  /// Where the column of piece `k` of line `li` ends: the next piece on its line, or the
  /// nearest column start to its right on the lines around it (infinite in running text).
  double column_end(std::size_t li, std::size_t k) const {
    const Line& ln = lines_[li];
    const Piece& p = ln.pieces[k];
    double r = k + 1 < ln.pieces.size() ? ln.pieces[k + 1].x : runs_limits::kMaxCoordinate;
    const std::size_t from = li >= 6 ? li - 6 : 0, to = std::min(lines_.size(), li + 7);
    for (std::size_t j = from; j < to; ++j) {
      const std::vector<float>& a = lines_[j].starts;
      auto it = std::lower_bound(a.begin(), a.end(), static_cast<float>(p.end() - 0.1 * p.h));
      if (it != a.end() && *it < r && *it > p.x) r = *it;
    }
    return r;
  }

  /// A number that ends its line inside the item before it, a word apart ("…洪泽湖大道 90":
  /// running text wrapped after a house number), is no cell of a table row.
  static bool trailing_word_number(const Line& l, std::size_t k) {
    return k + 1 == l.pieces.size() && k > 0 && l.pieces[k].numeric && !l.pieces[k].item_first;
  }

  /// The line holds more than one cell (a trailing word number is not one).
  static bool several_cells(const Line& l) {
    return l.pieces.size() > 2 || (l.pieces.size() == 2 && !trailing_word_number(l, 1));
  }

  /// The piece after `p` on its line is a number: `p` is the label of a row of numbers.
  static bool labels_numbers(const Line& l, const Piece& p) {
    const std::size_t k = static_cast<std::size_t>(&p - l.pieces.data());
    return k + 1 < l.pieces.size() && l.pieces[k + 1].numeric && !trailing_word_number(l, k + 1);
  }

  /// A tall cell alone on its lines (a label spanning several rows, centred between them) goes
  /// onto the nearest row beside it, as a copied table shows it in a row, so that it does not
  /// stand alone between rows (where "三、本年度办理结果" would read as a heading).
  void attach(std::size_t li) {
    Piece& cell = lines_[li].pieces.front();
    const double top = cell.cell_top, bottom = cell.cell_bottom, mid = (top + bottom) / 2, right = cell.cell_right;
    const double reach = pitch(cell.h) * cell.h;
    std::size_t best = lines_.size();
    double best_d = 0;
    for (std::size_t j = li >= 16 ? li - 16 : 0; j < lines_.size() && j <= li + 16; ++j) {
      Line& l = lines_[j];
      if (j == li || l.gone || l.y > top + reach || l.y < bottom - reach) continue;
      bool several = false;
      const bool clash = in_column(l, cell.x - 1, right, several) || several;
      const bool beside = !l.pieces.empty() && l.pieces.back().x >= right;
      if (clash || !beside) continue;
      const double d = std::abs(l.y - mid);
      if (best == lines_.size() || d < best_d) { best = j; best_d = d; }
    }
    if (best == lines_.size()) return;
    const Piece moved = cell;
    cell.gone = true;
    std::vector<Piece>& ps = lines_[best].pieces;
    ps.insert(std::upper_bound(ps.begin(), ps.end(), moved, [](const Piece& a, const Piece& b) { return a.x < b.x; }), moved);
  }

  /// A table cell whose text wraps over several lines (a narrow column) becomes one piece: the
  /// pieces on the lines below that start where it starts, in its column, at the document's
  /// line spacing, while the piece above is full (the next glyph or two would not have fitted
  /// before the next column). The cell's text goes onto the line with its row's numbers
  /// (else a line with other cells, else its first line); a continuation may not begin a
  /// numbered item, and a cell has one row of numbers.
  void join_wrapped_cells() {
    constexpr std::size_t kReach = 16;  // lines looked at below a piece
    for (std::size_t li = 0; li < lines_.size(); ++li) {
      for (std::size_t k = 0; !lines_[li].gone && k < lines_[li].pieces.size(); ++k) {
        Piece& p = lines_[li].pieces[k];
        if (p.gone || p.numeric || p.in_cell) continue;
        // A word of an item that goes on in text after it ("商 业 企", letter-spaced) is not a cell.
        if (!p.item_last && k + 1 < lines_[li].pieces.size() && !lines_[li].pieces[k + 1].numeric) continue;
        const double right = column_end(li, k), h = p.h, tolx = std::max(1.0, 0.15 * h);
        auto full = [&](const Piece& q) { return q.end() <= right + 0.1 * h && right - q.end() < 2.6 * h; };
        if (!full(p)) continue;
        struct Member {
          std::size_t line;
          Piece* piece;
        };
        std::vector<Member> cell{{li, &p}};
        // In a table: a block line has other cells, or lines of other columns lie between.
        bool numbers = labels_numbers(lines_[li], p), others = several_cells(lines_[li]);
        double y = p.y;
        for (std::size_t j = li + 1, steps = 0; j < lines_.size() && steps < kReach; ++j, ++steps) {
          Line& d = lines_[j];
          if (d.gone) continue;
          if (y - d.y > pitch(h) * h + 0.3 * h) break;
          bool several = false;
          Piece* q = in_column(d, p.x - tolx, right, several);
          if (several) break;
          if (!q) {  // a line of another column (a glyph of a vertical label, a row beside a tall cell)
            others = true;
            continue;
          }
          if (std::abs(q->x - p.x) > tolx || q->end() > right + 0.1 * h || q->numeric || q->in_cell ||
              std::abs(q->h - h) > 0.1 * h || y - q->y > pitch(h) * h || starts_numbered(text(*q)))
            break;
          const bool n = labels_numbers(d, *q);
          if (n && numbers) break;
          numbers = numbers || n;
          others = others || several_cells(d);
          cell.push_back({j, q});
          y = q->y;
          if (!full(*q)) break;
        }
        if (cell.size() < 2 || !(numbers || others)) continue;  // running text is reflowed, not joined here
        std::size_t target = 0;
        for (std::size_t m = cell.size(); m-- > 0;)
          if (several_cells(lines_[cell[m].line])) target = m;
        for (std::size_t m = cell.size(); m-- > 0;)
          if (labels_numbers(lines_[cell[m].line], *cell[m].piece)) target = m;
        std::string joined;
        std::uint32_t cols = 0;
        for (const Member& m : cell) {
          const std::string_view t = text(*m.piece);
          const std::size_t before = joined.size();
          join_text(joined, t);
          cols += m.piece->cols + static_cast<std::uint32_t>(joined.size() - before - t.size());
          m.piece->in_cell = true;
        }
        Piece& into = *cell[target].piece;
        for (std::size_t m = 0; m < cell.size(); ++m)
          if (m != target) cell[m].piece->gone = true;
        if (!into.joined) {
          joined_.emplace_back();
          into.joined = static_cast<std::uint32_t>(joined_.size());
        }
        joined_[into.joined - 1] = std::move(joined);
        into.cols = cols;
        into.x = p.x;
        into.cell_top = cell.front().piece->y;
        into.cell_bottom = cell.back().piece->y;
        into.cell_right = right;
      }
    }
    auto compact = [this] {
      for (Line& l : lines_) {
        if (l.gone) continue;
        l.pieces.erase(std::remove_if(l.pieces.begin(), l.pieces.end(), [](const Piece& x) { return x.gone; }), l.pieces.end());
        if (l.pieces.empty()) l.gone = true;
      }
    };
    compact();
    for (std::size_t li = 0; li < lines_.size(); ++li)
      if (!lines_[li].gone && lines_[li].pieces.size() == 1 && lines_[li].pieces.front().cell_right > 0) attach(li);
    compact();
  }

  void anchors() {
    for (Line& ln : lines_) {
      ln.starts.clear();
      ln.ends.clear();
      if (ln.gone) continue;
      const std::vector<Piece>& ps = ln.pieces;
      for (std::size_t k = 0; k < ps.size(); ++k) {
        const Piece& p = ps[k];
        if (p.item_first && (k == 0 || p.x - ps[k - 1].end() >= 0.6 * p.h)) ln.starts.push_back(static_cast<float>(p.x));
        if (p.item_last && (k + 1 == ps.size() || ps[k + 1].x - p.end() >= 0.6 * p.h))
          ln.ends.push_back(static_cast<float>(p.end()));
      }
      std::sort(ln.starts.begin(), ln.starts.end());
      std::sort(ln.ends.begin(), ln.ends.end());
    }
  }

  /// Whether two of the lines near line `li` (six above, six below) have a column anchor
  /// within `tol` of `x`: a piece there starts (ends) a column even when pdf.js put it in one
  /// item with its neighbour, one space apart.
  bool aligned(std::size_t li, double x, double tol, bool starts) const {
    int n = 0;
    const std::size_t from = li >= 6 ? li - 6 : 0, to = std::min(lines_.size(), li + 7);
    for (std::size_t j = from; j < to; ++j) {
      if (j == li) continue;  // lines merged away keep their anchors: the page as drawn
      const std::vector<float>& a = starts ? lines_[j].starts : lines_[j].ends;
      auto it = std::lower_bound(a.begin(), a.end(), static_cast<float>(x - tol));
      if (it != a.end() && *it <= x + tol && ++n >= 2) return true;
    }
    return false;
  }

  std::string_view text(const Piece& p) const {
    return p.joined ? std::string_view(joined_[p.joined - 1]) : std::string_view(p_.text).substr(p.begin, p.len);
  }

  std::size_t grid(double x) const {
    const double c = (x - left_) / cw_ + 0.5;
    if (!(c > 0)) return 0;
    return c >= static_cast<double>(runs_limits::kMaxColumn) ? runs_limits::kMaxColumn : static_cast<std::size_t>(c);
  }

  OutLine write_line(std::uint32_t li) const {
    const Line& ln = lines_[li];
    const std::vector<Piece>& ps = ln.pieces;
    OutLine o{{}, ln.y, ln.y, ln.hmax, ps.front().x, ps.back().end(), true};
    std::size_t col = 0;
    for (std::size_t k = 0; k < ps.size(); ++k) {
      const Piece& p = ps[k];
      std::size_t pad = 0;
      if (k == 0) {
        pad = grid(p.x);
      } else {
        const Piece& q = ps[k - 1];
        const double gap = p.x - q.end(), em = (p.h + q.h) / 2;
        int sep = 0;
        if (gap >= 0.8 * em) sep = 2;
        else if (gap >= 0.1 * em || p.item == q.last_item)
          // A column starts at p, or q is a number ending where a right-aligned column of
          // numbers ends. (Text ending where other lines' text ends proves nothing: CJK labels
          // in one column end on a grid of glyph widths.)
          sep = aligned(li, p.x, std::max(1.0, 0.25 * p.h), true) ||
                        (q.numeric && aligned(li, q.end(), std::max(1.0, 0.25 * q.h), false))
                    ? 2
                    : 1;
        // A number ending the line a word after the text of its own item ("大道 90"), not at
        // the start of a column: a word space, however wide the estimated gap.
        if (sep == 2 && trailing_word_number(ln, k) && !aligned(li, p.x, std::max(1.0, 0.25 * p.h), true)) sep = 1;
        // Letter-spaced CJK (distributed or justified text, which pdf.js writes "政 府 信 息"):
        // a small gap next to a single CJK glyph is no word space. ("办公室 网站" keeps its space.)
        if (sep == 1 && gap < 0.5 * em && (q.cols == 2 || p.cols == 2) && wide_at(text(q), false) && wide_at(text(p), true))
          sep = 0;
        if (sep == 2) o.single = false;
        const std::size_t target = grid(p.x);
        pad = sep < 2 ? static_cast<std::size_t>(sep) : std::max<std::size_t>(2, target > col ? target - col : 0);
      }
      if (p.cell_right > 0) {  // a cell joined from several lines spans them
        o.top = std::max(o.top, p.cell_top);
        o.bottom = std::min(o.bottom, p.cell_bottom);
      }
      o.text.append(pad, ' ');
      o.text += text(p);
      col += pad + p.cols;
    }
    return o;
  }

  /// Running text wrapped at the right edge continues on the next line: the lines of one
  /// paragraph are joined (same font size, normal line spacing, the line full to the page's
  /// right edge of text, the next one not indented and not a new heading or item).
  void reflow(std::vector<OutLine>& outs) const {
    double right = 0;
    for (const OutLine& o : outs) right = std::max(right, o.end);
    for (std::size_t i = 0; i < outs.size(); ++i) {
      OutLine& u = outs[i];
      if (u.gone || !u.single) continue;
      for (std::size_t j = i + 1; j < outs.size(); ++j) {
        OutLine& d = outs[j];
        const double h = u.h;
        if (!d.single || std::abs(d.h - h) > 0.1 * h || u.bottom - d.top > 1.8 * h || u.bottom - d.top <= 0) break;
        if (right - u.end >= 2.1 * h || d.x > u.x + 0.5 * h) break;
        const std::string_view t = utf8::trim(d.text);
        if (starts_numbered(t)) break;
        join_text(u.text, t);
        u.bottom = d.bottom;
        u.end = d.end;
        d.gone = true;
      }
    }
  }

  const Parsed& p_;
  const Limits& limits_;
  Widths widths_;
  std::vector<Line> lines_;
  std::vector<std::string> joined_;
  LinePitch pitch_;
  /// The largest baseline distance (in font heights) between two lines of one cell of height h.
  double pitch(double h) const { return 1.1 * pitch_.of(h); }
  double left_ = 0, cw_ = 5;
};

}  // namespace

bool looks_like_runs(std::string_view bytes) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  if (bytes.substr(0, kRunsHeader.size()) != kRunsHeader) return false;
  const std::string_view rest = bytes.substr(kRunsHeader.size());
  return rest.empty() || rest[0] == '\n' || rest.substr(0, 2) == "\r\n";
}

std::optional<std::string> runs_to_text(std::string_view payload, const Limits& limits, Error* error) {
  if (payload.size() > limits.max_input_bytes || payload.size() > 0xFFFFFFF0u) {  // texts are indexed with 32 bits
    if (error)
      *error = Error{ErrorCode::too_large,
                     "输入过大：" + std::to_string(payload.size()) + " 字节，上限为 " +
                         std::to_string(limits.max_input_bytes) + " 字节",
                     limits.max_input_bytes};
    return std::nullopt;
  }
  std::optional<Parsed> parsed = parse(payload, error);
  if (!parsed) return std::nullopt;
  Layout layout(*parsed, limits);
  std::string out;
  for (std::size_t i = 0; i < parsed->pages.size(); ++i) {
    if (i > 0 && !out.empty() && out.back() != '\f') out += '\f';
    if (!layout.page(parsed->pages[i], out)) {
      if (error)
        *error = Error{ErrorCode::too_large,
                       "PDF 文本的排版结果超过 " + std::to_string(limits.max_input_bytes) + " 字节的上限", 0};
      return std::nullopt;
    }
  }
  return out;
}

}  // namespace nianbao
