#pragma once
// Writes an .xlsx workbook in memory (libxlsxwriter, through a private temp file): one data sheet
// with a styled, frozen header row, per-column widths, columns formatted as text ('@') where asked
// (ID and phone numbers must never become numbers: Excel keeps only 15 digits), optional drop-down
// choices, and an optional instructions sheet. Used for the downloadable 报名信息表 template and
// for exports. Every value is written as a string, never as a formula.
//
// Thread-safe: each call has its own workbook and temp file (in $TMPDIR or /tmp).

#include <string>
#include <vector>

#include "domain/common/result.h"

namespace rc::sheet {

struct ColumnSpec {
  std::string title;
  double width = 12;                 // in Excel character units
  bool text = false;                 // format the whole column as text ('@')
  std::vector<std::string> choices;  // a drop-down list for the data rows; empty = free input
};

struct WorkbookSpec {
  std::string sheet_name = "Sheet1";  // <= 31 characters, none of []:*?/\ .
  std::vector<ColumnSpec> columns;
  std::vector<std::vector<std::string>> rows;
  std::string instructions_sheet_name;    // empty = no instructions sheet
  std::vector<std::string> instructions;  // one line per row
};

// kStorageFailure when the temp file cannot be written; kInvalidValue for a bad sheet name or a
// value libxlsxwriter refuses (over 32,767 characters).
[[nodiscard]] Result<std::string> write_xlsx(const WorkbookSpec& spec);

}  // namespace rc::sheet
