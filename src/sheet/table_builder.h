#pragma once
// TableBuilder: the one place where both readers' cells become a Table, so the limits of
// ReadLimits (rows, columns, cell size) and the text checks (valid UTF-8, no control characters)
// are applied identically to .xlsx and .csv. Internal to rc_sheet.
//
// Usage: for each sheet row, begin_row(n), add_cell(...)*, end_row(); then finish().
// Not thread-safe (one builder per read).

#include <string>
#include <vector>

#include "domain/common/result.h"
#include "sheet/table.h"

namespace rc::sheet {

class TableBuilder {
 public:
  explicit TableBuilder(const ReadLimits& limits) : limits_(limits) {}

  void begin_row(int row_number);
  // An empty text is ignored. kSheetTooLarge when a non-empty cell lies beyond max_columns;
  // a cell that is too long, not UTF-8 or holds control characters becomes a cell error.
  [[nodiscard]] Result<void> add_cell(int column, std::string text);
  // Records a cell that could not be read faithfully; kSheetBadCell once there are too many.
  [[nodiscard]] Result<void> add_cell_error(int column, ErrorCode code, std::string reason);
  // kSheetTooLarge beyond max_rows data rows.
  [[nodiscard]] Result<void> end_row();
  // kSheetEmpty when there is no header.
  [[nodiscard]] Result<Table> finish();

  int current_row() const { return row_number_; }

 private:
  const ReadLimits& limits_;
  Table table_;
  bool have_header_ = false;
  int row_number_ = 0;
  bool row_has_content_ = false;
  std::vector<std::string> cells_;
};

}  // namespace rc::sheet
