#pragma once
// Validation of one row of the 报名信息表 (F2): every cell parsed and cross-checked against the
// ID number (D16: sex and birth date), age on the submission date under the policy in force
// (R2, D14, D18), the health declaration (R2), the mobile number and the batch's level (R1).
// Every problem of the row is appended to `errors`, not just the first. Duplicates are the
// caller's business (they span rows and batches). Pure; thread-safe.

#include <map>
#include <optional>
#include <utility>
#include <vector>

#include "app/applicant_columns.h"
#include "app/applicant_record.h"
#include "domain/policy/policy.h"

namespace rc::app {

struct RowRules {
  CivilDate submitted_on;
  int batch_level = 5;
  const Policy* policy = nullptr;  // REQUIRES: not null
};

// (sheet row, 0-based column) -> the reader's error for a cell it could not read faithfully.
using CellErrorIndex = std::map<std::pair<int, int>, const Error*>;

struct RowInput {
  int row = 0;
  const std::vector<std::string>* cells = nullptr;   // REQUIRES: not null
  const std::vector<std::string>* header = nullptr;  // REQUIRES: not null
  const HeaderMap* columns = nullptr;                // REQUIRES: not null
  const CellErrorIndex* cell_errors = nullptr;       // REQUIRES: not null
};

// nullopt when the row has problems (all appended to `errors`) or is blank apart from 序号
// (templates often come with the serial numbers filled in); then `blank` is set.
std::optional<ApplicantRecord> validate_applicant_row(const RowInput& in, const RowRules& rules,
                                                      std::vector<ImportError>& errors, bool& blank);

}  // namespace rc::app
