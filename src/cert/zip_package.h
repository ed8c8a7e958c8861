#pragma once
// The ZIP container of an OFD file, in memory: written with zlib, read with libzip. Reading is defensive because the bytes come
// from outside: limits on entry count, per-entry and total uncompressed size (zip bombs), and entry
// names (no absolute paths, "..", backslashes, empty segments or duplicates).
//
// Thread safety: pure functions.

#include <chrono>
#include <cstddef>
#include <cstdint>
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

// One entry's bytes as they go into the archive, computed once for parts that every certificate
// shares (the seal image, static XML): issuance then only copies them.
struct PackedEntry {
  std::string stored;  // raw deflate stream, or the data itself
  std::uint32_t crc32 = 0;
  std::size_t size = 0;  // uncompressed
  bool deflated = false;

  static PackedEntry pack(std::string_view data, bool deflate);
};

// Writes a ZIP archive in memory with zlib (deflate level 1: the page XML is large and
// repetitive, and higher levels cost more than a certificate's signatures). Entries keep the order
// of add(); every entry gets the modification time `mtime` (Asia/Shanghai), except add_shared's,
// so equal input gives equal bytes.
class ZipWriter {
 public:
  explicit ZipWriter(std::chrono::system_clock::time_point mtime);
  void add(std::string_view name, std::string_view data, bool deflate);
  void add(std::string_view name, const PackedEntry& packed);
  // A part every certificate shares, dated 1980-01-01 00:00 (the DOS epoch) instead of `mtime`:
  // shared parts written first give every file the same leading bytes, so their digest state can
  // be computed once (certificate_file_sm3_hex).
  void add_shared(std::string_view name, const PackedEntry& packed);
  // The archive so far (local entries only; finish() appends the directory).
  std::string_view written() const { return out_; }
  std::string finish();

 private:
  std::string out_, central_;
  void add(std::string_view name, const PackedEntry& packed, std::uint16_t dos_time, std::uint16_t dos_date);
  std::uint16_t dos_time_ = 0, dos_date_ = 0;
  std::size_t count_ = 0;
};

// Every entry through ZipWriter, in the given order.
[[nodiscard]] Result<std::string> write_zip(const std::vector<ZipEntry>& entries, std::chrono::system_clock::time_point mtime);

// Directory entries ("x/") are skipped. Errors are kOfdMalformed with field = the entry at fault
// (empty when the archive as a whole is unreadable).
[[nodiscard]] Result<std::vector<ZipEntry>> read_zip(std::string_view bytes, const ZipLimits& limits = {});

}  // namespace rc::cert
