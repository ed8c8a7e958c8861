#include "sheet/xlsx_writer.h"

#include <unistd.h>
#include <xlsxwriter.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <sstream>

namespace rc::sheet {
namespace {

constexpr lxw_row_t kValidatedRows = 10000;

// A temp file name reserved with mkstemp, removed when this goes out of scope.
class TempPath {
 public:
  TempPath() {
    const char* dir = std::getenv("TMPDIR");
    path_ = std::string(dir && *dir ? dir : "/tmp") + "/rc-sheet-XXXXXX";
    const int fd = mkstemp(path_.data());
    if (fd < 0) path_.clear();
    else close(fd);
  }
  ~TempPath() {
    if (!path_.empty()) std::remove(path_.c_str());
  }
  TempPath(const TempPath&) = delete;
  TempPath& operator=(const TempPath&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

Error write_error(std::string detail) {
  return make_error(ErrorCode::kInvalidValue, "xlsx", "生成 .xlsx 文件失败：" + std::move(detail));
}

Result<void> add_choices(lxw_worksheet* ws, lxw_col_t col, const std::vector<std::string>& choices) {
  std::vector<const char*> list;
  for (const auto& c : choices) list.push_back(c.c_str());
  list.push_back(nullptr);
  lxw_data_validation v{};
  v.validate = LXW_VALIDATION_TYPE_LIST;
  v.value_list = const_cast<char**>(list.data());
  if (worksheet_data_validation_range(ws, 1, col, kValidatedRows, col, &v) != LXW_NO_ERROR)
    return fail(write_error("下拉选项无效"));
  return ok();
}

Result<void> write_data_sheet(lxw_workbook* wb, const WorkbookSpec& spec) {
  lxw_worksheet* ws = workbook_add_worksheet(wb, spec.sheet_name.c_str());
  if (!ws) return fail(write_error("工作表名称无效"));
  lxw_format* header = workbook_add_format(wb);
  format_set_bold(header);
  format_set_bg_color(header, 0xDDEBF7);
  format_set_border(header, LXW_BORDER_THIN);
  format_set_align(header, LXW_ALIGN_CENTER);
  lxw_format* text = workbook_add_format(wb);
  format_set_num_format(text, "@");
  for (std::size_t c = 0; c < spec.columns.size(); ++c) {
    const ColumnSpec& col = spec.columns[c];
    const auto lc = static_cast<lxw_col_t>(c);
    worksheet_set_column(ws, lc, lc, col.width, col.text ? text : nullptr);
    if (worksheet_write_string(ws, 0, lc, col.title.c_str(), header) != LXW_NO_ERROR)
      return fail(write_error("表头无效"));
    if (!col.choices.empty())
      if (auto r = add_choices(ws, lc, col.choices); !r) return r;
  }
  worksheet_freeze_panes(ws, 1, 0);
  for (std::size_t r = 0; r < spec.rows.size(); ++r) {
    for (std::size_t c = 0; c < spec.rows[r].size(); ++c) {
      if (spec.rows[r][c].empty()) continue;
      lxw_format* f = c < spec.columns.size() && spec.columns[c].text ? text : nullptr;
      if (worksheet_write_string(ws, static_cast<lxw_row_t>(r + 1), static_cast<lxw_col_t>(c),
                                 spec.rows[r][c].c_str(), f) != LXW_NO_ERROR)
        return fail(write_error("第 " + std::to_string(r + 2) + " 行的内容无法写入"));
    }
  }
  return ok();
}

Result<void> write_instructions(lxw_workbook* wb, const WorkbookSpec& spec) {
  if (spec.instructions_sheet_name.empty()) return ok();
  lxw_worksheet* ws = workbook_add_worksheet(wb, spec.instructions_sheet_name.c_str());
  if (!ws) return fail(write_error("说明工作表名称无效"));
  lxw_format* wrap = workbook_add_format(wb);
  format_set_text_wrap(wrap);
  worksheet_set_column(ws, 0, 0, 100, wrap);
  for (std::size_t r = 0; r < spec.instructions.size(); ++r)
    if (worksheet_write_string(ws, static_cast<lxw_row_t>(r), 0, spec.instructions[r].c_str(), wrap) != LXW_NO_ERROR)
      return fail(write_error("说明内容无法写入"));
  return ok();
}

}  // namespace

Result<std::string> write_xlsx(const WorkbookSpec& spec) {
  TempPath tmp;
  if (tmp.path().empty()) return fail(ErrorCode::kStorageFailure, "xlsx", "生成 .xlsx 文件失败：无法创建临时文件");
  lxw_workbook* wb = workbook_new(tmp.path().c_str());
  if (!wb) return fail(ErrorCode::kStorageFailure, "xlsx", "生成 .xlsx 文件失败：无法创建工作簿");
  auto r = write_data_sheet(wb, spec);
  if (r) r = write_instructions(wb, spec);
  const lxw_error closed = workbook_close(wb);  // frees wb in every case
  if (!r) return fail(r.error());
  if (closed != LXW_NO_ERROR)
    return fail(ErrorCode::kStorageFailure, "xlsx", std::string("生成 .xlsx 文件失败：") + lxw_strerror(closed));
  std::ifstream in(tmp.path(), std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (!in.good() && !in.eof()) return fail(ErrorCode::kStorageFailure, "xlsx", "生成 .xlsx 文件失败：无法读回临时文件");
  return bytes;
}

}  // namespace rc::sheet
