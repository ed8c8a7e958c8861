#pragma once
// Table: what a spreadsheet reader hands to the application, before any domain meaning is given
// to its cells. The header is the first non-blank row; blank rows are dropped, but every kept row
// remembers its 1-based row number in the sheet so that messages point at the cell people see.
// Rows keep their cells as written (no trimming) and may be shorter than the header (trailing
// empty cells are dropped) or longer (extra cells are the validator's business).
//
// Cells a reader could not read faithfully (an ID number Excel stored as a 17-digit float, text
// over the size limit, invalid UTF-8) are left empty and listed in cell_errors, so that a
// validator can report every one of them together with its own findings.
//
// Plain values; no thread-safety concerns.

#include <string>
#include <vector>

#include "domain/common/error.h"

namespace rc::sheet {

struct CellError {
  int row = 0;     // 1-based sheet row
  int column = 0;  // 0-based column index
  Error error;     // code kSheetBadCell (or kSheetBadEncoding); message names the cell
};

struct Table {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  // 1-based sheet row numbers of `rows`, kept for messages; header_row_number for the header.
  std::vector<int> row_numbers;
  int header_row_number = 0;
  std::vector<CellError> cell_errors;
};

// Hostile-input limits shared by the readers (defaults from issue 3).
struct ReadLimits {
  std::size_t max_compressed_bytes = 10u << 20;    // the uploaded file
  std::size_t max_uncompressed_bytes = 50u << 20;  // all zip entries read, together
  std::size_t max_entry_ratio = 200;               // per entry above 1 MB: uncompressed / compressed
  std::size_t max_entries = 2000;                  // zip central directory
  int max_rows = 10000;                            // data rows, header not counted
  int max_columns = 64;
  std::size_t max_cell_bytes = 1000;
  std::size_t max_cell_errors = 500;  // beyond this the file is refused as a whole
};

// "A", "B", ..., "Z", "AA", ... for a 0-based column index (>= 0).
std::string column_letters(int column);
// "第 12 行 D 列": a cell position in Chinese, for messages.
std::string cell_position_zh(int row, int column);

}  // namespace rc::sheet
