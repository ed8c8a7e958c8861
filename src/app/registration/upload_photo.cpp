#include "app/registration/upload_photo.h"

#include <openssl/evp.h>

#include <array>
#include <memory>

#include "app/registration/confirmation_records.h"
#include "app/registration/own_application.h"
#include "store/biometric_repository.h"

namespace rc::app {
namespace {

std::string sm3_hex(std::string_view data) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> md{};
  unsigned int len = 0;
  const EVP_MD* sm3 = EVP_get_digestbyname("SM3");
  if (!sm3 || EVP_Digest(data.data(), data.size(), md.data(), &len, sm3, nullptr) != 1) return {};
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned i = 0; i < len; ++i) {
    out += kHex[md[i] >> 4];
    out += kHex[md[i] & 0xf];
  }
  return out;
}

std::string media_type_of(std::string_view bytes) {
  if (bytes.starts_with("\x89PNG")) return "image/png";
  return "image/jpeg";  // check_photo accepts JPEG and PNG only
}

store::Bytes to_bytes(const std::string& s) { return store::Bytes(s.begin(), s.end()); }

Result<void> authorised(store::Database& db, const Actor& actor, store::Id registration_id) {
  auto app = db.read([&](store::Transaction& tx) { return confirmable_application(tx, actor, registration_id); });
  if (!app) return fail(app.error());
  return ok();
}

}  // namespace

Result<PhotoOutcome> upload_photo(store::Database& db, const Clock& clock, const identity::PersonalDataCipher& cipher,
                                  face::FaceVerifier* verifier, const RegistrationSettings& settings,
                                  const Actor& actor, store::Id registration_id, std::string_view photo_bytes) {
  if (auto a = authorised(db, actor, registration_id); !a) return fail(a.error());
  face::PhotoCheck check = face::check_photo(photo_bytes, settings.photo_rules);
  if (!check.accepted) return PhotoOutcome{false, std::move(check.issues)};
  std::optional<face::FaceTemplate> enrolled;
  if (verifier != nullptr) {
    auto e = verifier->enrol(photo_bytes);
    if (!e) return PhotoOutcome{false, {face::PhotoIssue{"face.enrol_failed", e.error().message}}};
    enrolled = std::move(*e);
  }
  const auto now = to_timestamp(clock.now());
  return db.transaction([&](store::Transaction& tx) -> Result<PhotoOutcome> {
    auto app = confirmable_application(tx, actor, registration_id);
    if (!app) return fail(app.error());
    const store::Id candidate_id = app->candidate.id;
    store::BiometricRepository biometrics(tx);
    store::CandidatePhoto photo{0, candidate_id, media_type_of(photo_bytes),
                                to_bytes(cipher.encrypt_biometric(photo_bytes)), settings.biometric_key_id,
                                sm3_hex(photo_bytes), now, now + settings.photo_retention};
    auto photo_id = biometrics.add_photo(photo);
    if (!photo_id) return fail(photo_id.error());
    nlohmann::json detail{{"photo_id", *photo_id}};
    if (enrolled) {
      store::FaceTemplate face{0, candidate_id, std::string(verifier->name()),
                               to_bytes(cipher.encrypt_biometric(enrolled->to_bytes())), settings.biometric_key_id, now,
                               now + settings.face_template_retention};
      auto face_id = biometrics.add_face_template(face);
      if (!face_id) return fail(face_id.error());
      detail["face_template_id"] = *face_id;
      detail["model"] = face.model;
    }
    ConfirmationRecords records(tx);
    if (auto m = records.mark(registration_id, ConfirmationStep::kPhoto, now); !m) return fail(m.error());
    if (auto c = records.clear_face_verification(registration_id, now); !c) return fail(c.error());
    if (auto a = audit(tx, actor, now, {"photo.upload", "registration", registration_id, detail}); !a) return fail(a.error());
    return PhotoOutcome{true, {}};
  });
}

}  // namespace rc::app
