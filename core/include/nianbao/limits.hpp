// Limits a check enforces on its input (a clear error beyond them, never a crash or a hang).
#pragma once
#include <cstddef>

namespace nianbao {

struct Limits {
  std::size_t max_input_bytes = 20u << 20;  ///< 20 MiB
};

}  // namespace nianbao
