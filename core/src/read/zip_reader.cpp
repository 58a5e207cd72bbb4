#include "read/zip_reader.hpp"

#include <zlib.h>

#include <algorithm>
#include <array>
#include <initializer_list>
#include <limits>

namespace nianbao::zip {

namespace {

constexpr std::uint32_t kLocalSig = 0x04034b50;
constexpr std::uint32_t kCentralSig = 0x02014b50;
constexpr std::uint32_t kEndSig = 0x06054b50;
constexpr std::uint32_t kEnd64Sig = 0x06064b50;
constexpr std::uint32_t kEnd64LocatorSig = 0x07064b50;
constexpr std::size_t kEndSize = 22;
constexpr std::size_t kCentralSize = 46;
constexpr std::size_t kLocalSize = 30;
constexpr std::size_t kEnd64Size = 56;
constexpr std::size_t kEnd64LocatorSize = 20;

std::uint16_t u16(std::string_view b, std::size_t at) {
  return static_cast<std::uint16_t>(static_cast<unsigned char>(b[at]) | (static_cast<unsigned char>(b[at + 1]) << 8));
}
std::uint32_t u32(std::string_view b, std::size_t at) {
  return static_cast<std::uint32_t>(u16(b, at)) | (static_cast<std::uint32_t>(u16(b, at + 2)) << 16);
}
std::uint64_t u64(std::string_view b, std::size_t at) {
  return static_cast<std::uint64_t>(u32(b, at)) | (static_cast<std::uint64_t>(u32(b, at + 4)) << 32);
}

bool fits(std::uint64_t start, std::uint64_t length, std::uint64_t end) {
  return start <= end && length <= end - start;
}

bool fail(Failure* f, std::size_t position, std::initializer_list<std::string_view> parts, bool too_large = false) {
  if (f) {
    f->message.clear();
    for (std::string_view p : parts) f->message += p;
    f->position = position;
    f->too_large = too_large;
  }
  return false;
}
bool fail(Failure* f, std::size_t position, std::string_view message) { return fail(f, position, {message}); }

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool iequal(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (lower(a[i]) != lower(b[i])) return false;
  return true;
}

/// CRC-32 (ISO 3309, as ZIP uses it). zlib is built without gzip support, so its crc32 and
/// its tables stay out of the module; this byte-wise loop is fast enough for one part.
std::uint32_t crc32_of(std::string_view s) {
  static const std::array<std::uint32_t, 256> table = [] {
    std::array<std::uint32_t, 256> t{};
    for (std::uint32_t n = 0; n < 256; ++n) {
      std::uint32_t c = n;
      for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
      t[n] = c;
    }
    return t;
  }();
  std::uint32_t c = 0xFFFFFFFFu;
  for (char ch : s) c = table[(c ^ static_cast<unsigned char>(ch)) & 0xFFu] ^ (c >> 8);
  return c ^ 0xFFFFFFFFu;
}

constexpr std::string_view kCorrupt = "DOCX 文件已损坏：";

/// Finds the end-of-central-directory record (the last one whose comment fits the buffer).
std::optional<std::size_t> find_end(std::string_view b) {
  if (b.size() < kEndSize) return std::nullopt;
  const std::size_t last = b.size() - kEndSize;
  const std::size_t first = last > 0xFFFF ? last - 0xFFFF : 0;
  for (std::size_t i = last + 1; i-- > first;) {
    if (u32(b, i) == kEndSig && i + kEndSize + u16(b, i + 20) <= b.size()) return i;
  }
  return std::nullopt;
}

}  // namespace

const Entry* Archive::find(std::string_view name, bool* duplicate) const {
  const Entry* found = nullptr;
  if (duplicate) *duplicate = false;
  for (const Entry& e : entries) {
    if (!iequal(e.name, name)) continue;
    if (found) {
      if (duplicate) *duplicate = true;
      return found;
    }
    found = &e;
  }
  return found;
}

std::optional<Archive> read_archive(std::string_view b, std::size_t max_entries, Failure* failure) {
  const std::optional<std::size_t> end = find_end(b);
  if (!end) {
    if (b.size() >= 4 && u32(b, 0) == kLocalSig)
      fail(failure, b.size(), {kCorrupt, "找不到 ZIP 目录（文件不完整，可能下载或复制时被截断）"});
    else
      fail(failure, 0, "不是 .docx 文件（不是 ZIP 格式）");
    return std::nullopt;
  }
  const std::size_t e = *end;
  std::uint64_t count = u16(b, e + 10);
  std::uint64_t dir_size = u32(b, e + 12);
  std::uint64_t dir_offset = u32(b, e + 16);
  std::uint64_t dir_limit = e;  // the central directory ends before the end record
  if (u16(b, e + 4) != 0 || u16(b, e + 6) != 0 || u16(b, e + 8) != u16(b, e + 10)) {
    fail(failure, e, "不支持分卷 ZIP 文件");
    return std::nullopt;
  }
  if (count == 0xFFFF || dir_size == 0xFFFFFFFF || dir_offset == 0xFFFFFFFF) {
    // ZIP64: the locator sits right before the end record and points at the ZIP64 end record.
    if (e < kEnd64LocatorSize || u32(b, e - kEnd64LocatorSize) != kEnd64LocatorSig) {
      fail(failure, e, {kCorrupt, "ZIP64 目录记录缺失"});
      return std::nullopt;
    }
    const std::size_t loc = e - kEnd64LocatorSize;
    const std::uint64_t rec = u64(b, loc + 8);
    if (!fits(rec, kEnd64Size, loc) || u32(b, static_cast<std::size_t>(rec)) != kEnd64Sig) {
      fail(failure, loc, {kCorrupt, "ZIP64 目录记录无效"});
      return std::nullopt;
    }
    const std::size_t r = static_cast<std::size_t>(rec);
    if (u32(b, r + 16) != 0 || u32(b, r + 20) != 0 || u64(b, r + 24) != u64(b, r + 32)) {
      fail(failure, r, "不支持分卷 ZIP 文件");
      return std::nullopt;
    }
    count = u64(b, r + 32);
    dir_size = u64(b, r + 40);
    dir_offset = u64(b, r + 48);
    dir_limit = r;
  }
  if (!fits(dir_offset, dir_size, dir_limit)) {
    fail(failure, e, {kCorrupt, "ZIP 目录的位置或大小超出文件范围（文件可能被截断）"});
    return std::nullopt;
  }
  if (count > max_entries) {
    fail(failure, e,
         {"DOCX 文件包含 ", std::to_string(count), " 个部件，超过上限 ", std::to_string(max_entries), " 个"}, true);
    return std::nullopt;
  }
  // Each central record takes at least 46 bytes.
  if (count > dir_size / kCentralSize) {
    fail(failure, e, {kCorrupt, "ZIP 目录记录的数量与大小不符"});
    return std::nullopt;
  }

  Archive a;
  a.directory_offset = dir_offset;
  a.entries.reserve(static_cast<std::size_t>(count));
  const std::uint64_t dir_end = dir_offset + dir_size;
  std::size_t p = static_cast<std::size_t>(dir_offset);
  for (std::uint64_t i = 0; i < count; ++i) {
    if (!fits(p, kCentralSize, dir_end) || u32(b, p) != kCentralSig) {
      fail(failure, p, {kCorrupt, "ZIP 目录记录无效"});
      return std::nullopt;
    }
    const std::size_t name_len = u16(b, p + 28), extra_len = u16(b, p + 30), comment_len = u16(b, p + 32);
    const std::uint64_t rec_len = kCentralSize + name_len + extra_len + comment_len;
    if (!fits(p, rec_len, dir_end)) {
      fail(failure, p, {kCorrupt, "ZIP 目录记录超出目录范围"});
      return std::nullopt;
    }
    Entry en;
    en.central_offset = p;
    en.flags = u16(b, p + 8);
    en.method = u16(b, p + 10);
    en.crc = u32(b, p + 16);
    en.compressed_size = u32(b, p + 20);
    en.size = u32(b, p + 24);
    en.local_offset = u32(b, p + 42);
    en.name.assign(b.substr(p + kCentralSize, name_len));
    const bool disk_64 = u16(b, p + 34) == 0xFFFF;
    if (u16(b, p + 34) != 0 && !disk_64) {
      fail(failure, p, "不支持分卷 ZIP 文件");
      return std::nullopt;
    }
    if (en.size == 0xFFFFFFFF || en.compressed_size == 0xFFFFFFFF || en.local_offset == 0xFFFFFFFF || disk_64) {
      // The ZIP64 extra field (id 1) holds, in order, the fields whose 32-bit slot is saturated.
      std::size_t x = p + kCentralSize + name_len;
      const std::size_t x_end = x + extra_len;
      bool found = false;
      while (x + 4 <= x_end) {
        const std::uint16_t id = u16(b, x), len = u16(b, x + 2);
        if (x + 4 + len > x_end) break;
        if (id == 1) {
          std::size_t q = x + 4;
          const std::size_t q_end = q + len;
          auto take = [&](std::uint64_t& field) {
            if (field != 0xFFFFFFFF) return true;
            if (q + 8 > q_end) return false;
            field = u64(b, q);
            q += 8;
            return true;
          };
          found = take(en.size) && take(en.compressed_size) && take(en.local_offset);
          break;
        }
        x += 4 + std::size_t{len};
      }
      if (!found) {
        fail(failure, p, {kCorrupt, "ZIP64 扩展字段无效"});
        return std::nullopt;
      }
    }
    a.entries.push_back(std::move(en));
    p += static_cast<std::size_t>(rec_len);
  }
  return a;
}

std::optional<std::string> extract(std::string_view b, const Archive& archive, const Entry& en,
                                   const ExtractLimits& limits, Failure* failure) {
  const std::size_t at = en.central_offset;
  if (en.flags & 0x0041) {
    fail(failure, at, {"DOCX 文件已加密（部件 ", en.name, "），请先在 Word 中取消密码再检查"});
    return std::nullopt;
  }
  if (en.method != 0 && en.method != 8) {
    fail(failure, at,
         {"DOCX 部件 ", en.name, " 使用了不支持的压缩方式（", std::to_string(en.method),
          "），请在 Word 中重新保存后再检查"});
    return std::nullopt;
  }
  if (en.size > limits.max_size) {
    fail(failure, at,
         {"DOCX 部件 ", en.name, " 解压后有 ", std::to_string(en.size), " 字节，超过上限 ",
          std::to_string(limits.max_size), " 字节"},
         true);
    return std::nullopt;
  }
  if (en.size > limits.ratio_floor && en.size / std::max<std::uint64_t>(en.compressed_size, 1) > limits.max_ratio) {
    fail(failure, at,
         {"DOCX 部件 ", en.name, " 的压缩比超过 ", std::to_string(limits.max_ratio), ":1，疑似“压缩炸弹”，不予解压"});
    return std::nullopt;
  }
  // Local header: only its signature and variable lengths are used; sizes come from the
  // central directory (the local ones may be zero when a data descriptor follows).
  const std::uint64_t lo = en.local_offset;
  if (!fits(lo, kLocalSize, archive.directory_offset) || u32(b, static_cast<std::size_t>(lo)) != kLocalSig) {
    fail(failure, at, {kCorrupt, "部件 ", en.name, " 的本地文件头无效"});
    return std::nullopt;
  }
  const std::size_t l = static_cast<std::size_t>(lo);
  const std::uint64_t data = lo + kLocalSize + u16(b, l + 26) + u16(b, l + 28);
  if (!fits(data, en.compressed_size, archive.directory_offset)) {
    fail(failure, l, {kCorrupt, "部件 ", en.name, " 的数据超出文件范围（文件可能被截断）"});
    return std::nullopt;
  }
  const std::string_view in = b.substr(static_cast<std::size_t>(data), static_cast<std::size_t>(en.compressed_size));
  const std::size_t size = static_cast<std::size_t>(en.size);
  std::string out;
  if (en.method == 0) {
    if (en.compressed_size != en.size) {
      fail(failure, at, {kCorrupt, "部件 ", en.name, " 的大小记录不一致"});
      return std::nullopt;
    }
    out.assign(in);
  } else {
    out.resize(size);
    z_stream z{};
    if (inflateInit2(&z, -MAX_WBITS) != Z_OK) {
      fail(failure, at, "无法初始化解压缩（内存不足）");
      return std::nullopt;
    }
    // zlib counts in uInt: feed and drain in chunks so any size_t length works.
    constexpr std::size_t kChunk = std::numeric_limits<uInt>::max() / 2;
    std::size_t in_pos = 0, out_pos = 0;
    unsigned char spare[1];
    bool spare_given = false, extra_output = false;
    int rc = Z_OK;
    for (;;) {
      if (z.avail_in == 0 && in_pos < in.size()) {
        const std::size_t n = std::min(kChunk, in.size() - in_pos);
        z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data() + in_pos));
        z.avail_in = static_cast<uInt>(n);
        in_pos += n;
      }
      if (z.avail_out == 0) {
        if (out_pos < size) {
          const std::size_t n = std::min(kChunk, size - out_pos);
          z.next_out = reinterpret_cast<Bytef*>(out.data() + out_pos);
          z.avail_out = static_cast<uInt>(n);
          out_pos += n;
        } else if (!spare_given) {
          // The declared size is reached: one more byte of output means the header lied.
          z.next_out = spare;
          z.avail_out = 1;
          spare_given = true;
        } else {
          extra_output = true;
          break;
        }
      }
      rc = inflate(&z, Z_NO_FLUSH);
      if (spare_given && z.avail_out == 0) {
        extra_output = true;
        break;
      }
      if (rc != Z_OK) break;  // Z_STREAM_END, or an error (Z_BUF_ERROR: the input ran out)
    }
    const std::uint64_t produced = z.total_out;
    inflateEnd(&z);
    if (extra_output) {
      fail(failure, at,
           {"DOCX 部件 ", en.name, " 解压后比记录的大小（", std::to_string(en.size),
            " 字节）更大，疑似“压缩炸弹”或文件已损坏"});
      return std::nullopt;
    }
    if (rc == Z_BUF_ERROR) {
      fail(failure, l, {kCorrupt, "部件 ", en.name, " 的压缩数据不完整"});
      return std::nullopt;
    }
    if (rc != Z_STREAM_END) {
      fail(failure, l, {kCorrupt, "部件 ", en.name, " 的压缩数据无效"});
      return std::nullopt;
    }
    if (produced != en.size) {
      fail(failure, at, {kCorrupt, "部件 ", en.name, " 解压后的大小与记录不符"});
      return std::nullopt;
    }
  }
  const std::uint32_t crc = crc32_of(out);
  if (crc != en.crc) {
    fail(failure, at, {kCorrupt, "部件 ", en.name, " 的 CRC 校验失败"});
    return std::nullopt;
  }
  return out;
}

}  // namespace nianbao::zip
