#include "cert/zip_package.h"

#include <zip.h>

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

Result<std::string> drain(zip_source_t* src) {
  if (zip_source_open(src) < 0) return fail(zip_failure("", "内存源无法打开"));
  std::string out;
  char buf[16384];
  for (;;) {
    const zip_int64_t n = zip_source_read(src, buf, sizeof buf);
    if (n < 0) {
      zip_source_close(src);
      return fail(zip_failure("", "内存源读取失败"));
    }
    if (n == 0) break;
    out.append(buf, static_cast<std::size_t>(n));
  }
  zip_source_close(src);
  return out;
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

Result<std::string> write_zip(const std::vector<ZipEntry>& entries, std::chrono::system_clock::time_point mtime) {
  zip_error_t err;
  zip_error_init(&err);
  Source src(zip_source_buffer_create(nullptr, 0, 0, &err));
  if (!src) return fail(zip_failure("", "内存源无法创建"));
  Archive za(zip_open_from_source(src.get(), ZIP_TRUNCATE, &err));
  zip_error_fini(&err);
  if (!za) return fail(zip_failure("", "无法创建"));
  zip_source_keep(src.get());  // the archive takes one reference; ours outlives zip_close
  const auto when = static_cast<time_t>(std::chrono::duration_cast<std::chrono::seconds>(mtime.time_since_epoch()).count());
  for (const auto& e : entries) {
    zip_source_t* data = zip_source_buffer(za.get(), e.data.data(), e.data.size(), 0);
    if (!data) return fail(zip_failure(e.name, "无法添加"));
    const zip_int64_t idx = zip_file_add(za.get(), e.name.c_str(), data, ZIP_FL_ENC_UTF_8);
    if (idx < 0) {
      zip_source_free(data);
      return fail(zip_failure(e.name, zip_strerror(za.get())));
    }
    const auto i = static_cast<zip_uint64_t>(idx);
    if (zip_set_file_compression(za.get(), i, e.deflate ? ZIP_CM_DEFLATE : ZIP_CM_STORE, 0) < 0 ||
        zip_file_set_mtime(za.get(), i, when, 0) < 0)
      return fail(zip_failure(e.name, zip_strerror(za.get())));
  }
  if (zip_close(za.get()) < 0) return fail(zip_failure("", zip_strerror(za.get())));
  za.release();  // zip_close freed it
  return drain(src.get());
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
