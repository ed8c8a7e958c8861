#pragma once
// Use case: the candidate completes or corrects the fields the system requires (own_application.h):
// 通讯地址, 紧急联系人 and 电话, the health declaration (R2), and optionally 工作单位. Only the
// fields given are changed; each is parsed as the spreadsheet's cells are (applicant_fields.h).
// Identity data (name, ID number) cannot be changed here: the organisation corrects it.
// Audited (field names only, never the values). Thread-safe.

#include <optional>
#include <string>

#include "app/registration/actor.h"
#include "domain/common/clock.h"
#include "store/database.h"

namespace rc::app {

struct MissingFieldsForm {
  std::optional<std::string> address;                  // at most 100 characters, not empty
  std::optional<std::string> emergency_contact_name;   // a person's name
  std::optional<std::string> emergency_contact_phone;  // mainland mobile
  std::optional<std::string> employer;                 // at most 60 characters, may be empty
  std::optional<bool> health_declared;                 // must be true: 身体健康 (R2)
};

// kInvalidValue / kMissingField / kApplicantBadName / kApplicantBadPhone / kHealthNotDeclared with
// the field; kForbidden; kWrongState.
[[nodiscard]] Result<void> complete_missing_fields(store::Database& db, const Clock& clock, const Actor& actor,
                                                   store::Id registration_id, const MissingFieldsForm& form);

}  // namespace rc::app
