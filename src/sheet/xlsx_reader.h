#pragma once
// Reads the first worksheet of an .xlsx file (Office Open XML, as written by Excel, WPS and
// LibreOffice) held in memory into a Table of texts:
//  - shared strings (rich-text runs joined, phonetic guides dropped), inline strings, formula
//    results (the cached value), booleans (TRUE/FALSE);
//  - numbers in date-formatted cells (built-in formats 14-17, 22, the CJK date formats, custom
//    formats with y/m/d) become "YYYY-MM-DD" (1900 system with its phantom 1900-02-29, or 1904);
//  - other numbers as typed ("13800138000"); an integer of 16+ digits (an ID number typed into a
//    number cell: Excel kept only 15 digits) becomes a cell error asking for a text column.
// Cell references ("C12") place cells, so gaps are kept; cells without one follow the previous.
//
// Hostile input (every limit in ReadLimits): not a zip, truncated, zip bombs (declared and real
// inflated sizes, ratio), DOCTYPE, malformed XML, huge or bogus dimensions (ignored: only cells
// with content count), too many rows or columns, long cells, invalid UTF-8. Never throws; every
// refusal is an Error with a stable code (sheet.*) and a Chinese message naming the cell or part.
//
// Pure function of its input; safe to call from several threads at once.

#include <string_view>

#include "domain/common/result.h"
#include "sheet/table.h"

namespace rc::sheet {

[[nodiscard]] Result<Table> read_xlsx(std::string_view bytes, const ReadLimits& limits = {});

}  // namespace rc::sheet
