#include "sheet/zip_archive.h"

#include <zip.h>

#include <utility>

namespace rc::sheet {

struct ZipArchive::State {
  zip_t* zip = nullptr;
  ReadLimits limits;
  std::size_t budget = 0;  // uncompressed bytes still allowed
  ~State() {
    if (zip) zip_discard(zip);
  }
};

namespace {

std::string mb(std::size_t bytes) { return std::to_string(bytes >> 20) + " MB"; }

Error unreadable(std::string detail) {
  return make_error(ErrorCode::kSheetUnreadable, "file",
                    "无法读取 .xlsx 文件：" + std::move(detail) + "。请用 Excel 或 WPS 打开后另存为 .xlsx 再上传");
}

Result<void> check_entries(zip_t* zip, const ReadLimits& limits) {
  const zip_int64_t n = zip_get_num_entries(zip, 0);
  if (n < 0) return fail(unreadable("压缩包目录损坏"));
  if (static_cast<std::size_t>(n) > limits.max_entries)
    return fail(ErrorCode::kSheetTooLarge, "file", "文件内部条目过多（" + std::to_string(n) + " 个），拒绝处理");
  std::size_t total = 0;
  for (zip_int64_t i = 0; i < n; ++i) {
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(zip, static_cast<zip_uint64_t>(i), 0, &st) != 0) return fail(unreadable("压缩包条目损坏"));
    if (!(st.valid & ZIP_STAT_SIZE) || !(st.valid & ZIP_STAT_COMP_SIZE)) continue;
    if (st.size > limits.max_uncompressed_bytes || total + st.size > limits.max_uncompressed_bytes)
      return fail(ErrorCode::kSheetTooLarge, "file",
                  "文件解压后超过 " + mb(limits.max_uncompressed_bytes) + " 的上限，拒绝处理");
    total += st.size;
    if (st.size > (1u << 20) && st.size / (st.comp_size ? st.comp_size : 1) > limits.max_entry_ratio)
      return fail(ErrorCode::kSheetTooLarge, "file", "文件压缩比异常（疑似压缩炸弹），拒绝处理");
  }
  return ok();
}

}  // namespace

ZipArchive::ZipArchive(std::unique_ptr<State> s) : state_(std::move(s)) {}
ZipArchive::ZipArchive(ZipArchive&&) noexcept = default;
ZipArchive& ZipArchive::operator=(ZipArchive&&) noexcept = default;
ZipArchive::~ZipArchive() = default;

Result<ZipArchive> ZipArchive::open(std::string_view bytes, const ReadLimits& limits) {
  if (bytes.size() > limits.max_compressed_bytes)
    return fail(ErrorCode::kSheetTooLarge, "file", "文件超过 " + mb(limits.max_compressed_bytes) + " 的上限");
  if (bytes.size() < 22) return fail(unreadable("文件太短，不是 .xlsx 文件"));
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err);
  if (!src) {
    zip_error_fini(&err);
    return fail(unreadable("内存不足"));
  }
  zip_t* zip = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &err);
  zip_error_fini(&err);
  if (!zip) {
    zip_source_free(src);
    return fail(unreadable("不是有效的 zip 压缩包（文件损坏或被截断）"));
  }
  auto state = std::make_unique<State>();
  state->zip = zip;
  state->limits = limits;
  state->budget = limits.max_uncompressed_bytes;
  if (auto r = check_entries(zip, limits); !r) return fail(r.error());
  return ZipArchive(std::move(state));
}

bool ZipArchive::contains(std::string_view name) const {
  return zip_name_locate(state_->zip, std::string(name).c_str(), 0) >= 0;
}

Result<std::string> ZipArchive::read(std::string_view name) {
  const std::string n(name);
  const zip_int64_t index = zip_name_locate(state_->zip, n.c_str(), 0);
  if (index < 0) return fail(ErrorCode::kNotFound, n, "缺少 " + n);
  zip_file_t* f = zip_fopen_index(state_->zip, static_cast<zip_uint64_t>(index), 0);
  if (!f) return fail(unreadable(n + " 无法解压（加密或使用了不支持的压缩方式）"));
  std::string out;
  char buf[64 * 1024];
  bool ok = true;
  for (;;) {
    const zip_int64_t got = zip_fread(f, buf, sizeof buf);
    if (got < 0) {
      ok = false;
      break;
    }
    if (got == 0) break;
    if (static_cast<std::size_t>(got) > state_->budget) {
      zip_fclose(f);
      return fail(ErrorCode::kSheetTooLarge, "file",
                  "文件解压后超过 " + mb(state_->limits.max_uncompressed_bytes) + " 的上限，拒绝处理");
    }
    state_->budget -= static_cast<std::size_t>(got);
    out.append(buf, static_cast<std::size_t>(got));
  }
  if (zip_fclose(f) != 0) ok = false;  // CRC mismatch is reported at close
  if (!ok) return fail(unreadable(n + " 解压失败（文件损坏）"));
  return out;
}

}  // namespace rc::sheet
