#include "app/registration/verify_face.h"

#include <cmath>

#include "app/registration/confirmation_records.h"
#include "app/registration/own_application.h"
#include "store/biometric_repository.h"

namespace rc::app {
namespace {

// The enrolled template of the applicant, if the photo step is done.
Result<face::FaceTemplate> enrolled_template(store::Database& db, const identity::PersonalDataCipher& cipher,
                                             const Actor& actor, store::Id registration_id) {
  auto stored = db.read([&](store::Transaction& tx) -> Result<store::FaceTemplate> {
    auto app = confirmable_application(tx, actor, registration_id);
    if (!app) return fail(app.error());
    auto t = store::BiometricRepository(tx).latest_face_template(app->candidate.id);
    if (!t) return fail(t.error());
    if (!*t) return fail(ErrorCode::kWrongState, "photo", "请先上传照片，再进行人脸核验");
    return **t;
  });
  if (!stored) return fail(stored.error());
  auto plain = cipher.decrypt_biometric(std::string(stored->template_cipher.begin(), stored->template_cipher.end()));
  if (!plain) return fail(plain.error());
  return face::FaceTemplate::from_bytes(*plain);
}

}  // namespace

Result<FaceCheckOutcome> verify_face(store::Database& db, const Clock& clock, const identity::PersonalDataCipher& cipher,
                                     face::FaceVerifier& verifier, const RegistrationSettings& settings,
                                     const Actor& actor, store::Id registration_id, std::string_view live_capture) {
  auto enrolled = enrolled_template(db, cipher, actor, registration_id);
  if (!enrolled) return fail(enrolled.error());
  FaceCheckOutcome out;
  auto match = verifier.verify(*enrolled, live_capture);
  out.method = match ? match->method : std::string(verifier.name());
  if (match) {
    out.same_person = match->same_person;
    out.distance = match->distance;
    out.message = match->same_person ? "人脸核验通过" : "人脸核验未通过：现场照片与报名照片不像同一人，请正对镜头重试";
  } else {
    out.message = "人脸核验未通过：" + match.error().message;
  }
  const auto now = to_timestamp(clock.now());
  return db.transaction([&](store::Transaction& tx) -> Result<FaceCheckOutcome> {
    auto app = confirmable_application(tx, actor, registration_id);
    if (!app) return fail(app.error());
    ConfirmationRecords records(tx);
    const int distance_milli = match ? static_cast<int>(std::lround(match->distance * 1000)) : -1;
    if (auto r = records.record_face_verification({registration_id, now, out.method, distance_milli, out.same_person}); !r)
      return fail(r.error());
    auto step = out.same_person ? records.mark(registration_id, ConfirmationStep::kFaceVerified, now)
                                : records.add_face_failure(registration_id, now);
    if (!step) return fail(step.error());
    auto progress = records.progress(registration_id);
    if (!progress) return fail(progress.error());
    out.failures = progress->face_failures;
    out.manual_review_available = !out.same_person && (out.failures >= settings.face_failures_before_manual_review ||
                                                       app->candidate.document_type != store::DocumentType::kResidentId);
    nlohmann::json detail{{"same_person", out.same_person}, {"method", out.method}, {"distance_milli", distance_milli}};
    if (auto a = audit(tx, actor, now, {"face.verify", "registration", registration_id, detail}); !a) return fail(a.error());
    return out;
  });
}

}  // namespace rc::app
