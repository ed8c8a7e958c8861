#include "app/registration/candidate_application.h"

#include "app/registration/authenticate.h"
#include "domain/occupation/occupation.h"
#include "store/batch_repository.h"
#include "store/biometric_repository.h"
#include "store/organisation_repository.h"
#include "store/registration_repository.h"
#include "store/station_repository.h"

namespace rc::app {
namespace {

Result<store::Id> latest_registration(store::Transaction& tx, const Actor& actor) {
  if (actor.role != store::Role::kCandidate) return fail(ErrorCode::kForbidden, "actor", "只有考生本人可以查看");
  auto regs = store::RegistrationRepository(tx).list_by_candidate(actor.entity_id);
  if (!regs) return fail(regs.error());
  if (regs->empty()) return fail(ErrorCode::kNotFound, "registration", "您还没有报名记录");
  return regs->back().id;
}

Result<void> fill_context(store::Transaction& tx, const store::Registration& reg, CandidateApplicationView& v) {
  auto batch = store::BatchRepository(tx).find(reg.batch_id);
  if (!batch) return fail(batch.error());
  auto org = store::OrganisationRepository(tx).find(batch->organisation_id);
  if (!org) return fail(org.error());
  auto station = store::StationRepository(tx).find(batch->station_id);
  if (!station) return fail(station.error());
  v.batch_title = batch->title;
  v.organisation_name = org->name;
  v.station_name = station->name;
  if (auto level = level_by_code(reg.level)) v.level_name = level->display_name();
  return ok();
}

}  // namespace

Result<CandidateApplicationView> candidate_application(store::Database& db, const Clock& clock, const Actor& actor,
                                                       int face_failures_before_manual_review,
                                                       std::optional<store::Id> registration_id) {
  return db.transaction([&](store::Transaction& tx) -> Result<CandidateApplicationView> {
    store::Id id = 0;
    if (registration_id) id = *registration_id;
    else if (auto latest = latest_registration(tx, actor); latest) id = *latest;
    else return fail(latest.error());
    auto app = own_application(tx, actor, id);
    if (!app) return fail(app.error());
    const auto& reg = app->registration;
    const auto& c = app->candidate;
    CandidateApplicationView v;
    v.registration_id = reg.id;
    v.status = reg.status;
    v.status_label = std::string(registration_status_label(reg.status));
    v.name = c.name;
    v.document_type = std::string(store::to_text(c.document_type));
    v.id_number_masked = c.id_number_masked;
    v.birth_date = c.birth_date;
    v.sex = c.sex;
    v.phone_masked = mask_phone(c.phone);
    v.health_declared = c.health_declared;
    if (auto f = fill_context(tx, reg, v); !f) return fail(f.error());
    ConfirmationRecords records(tx);
    auto details = records.details(c.id);
    auto progress = records.progress(reg.id);
    auto photo = store::BiometricRepository(tx).latest_photo(c.id);
    if (!details || !progress || !photo) return fail(!details ? details.error() : !progress ? progress.error() : photo.error());
    v.details = *details;
    v.progress = *progress;
    v.photo_on_file = photo->has_value();
    v.missing = missing_items(c, v.details, v.progress, v.photo_on_file);
    v.can_edit = reg.status == store::RegistrationStatus::kSubmitted || reg.status == store::RegistrationStatus::kReturned;
    v.can_request_manual_review = v.can_edit && !v.progress.face_verified_at &&
                                  (v.progress.face_failures >= face_failures_before_manual_review ||
                                   c.document_type != store::DocumentType::kResidentId);
    if (reg.status == store::RegistrationStatus::kReturned) v.return_reason = reg.review_reason;
    const auto now = to_timestamp(clock.now());
    if (auto a = audit(tx, actor, now, {"registration.view", "registration", reg.id, {}, true}); !a) return fail(a.error());
    return v;
  });
}

}  // namespace rc::app
