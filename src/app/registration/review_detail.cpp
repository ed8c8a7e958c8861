#include "app/registration/review_detail.h"

#include "app/registration/station_registration.h"
#include "store/biometric_repository.h"
#include "store/registration_repository.h"

namespace rc::app {
namespace {

std::string as_string(const store::Bytes& b) { return std::string(b.begin(), b.end()); }

}  // namespace

Result<bool> is_re_registration(store::Transaction& tx, const store::Registration& registration) {
  auto all = store::RegistrationRepository(tx).list_by_candidate(registration.candidate_id);
  if (!all) return fail(all.error());
  for (const auto& r : *all)
    if (r.id != registration.id && r.id < registration.id) return true;
  return false;
}

Result<ReviewDetail> review_detail(store::Database& db, const Clock& clock, const identity::PersonalDataCipher& cipher,
                                   const Actor& actor, store::Id registration_id) {
  const auto now = to_timestamp(clock.now());
  return db.transaction([&](store::Transaction& tx) -> Result<ReviewDetail> {
    auto sr = station_registration(tx, actor, registration_id);
    if (!sr) return fail(sr.error());
    ReviewDetail d{sr->registration, sr->batch, sr->candidate, {}, {}, {}, std::nullopt, {}, false, 0};
    auto id_number = cipher.decrypt_id_number(as_string(sr->candidate.id_number_cipher));
    if (!id_number) return fail(id_number.error());
    d.id_number = *id_number;
    d.candidate.id_number_cipher.clear();
    ConfirmationRecords records(tx);
    auto details = records.details(d.candidate.id);
    auto progress = records.progress(registration_id);
    auto photo = store::BiometricRepository(tx).latest_photo(d.candidate.id);
    auto again = is_re_registration(tx, d.registration);
    if (!details || !progress || !photo || !again)
      return fail(!details ? details.error() : !progress ? progress.error() : !photo ? photo.error() : again.error());
    d.details = *details;
    d.progress = *progress;
    d.re_registration = *again;
    d.fee_due_fen = d.registration.fee_due_fen;
    if (*photo) {
      auto image = cipher.decrypt_biometric(as_string((*photo)->image));
      if (!image) return fail(image.error());
      d.photo = std::move(*image);
      d.photo_media_type = (*photo)->media_type;
    }
    nlohmann::json detail{{"id_number", d.candidate.id_number_masked}, {"photo", d.photo.has_value()}};
    if (auto a = audit(tx, actor, now, {"review.detail_view", "registration", registration_id, detail, true}); !a)
      return fail(a.error());
    return d;
  });
}

}  // namespace rc::app
