#include "app/registration/complete_missing_fields.h"

#include "app/applicant_fields.h"
#include "app/registration/confirmation_records.h"
#include "app/registration/own_application.h"
#include "store/candidate_repository.h"

namespace rc::app {
namespace {

Error in_field(Error e, std::string field, std::string_view label) {
  e.field = std::move(field);
  e.message = std::string(label) + "：" + e.message;
  return e;
}

// The form parsed onto `d`; the names of the fields changed go to `changed`.
Result<void> apply(const MissingFieldsForm& form, CandidateDetails& d, std::vector<std::string>& changed) {
  if (form.address) {
    auto v = parse_free_text(*form.address, 100);
    if (!v) return fail(in_field(v.error(), "address", "通讯地址"));
    if (v->empty()) return fail(ErrorCode::kMissingField, "address", "通讯地址不能为空");
    d.address = *v;
    changed.push_back("address");
  }
  if (form.emergency_contact_name) {
    auto v = parse_person_name(*form.emergency_contact_name);
    if (!v) return fail(in_field(v.error(), "emergency_contact_name", "紧急联系人姓名"));
    d.emergency_contact_name = *v;
    changed.push_back("emergency_contact_name");
  }
  if (form.emergency_contact_phone) {
    auto v = parse_mobile(*form.emergency_contact_phone);
    if (!v) return fail(in_field(v.error(), "emergency_contact_phone", "紧急联系人电话"));
    d.emergency_contact_phone = *v;
    changed.push_back("emergency_contact_phone");
  }
  if (form.employer) {
    auto v = parse_free_text(*form.employer, 60);
    if (!v) return fail(in_field(v.error(), "employer", "工作单位"));
    d.employer = *v;
    changed.push_back("employer");
  }
  return ok();
}

}  // namespace

Result<void> complete_missing_fields(store::Database& db, const Clock& clock, const Actor& actor,
                                     store::Id registration_id, const MissingFieldsForm& form) {
  if (form.health_declared && !*form.health_declared)
    return fail(ErrorCode::kHealthNotDeclared, "health_declared", "须声明身体健康方可报考（R2）", "R2");
  const auto now = to_timestamp(clock.now());
  return db.transaction([&](store::Transaction& tx) -> Result<void> {
    auto app = confirmable_application(tx, actor, registration_id);
    if (!app) return fail(app.error());
    ConfirmationRecords records(tx);
    auto details = records.details(app->candidate.id);
    if (!details) return fail(details.error());
    std::vector<std::string> changed;
    if (auto a = apply(form, *details, changed); !a) return a;
    if (auto s = records.save_details(app->candidate.id, *details, now); !s) return s;
    if (form.health_declared) {
      auto u = store::CandidateRepository(tx).update_contact(app->candidate.id, app->candidate.phone, true);
      if (!u) return u;
      changed.push_back("health_declared");
    }
    return audit(tx, actor, now, {"candidate.update_details", "candidate", app->candidate.id, {{"fields", changed}}});
  });
}

}  // namespace rc::app
