#include "app/applicant_record.h"

#include <utility>

#include "sheet/table.h"

namespace rc::app {

ImportError make_import_error(int row, std::string_view column, int column_index, ErrorCode code,
                              std::string reason, std::string rule) {
  ImportError e;
  e.row = row;
  e.column = std::string(column);
  e.code = code;
  e.rule = std::move(rule);
  if (row > 0 && column_index >= 0) e.cell = sheet::column_letters(column_index) + std::to_string(row);
  std::string where;
  if (row > 0) where = "第 " + std::to_string(row) + " 行";
  if (!column.empty()) where += "「" + e.column + "」";
  if (!e.cell.empty()) where += "（" + e.cell + "）";
  e.message = where.empty() ? std::move(reason) : where + "：" + reason;
  return e;
}

Error ImportErrors::summary() const {
  if (errors.empty()) return make_error(ErrorCode::kInvalidValue, "file", "导入失败");
  const ImportError& first = errors.front();
  return make_error(first.code, first.cell.empty() ? "file" : first.cell,
                    "导入失败：共发现 " + std::to_string(errors.size()) + " 处问题，未导入任何记录。第一处：" +
                        first.message,
                    first.rule);
}

}  // namespace rc::app
