#pragma once
// Use case "import the 鉴定申请报名信息表 into a batch" (F2, R3): an organisation uploads an .xlsx
// or .csv; every row is validated (columns in applicant_columns.h, rules in applicant_row.h) and
// checked for duplicates within the file and, through a callback, against other batches. The
// result is all-or-nothing: a ValidatedBatch of typed applicants, or every problem found, each
// with its row, column and a Chinese message. Nothing here writes: the caller persists the batch
// in one transaction.
//
// Why not Result<ValidatedBatch>: one rc::Error cannot carry a per-cell report; ImportErrors does,
// and ImportErrors::summary() gives the single Error where one is needed.
//
// Thread-safety: pure apart from the already_registered callback, which is called from the
// calling thread only; safe to run several imports at once if the callback is.

#include <functional>
#include <string_view>

#include <tl/expected.hpp>

#include "app/applicant_record.h"
#include "domain/policy/policy_catalog.h"
#include "sheet/table.h"

namespace rc::app {

struct ImportContext {
  CivilDate submission_date;      // the day the batch is submitted (D14: age is checked on it)
  int level_code = 5;             // the batch's level (R1)
  const PolicyCatalog& policies;  // the policy in force on submission_date applies (D18)
  // True when this document is already registered in another batch. May be empty (no check).
  std::function<bool(std::string_view document_type, std::string_view normalized_id)> already_registered;
};

using ImportResult = tl::expected<ValidatedBatch, ImportErrors>;

[[nodiscard]] ImportResult validate_applicants(const sheet::Table& table, const ImportContext& ctx);

enum class SheetFormat { kXlsx, kCsv };
// .xlsx when the bytes are a zip (or an old .xls, which read_xlsx explains), else .csv.
SheetFormat detect_sheet_format(std::string_view bytes);

// Reads the bytes (limits of `limits`) into a table; a file the reader refuses becomes one
// ImportError with row 0 (or the row it names). Separate from validation so that a caller can
// parse before it opens a write transaction (parsing a large .xlsx must not hold the write lock).
[[nodiscard]] tl::expected<sheet::Table, ImportErrors> read_applicant_sheet(std::string_view bytes, SheetFormat format,
                                                                           const sheet::ReadLimits& limits = {});
// read_applicant_sheet, then validate_applicants.
[[nodiscard]] ImportResult import_applicants(std::string_view bytes, SheetFormat format, const ImportContext& ctx,
                                             const sheet::ReadLimits& limits = {});

}  // namespace rc::app
