#include "sheet/table_builder.h"

#include <utility>

#include "sheet/text_encoding.h"

namespace rc::sheet {

std::string column_letters(int column) {
  std::string out;
  for (long c = static_cast<long>(column) + 1; c > 0; c = (c - 1) / 26)
    out.insert(out.begin(), static_cast<char>('A' + (c - 1) % 26));
  return out;
}

std::string cell_position_zh(int row, int column) {
  return "第 " + std::to_string(row) + " 行 " + column_letters(column) + " 列";
}

void TableBuilder::begin_row(int row_number) {
  row_number_ = row_number;
  row_has_content_ = false;
  cells_.clear();
}

Result<void> TableBuilder::add_cell(int column, std::string text) {
  if (text.empty()) return ok();
  if (column < 0 || column >= limits_.max_columns)
    return fail(ErrorCode::kSheetTooLarge, column_letters(column < 0 ? 0 : column) + std::to_string(row_number_),
                cell_position_zh(row_number_, column < 0 ? 0 : column) + " 超出列数上限（最多 " +
                    std::to_string(limits_.max_columns) + " 列），请删除多余的列");
  if (text.size() > limits_.max_cell_bytes)
    return add_cell_error(column, ErrorCode::kSheetBadCell,
                          "内容过长（" + std::to_string(text.size()) + " 字节，上限 " +
                              std::to_string(limits_.max_cell_bytes) + " 字节）");
  if (!is_valid_utf8(text))
    return add_cell_error(column, ErrorCode::kSheetBadEncoding, "含有无法识别的字符（不是有效的 UTF-8 文本）");
  if (find_control_character(text) != std::string::npos)
    return add_cell_error(column, ErrorCode::kSheetBadCell, "含有不可见的控制字符，请删除后重新填写");
  if (cells_.size() <= static_cast<std::size_t>(column)) cells_.resize(static_cast<std::size_t>(column) + 1);
  cells_[static_cast<std::size_t>(column)] = std::move(text);
  row_has_content_ = true;
  return ok();
}

Result<void> TableBuilder::add_cell_error(int column, ErrorCode code, std::string reason) {
  if (table_.cell_errors.size() >= limits_.max_cell_errors)
    return fail(ErrorCode::kSheetBadCell, "",
                "表格中无法读取的单元格超过 " + std::to_string(limits_.max_cell_errors) + " 个，请检查文件后重新上传");
  const std::string where = column_letters(column) + std::to_string(row_number_);
  table_.cell_errors.push_back(
      CellError{row_number_, column, make_error(code, where, cell_position_zh(row_number_, column) + "：" + reason)});
  if (cells_.size() <= static_cast<std::size_t>(column)) cells_.resize(static_cast<std::size_t>(column) + 1);
  row_has_content_ = true;
  return ok();
}

Result<void> TableBuilder::end_row() {
  if (!row_has_content_) return ok();
  while (!cells_.empty() && cells_.back().empty()) cells_.pop_back();
  if (!have_header_) {
    have_header_ = true;
    table_.header = std::move(cells_);
    table_.header_row_number = row_number_;
  } else {
    if (table_.rows.size() >= static_cast<std::size_t>(limits_.max_rows))
      return fail(ErrorCode::kSheetTooLarge, "",
                  "表格数据行超过 " + std::to_string(limits_.max_rows) + " 行的上限，请拆分为多个文件分批导入");
    table_.rows.push_back(std::move(cells_));
    table_.row_numbers.push_back(row_number_);
  }
  cells_.clear();
  row_has_content_ = false;
  return ok();
}

Result<Table> TableBuilder::finish() {
  if (!have_header_) return fail(ErrorCode::kSheetEmpty, "", "表格是空的：没有找到表头行");
  return std::move(table_);
}

}  // namespace rc::sheet
