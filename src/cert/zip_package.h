#pragma once
// The ZIP container of an OFD file, in memory (libzip). Reading is defensive because the bytes come
// from outside: limits on entry count, per-entry and total uncompressed size (zip bombs), and entry
// names (no absolute paths, "..", backslashes, empty segments or duplicates).
//
// Thread safety: pure functions.

#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "domain/common/result.h"

namespace rc::cert {

struct ZipEntry {
  std::string name;  // "Doc_0/Pages/Page_0/Content.xml"
  std::string data;
  bool deflate = true;  // false: stored (already-compressed PNGs)
};

struct ZipLimits {
  std::size_t max_archive_bytes = 16u << 20;
  std::size_t max_entries = 64;
  std::size_t max_entry_bytes = 8u << 20;
  std::size_t max_total_bytes = 24u << 20;
};

// Entries in the given order; every entry's modification time is `mtime` so equal input gives
// equal bytes.
[[nodiscard]] Result<std::string> write_zip(const std::vector<ZipEntry>& entries, std::chrono::system_clock::time_point mtime);

// Directory entries ("x/") are skipped. Errors are kOfdMalformed with field = the entry at fault
// (empty when the archive as a whole is unreadable).
[[nodiscard]] Result<std::vector<ZipEntry>> read_zip(std::string_view bytes, const ZipLimits& limits = {});

}  // namespace rc::cert
