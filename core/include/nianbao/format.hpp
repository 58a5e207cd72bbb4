// What kind of report a check found: its format (spec §1) and its script.
#pragma once
#include <string_view>

namespace nianbao {

/// The report's format: the tables' template generation (legacy before 2019, 2019, 2021).
enum class Format { unknown, legacy, f2019, f2021 };
/// "legacy", "2019", "2021" or "unknown" (the JSON's meta.format).
std::string_view format_name(Format f);

/// The script the report was written in: Simplified, or Traditional (converted before reading).
enum class Script { hans, hant };

}  // namespace nianbao
