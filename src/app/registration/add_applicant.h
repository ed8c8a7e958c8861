#pragma once
// Use case: an organisation adds one applicant to its draft batch by form (F2). The form is
// validated exactly as a row of the 报名信息表 (it is turned into a one-row sheet::Table with the
// template's columns and handed to validate_applicants, so the two paths cannot drift), then
// stored as applicant_entry.h describes. Errors name the form field (the column title) and carry
// Chinese reasons; nothing is written unless everything is valid.
// Thread-safe: each call runs its own transaction.

#include <string>

#include "app/batch_import.h"
#include "app/registration/actor.h"
#include "app/registration/registration_settings.h"
#include "domain/common/clock.h"
#include "domain/policy/policy_catalog.h"
#include "identity/personal_data_cipher.h"
#include "store/database.h"

namespace rc::app {

// Cells as typed in the form, same formats as the spreadsheet (applicant_fields.h).
struct ApplicantForm {
  std::string name;           // 姓名
  std::string document_type;  // 证件类型; empty: detected from the number
  std::string id_number;      // 证件号码
  std::string sex;            // 性别: 男 / 女
  std::string birth_date;     // 出生日期; only for documents that do not carry it
  std::string mobile;         // 手机号码
  std::string health;         // 健康声明: 是 / 否
  std::string employer;       // 工作单位
  std::string address;        // 通讯地址
  std::string remarks;        // 备注
};

struct AddedApplicant {
  store::Id registration_id = 0;
  store::Id candidate_id = 0;
  std::string id_number_masked;
  std::vector<std::string> warnings;  // e.g. an unknown county code (D16), for the reviewer
};

using AddApplicantResult = tl::expected<AddedApplicant, ImportErrors>;

// Refusals: kForbidden (another organisation's batch), kWrongState (batch submitted), and every
// row check of batch_import (D16, R2/D14, kApplicantAlreadyRegistered for an open application in
// any batch, ...), each with `column` = the form field's title and row 0.
[[nodiscard]] AddApplicantResult add_applicant(store::Database& db, const Clock& clock, const PolicyCatalog& policies,
                                               const identity::PersonalDataCipher& cipher,
                                               const RegistrationSettings& settings, const Actor& actor,
                                               store::Id batch_id, const ApplicantForm& form);

}  // namespace rc::app
