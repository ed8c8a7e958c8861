#pragma once
// Use case "export the question bank" (F8): every item version of the store's bank (retired ones
// too) as a 题库 .xlsx (the columns of exam/item_row.h, with an instructions sheet) or as a bank
// JSON document (exam/item_json.h). Importing an export changes nothing (import_bank_items).
// Administrator and station users (require_bank_reader); each export is audited.
// Thread-safe as its Database.

#include <string>

#include "app/registration/actor.h"
#include "app/exam/import_bank_items.h"
#include "domain/common/clock.h"
#include "store/database.h"

namespace rc::app {

struct BankExport {
  std::string file_name;  // 题库-YYYY-MM-DD.xlsx / .json
  std::string content_type;
  std::string bytes;
};

[[nodiscard]] Result<BankExport> export_bank_items(store::Database& db, const Clock& clock, const Actor& actor,
                                                   BankFileFormat format);

}  // namespace rc::app
