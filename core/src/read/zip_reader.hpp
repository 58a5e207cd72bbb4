// A small, defensive reader of ZIP containers (internal; used by the DOCX reader).
// Reads the central directory (ZIP64 included), and extracts single entries (stored or
// deflated, through zlib's raw inflate) with a size cap, a ratio check and a CRC-32 check.
// Never trusts a header: every offset and size is checked against the buffer.
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace nianbao::zip {

struct Entry {
  std::string name;
  std::uint16_t flags = 0;
  std::uint16_t method = 0;
  std::uint32_t crc = 0;
  std::uint64_t compressed_size = 0;
  std::uint64_t size = 0;  ///< uncompressed, as the central directory declares it
  std::uint64_t local_offset = 0;
  std::size_t central_offset = 0;  ///< where this entry's central directory record starts
};

struct Archive {
  std::vector<Entry> entries;
  std::uint64_t directory_offset = 0;  ///< start of the central directory (end of entry data)
  /// The entry whose name equals `name` (ASCII case-insensitively, as OPC part names compare).
  /// Sets `duplicate` when more than one entry has that name.
  const Entry* find(std::string_view name, bool* duplicate = nullptr) const;
};

struct Failure {
  std::string message;       ///< Chinese, for people
  std::size_t position = 0;  ///< byte offset in the container
  bool too_large = false;    ///< a size limit (not corruption) was hit
};

/// Reads the end-of-central-directory record and the central directory. At most
/// `max_entries` entries are accepted.
std::optional<Archive> read_archive(std::string_view bytes, std::size_t max_entries, Failure* failure);

struct ExtractLimits {
  std::size_t max_size;     ///< cap on the uncompressed size of this entry
  std::size_t ratio_floor;  ///< entries up to this size are exempt from the ratio check
  std::size_t max_ratio;    ///< uncompressed / compressed above ratio_floor
};

/// The uncompressed bytes of `entry`, checked against its declared size and CRC-32.
std::optional<std::string> extract(std::string_view bytes, const Archive& archive, const Entry& entry,
                                   const ExtractLimits& limits, Failure* failure);

}  // namespace nianbao::zip
