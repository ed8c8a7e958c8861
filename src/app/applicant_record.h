#pragma once
// The typed outcome of importing a 鉴定申请报名信息表 (F2, R3): either every row as an
// ApplicantRecord (ValidatedBatch), or every problem found as an ImportError naming its row and
// column. Nothing in between: the lead persists a ValidatedBatch in one transaction.
// Plain values; no thread-safety concerns.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/common/civil_date.h"
#include "domain/common/error.h"
#include "domain/identity/id_number.h"

namespace rc::app {

struct ApplicantRecord {
  int row = 0;             // 1-based sheet row, for messages and audit
  std::string serial;      // 序号 as written (free text, may be empty)
  std::string name;        // 姓名, trimmed, middle-dot variants folded to U+00B7
  identity::IdInfo id;     // type, normalized number, birth date, sex, region, warnings
  identity::Sex sex = identity::Sex::kMale;
  CivilDate birth_date;    // from the ID number, or from 出生日期 for documents without one
  std::string mobile;      // 11 ASCII digits
  int level_code = 5;      // R1 (5 = 五级/初级工)
  bool health_declared = false;
  std::string employer;    // 工作单位, kept verbatim (trimmed): plain text, never markup
  std::string address;     // 通讯地址
  std::string remarks;     // 备注
  bool manual_review = false;         // documents other than the mainland card (D16)
  std::vector<std::string> warnings;  // Chinese, for the reviewer
};

struct ValidatedBatch {
  std::string policy_id;  // the policy in force on the submission date (D18)
  int level_code = 5;
  std::vector<ApplicantRecord> applicants;  // in sheet order
};

struct ImportError {
  int row = 0;          // 1-based sheet row; 0 for the file or the batch as a whole
  std::string column;   // column title ("证件号码"), empty when not about one column
  std::string cell;     // "D12" when known
  ErrorCode code = ErrorCode::kInvalidValue;
  std::string message;  // Chinese, names the row and column: "第 12 行「证件号码」（D12）：..."
  std::string rule;     // rule cited ("D16", "R2"), may be empty
};

struct ImportErrors {
  std::vector<ImportError> errors;  // every problem, in row order (file-level ones first)
  // One Error standing for the whole refusal (code of the first problem, message with the count),
  // for callers that need a single rc::Error (HTTP status mapping, logs).
  Error summary() const;
};

// An ImportError whose message says where: "第 12 行「证件号码」（D12）：<reason>". Row 0 is the
// file; an empty column or column_index < 0 leaves those parts out.
ImportError make_import_error(int row, std::string_view column, int column_index, ErrorCode code,
                              std::string reason, std::string rule = {});

}  // namespace rc::app
