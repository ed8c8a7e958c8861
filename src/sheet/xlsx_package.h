#pragma once
// The workbook-level parts of an .xlsx that the first sheet's cells need: where that sheet is
// (xl/workbook.xml and its relationships), the shared strings, which cell styles show dates
// (xl/styles.xml) and the date system (1900 or 1904). Internal to rc_sheet; not thread-safe.

#include <string>
#include <vector>

#include "domain/common/result.h"
#include "sheet/zip_archive.h"

namespace rc::sheet {

struct XlsxPackage {
  std::string sheet_path;  // e.g. "xl/worksheets/sheet1.xml"
  bool date1904 = false;
  std::vector<std::string> shared_strings;
  std::vector<bool> date_styles;  // by cell style index (the s attribute of <c>)
};

// kSheetUnreadable when the workbook, its relationships or the first sheet are missing or
// malformed. The shared strings and styles parts are optional (a file without them has no shared
// strings and no dates).
[[nodiscard]] Result<XlsxPackage> load_package(ZipArchive& zip);

// "xl/" + target with "/" and ".." resolved; absolute targets ("/xl/...") lose their slash.
std::string resolve_part(std::string_view base_dir, std::string_view target);

}  // namespace rc::sheet
