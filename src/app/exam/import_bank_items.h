#pragma once
// Use case "import items into the question bank" (F8), administrator only: a 题库 .xlsx (columns
// of exam/item_row.h) or a bank JSON document (exam/item_json.h). Everything is validated first —
// every row and cell of a spreadsheet, then the file against the bank — and the bank changes
// only when nothing is wrong: any problem refuses the whole file, each problem reported with its
// row, column (cell) and a Chinese reason, like the applicants' batch import (R3's rule).
//
// Per item (code, version) of the file:
//  - not in the bank: added;
//  - in the bank with the same content, tags and status: left as it is (an export imported back
//    changes nothing);
//  - in the bank and different: changed in place, unless a sealed paper uses that version
//    (bank.item_locked: import it as the next version instead);
//  - a newer version than the bank's live one retires that older version (one live version per
//    code; check_bank_items). Two live versions of one code in the result are refused.
// One transaction, one audit event ("bank.import") with the counts. Thread-safe as its Database.

#include <string>
#include <string_view>
#include <vector>

#include <tl/expected.hpp>

#include "app/applicant_record.h"
#include "app/registration/actor.h"
#include "domain/common/clock.h"
#include "exam/item.h"
#include "store/database.h"

namespace rc::app {

enum class BankFileFormat { kXlsx, kJson };
// .xlsx when the bytes are a zip, JSON when they start (after blanks) with '{'; else nullopt.
std::optional<BankFileFormat> detect_bank_file_format(std::string_view bytes);

struct ParsedBankItem {
  int row = 0;  // 1-based sheet row; for JSON the 1-based position in "items"
  exam::Item item;
};

// Reading and checking the file alone (no store): every problem found.
[[nodiscard]] tl::expected<std::vector<ParsedBankItem>, ImportErrors> parse_bank_file(std::string_view bytes,
                                                                                    BankFileFormat format);

struct BankImportReport {
  int added = 0;
  int changed = 0;
  int unchanged = 0;
  int retired = 0;  // older versions retired by a newer one in the file
};

[[nodiscard]] tl::expected<BankImportReport, ImportErrors> import_bank_items(store::Database& db, const Clock& clock,
                                                                            const Actor& actor, std::string_view bytes,
                                                                            BankFileFormat format);

}  // namespace rc::app
