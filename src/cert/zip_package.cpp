#include "cert/zip_package.h"

#include <zip.h>
#include <zlib.h>

#include <algorithm>
#include <stdexcept>

#include <memory>
#include <set>

namespace rc::cert {
namespace {

Error zip_failure(std::string entry, std::string why) {
  return make_error(ErrorCode::kOfdMalformed, std::move(entry), "OFD 压缩包无法读取：" + std::move(why));
}

struct ArchiveDiscard {
  void operator()(zip_t* z) const { zip_discard(z); }
};
using Archive = std::unique_ptr<zip_t, ArchiveDiscard>;
struct SourceFree {
  void operator()(zip_source_t* s) const { zip_source_free(s); }
};
using Source = std::unique_ptr<zip_source_t, SourceFree>;
struct FileClose {
  void operator()(zip_file_t* f) const { zip_fclose(f); }
};

// Names a reader could resolve outside the package or two ways are refused outright.
bool safe_name(std::string_view n) {
  if (n.empty() || n.size() > 255 || n.front() == '/' || n.find('\\') != std::string_view::npos) return false;
  for (char c : n)
    if (static_cast<unsigned char>(c) < 0x20) return false;
  std::size_t start = 0;
  while (start <= n.size()) {
    std::size_t end = n.find('/', start);
    if (end == std::string_view::npos) end = n.size();
    const std::string_view seg = n.substr(start, end - start);
    if (seg == "." || seg == ".." || (seg.empty() && end != n.size())) return false;
    start = end + 1;
  }
  return true;
}

// Reads one entry, never more than limit+1 bytes, whatever the header claims.
Result<std::string> read_entry(zip_t* za, zip_uint64_t index, const std::string& name, std::size_t limit) {
  std::unique_ptr<zip_file_t, FileClose> f(zip_fopen_index(za, index, 0));
  if (!f) return fail(zip_failure(name, zip_strerror(za)));
  std::string out;
  char buf[16384];
  for (;;) {
    const zip_int64_t n = zip_fread(f.get(), buf, sizeof buf);
    if (n < 0) return fail(zip_failure(name, zip_file_strerror(f.get())));
    if (n == 0) break;
    out.append(buf, static_cast<std::size_t>(n));
    if (out.size() > limit) return fail(zip_failure(name, "解压后过大"));
  }
  return out;
}

}  // namespace

namespace {

void put16(std::string& s, std::uint32_t v) {
  s += static_cast<char>(v & 0xff);
  s += static_cast<char>((v >> 8) & 0xff);
}
void put32(std::string& s, std::uint32_t v) {
  put16(s, v & 0xffff);
  put16(s, v >> 16);
}

// One reusable raw-deflate stream per thread and size class. deflateInit allocates (calloc) about
// 256 KB that a certificate's half-dozen small XML files would otherwise clear every time; reset
// only clears the hash heads, and the small class keeps those to 2 KB.
class Deflater {
 public:
  Deflater(int window_bits, int mem_level) {
    if (deflateInit2(&z_, 1, Z_DEFLATED, -window_bits, mem_level, Z_DEFAULT_STRATEGY) != Z_OK) throw std::bad_alloc();
  }
  ~Deflater() { deflateEnd(&z_); }
  Deflater(const Deflater&) = delete;
  Deflater& operator=(const Deflater&) = delete;

  std::string run(std::string_view data) {
    deflateReset(&z_);
    std::string out(deflateBound(&z_, static_cast<uLong>(data.size())), '\0');
    z_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    z_.avail_in = static_cast<uInt>(data.size());
    z_.next_out = reinterpret_cast<Bytef*>(out.data());
    z_.avail_out = static_cast<uInt>(out.size());
    if (deflate(&z_, Z_FINISH) != Z_STREAM_END) throw std::runtime_error("deflate did not finish");
    out.resize(z_.total_out);
    return out;
  }

 private:
  z_stream z_{};
};

std::string raw_deflate(std::string_view data) {
  constexpr std::size_t kSmall = 8192;
  if (data.size() <= kSmall) {
    thread_local Deflater small(13, 3);  // an 8 KB window covers the whole input
    return small.run(data);
  }
  thread_local Deflater large(15, 8);
  return large.run(data);
}

}  // namespace

PackedEntry PackedEntry::pack(std::string_view data, bool deflate) {
  PackedEntry p;
  p.size = data.size();
  p.crc32 = static_cast<std::uint32_t>(::crc32(0, reinterpret_cast<const Bytef*>(data.data()), static_cast<uInt>(data.size())));
  p.deflated = deflate;
  p.stored = deflate ? raw_deflate(data) : std::string(data);
  return p;
}

ZipWriter::ZipWriter(std::chrono::system_clock::time_point mtime) {
  const auto local = std::chrono::floor<std::chrono::seconds>(mtime + std::chrono::hours(8));  // Asia/Shanghai
  const auto day = std::chrono::floor<std::chrono::days>(local);
  const std::chrono::year_month_day ymd(day);
  const std::chrono::hh_mm_ss hms(local - day);
  const int year = std::clamp(static_cast<int>(ymd.year()), 1980, 2107);
  dos_date_ = static_cast<std::uint16_t>(((year - 1980) << 9) | (static_cast<unsigned>(ymd.month()) << 5) | static_cast<unsigned>(ymd.day()));
  dos_time_ = static_cast<std::uint16_t>((hms.hours().count() << 11) | (hms.minutes().count() << 5) | (hms.seconds().count() / 2));
}

void ZipWriter::add(std::string_view name, std::string_view data, bool deflate) {
  // Below 64 bytes deflate only adds its own overhead.
  add(name, PackedEntry::pack(data, deflate && data.size() >= 64));
}

void ZipWriter::add(std::string_view name, const PackedEntry& p) { add(name, p, dos_time_, dos_date_); }

void ZipWriter::add_shared(std::string_view name, const PackedEntry& p) {
  add(name, p, 0, (0 << 9) | (1 << 5) | 1);  // 1980-01-01 00:00:00
}

void ZipWriter::add(std::string_view name, const PackedEntry& p, std::uint16_t dos_time, std::uint16_t dos_date) {
  const auto offset = static_cast<std::uint32_t>(out_.size());
  auto header = [&](std::string& s, bool central) {
    put32(s, central ? 0x02014b50 : 0x04034b50);
    if (central) put16(s, 20);               // made by: version 2.0
    put16(s, 20);                            // needed to extract
    put16(s, 0x0800);                        // UTF-8 names
    put16(s, p.deflated ? 8 : 0);
    put16(s, dos_time);
    put16(s, dos_date);
    put32(s, p.crc32);
    put32(s, static_cast<std::uint32_t>(p.stored.size()));
    put32(s, static_cast<std::uint32_t>(p.size));
    put16(s, static_cast<std::uint32_t>(name.size()));
    put16(s, 0);                             // extra field
    if (central) {
      put16(s, 0);                           // comment
      put16(s, 0);                           // disk
      put16(s, 0);                           // internal attributes
      put32(s, 0);                           // external attributes
      put32(s, offset);
    }
    s.append(name);
  };
  header(out_, false);
  out_.append(p.stored);
  header(central_, true);
  ++count_;
}

std::string ZipWriter::finish() {
  const auto dir_offset = static_cast<std::uint32_t>(out_.size());
  out_.append(central_);
  put32(out_, 0x06054b50);
  put16(out_, 0);
  put16(out_, 0);
  put16(out_, static_cast<std::uint32_t>(count_));
  put16(out_, static_cast<std::uint32_t>(count_));
  put32(out_, static_cast<std::uint32_t>(central_.size()));
  put32(out_, dir_offset);
  put16(out_, 0);
  return std::move(out_);
}

Result<std::string> write_zip(const std::vector<ZipEntry>& entries, std::chrono::system_clock::time_point mtime) {
  // The writer emits the classic format (no ZIP64): 16-bit counts and name lengths, 32-bit sizes
  // and offsets. A certificate is ~100 KB in a dozen entries; refuse anything near the limits
  // rather than write truncated fields.
  constexpr std::size_t kMaxTotal = std::size_t{1} << 30;
  std::size_t total = 0;
  for (const auto& e : entries) {
    if (e.name.size() > 0xffff) return fail(make_error(ErrorCode::kTooLarge, e.name.substr(0, 64), "压缩包条目名过长"));
    total += e.data.size() + e.name.size();
  }
  if (entries.size() >= 0xffff || total > kMaxTotal)
    return fail(make_error(ErrorCode::kTooLarge, "", "压缩包过大（条目过多或超过 1 GB）"));
  ZipWriter w(mtime);
  for (const auto& e : entries) w.add(e.name, e.data, e.deflate);
  return w.finish();
}

Result<std::vector<ZipEntry>> read_zip(std::string_view bytes, const ZipLimits& limits) {
  if (bytes.size() > limits.max_archive_bytes) return fail(zip_failure("", "文件过大"));
  zip_error_t err;
  zip_error_init(&err);
  Source src(zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err));
  if (!src) return fail(zip_failure("", "内存源无法创建"));
  Archive za(zip_open_from_source(src.get(), ZIP_RDONLY | ZIP_CHECKCONS, &err));
  const std::string why = zip_error_strerror(&err);
  zip_error_fini(&err);
  if (!za) return fail(zip_failure("", "不是有效的 ZIP（" + why + "）"));
  zip_source_keep(src.get());
  const zip_int64_t count = zip_get_num_entries(za.get(), 0);
  if (count < 0 || static_cast<std::size_t>(count) > limits.max_entries) return fail(zip_failure("", "条目过多"));
  std::vector<ZipEntry> out;
  std::set<std::string> seen;
  std::size_t total = 0;
  for (zip_uint64_t i = 0; i < static_cast<zip_uint64_t>(count); ++i) {
    const char* raw = zip_get_name(za.get(), i, ZIP_FL_ENC_RAW);
    if (!raw) return fail(zip_failure("", "条目名无法读取"));
    std::string name = raw;
    if (!name.empty() && name.back() == '/') continue;
    if (!safe_name(name)) return fail(zip_failure(name, "条目名不安全（绝对路径、.. 或反斜杠）"));
    if (!seen.insert(name).second) return fail(zip_failure(name, "条目名重复"));
    zip_stat_t st;
    if (zip_stat_index(za.get(), i, ZIP_FL_ENC_RAW, &st) < 0 || !(st.valid & ZIP_STAT_SIZE))
      return fail(zip_failure(name, "条目信息无法读取"));
    if (st.size > limits.max_entry_bytes || total + st.size > limits.max_total_bytes)
      return fail(zip_failure(name, "解压后过大"));
    auto data = read_entry(za.get(), i, name, std::min(limits.max_entry_bytes, limits.max_total_bytes - total));
    if (!data) return fail(data.error());
    total += data->size();
    const bool deflate = (st.valid & ZIP_STAT_COMP_METHOD) && st.comp_method != ZIP_CM_STORE;
    out.push_back(ZipEntry{std::move(name), std::move(*data), deflate});
  }
  if (out.empty()) return fail(zip_failure("", "压缩包为空"));  // libzip opens zero bytes as an empty archive
  return out;
}

}  // namespace rc::cert
