// Automatic paragraph numbering of a .docx (internal; used by the DOCX reader): the list
// definitions of word/numbering.xml and the paragraph styles of word/styles.xml, and the
// counters that turn "this paragraph is level 0 of list 3" into the text Word shows ("一、").
#pragma once
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace nianbao::docx {

class Numbering {
 public:
  /// Parses the two parts (either may be empty or malformed: then it contributes nothing).
  static Numbering load(std::string_view numbering_xml, std::string_view styles_xml);

  /// The label of the next paragraph with these properties, in document order (advances the
  /// counters). `num_id`/`ilvl` from the paragraph's own w:numPr (absent: not given), `style`
  /// its w:pStyle (empty: the default paragraph style). Returns "" for unnumbered paragraphs
  /// and bullets; otherwise the label plus the separator (a space after an ASCII character).
  std::string next(std::optional<int> num_id, std::optional<int> ilvl, std::string_view style);

  bool empty() const { return nums_.empty(); }

  static constexpr int kLevels = 9;
  /// Longer labels (a hostile w:lvlText) are dropped.
  static constexpr std::size_t kMaxLabel = 256;

  struct Level {
    int start = 1;
    std::string format = "decimal";
    std::string text;
    bool legal = false;     ///< w:isLgl: all numbers of this level's label in decimal
    bool separator = true;  ///< w:suff is tab or space (the default), not nothing
    std::string style;      ///< w:pStyle linking a paragraph style to this level
  };

 private:
  // Lists are few (tens, rarely thousands): flat vectors searched linearly keep the module small.
  struct Abstract {
    int id = -1;
    std::array<Level, kLevels> levels;
    std::string num_style_link;           ///< the list is defined by a numbering style
    std::array<int, kLevels> counters{};  ///< 0 = not used since its last reset
  };
  struct Num {
    int id = -1;
    int abstract_id = -1;
    std::vector<std::pair<int, int>> start_override;  ///< (level, start)
    std::vector<std::pair<int, Level>> level_override;
    bool started = false;
  };
  struct Style {
    std::string id;
    std::string based_on;
    std::optional<int> num_id, ilvl;
  };

  Abstract* abstract_of(const Num& num, int hops);
  Num* num(int id);
  const Style* style(std::string_view id) const;

  std::vector<Abstract> abstracts_;
  std::vector<Num> nums_;
  std::vector<Style> styles_;
  std::string default_style_;
};

/// Formats `n` in a w:numFmt ("decimal", "chineseCounting", "upperRoman", ...).
std::string format_number(int n, std::string_view format);

}  // namespace nianbao::docx
