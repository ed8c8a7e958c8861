#include "app/certificates/certificate_preparation.h"

#include <algorithm>

#include "app/certificates/certificate_snapshot.h"
#include "store/batch_repository.h"
#include "store/biometric_repository.h"
#include "store/certificate_issue_repository.h"
#include "store/filing_repository.h"
#include "store/registration_repository.h"
#include "store/station_repository.h"

namespace rc::app {
namespace {

std::string as_string(const store::Bytes& b) { return std::string(b.begin(), b.end()); }

// The holder's photo when it is a PNG (the OFD page embeds PNG); otherwise the writer draws a
// placeholder. Photos may already be erased on schedule: then too.
Result<std::string> photo_png(store::Transaction& tx, const identity::PersonalDataCipher& cipher, store::Id candidate_id) {
  auto photo = store::BiometricRepository(tx).latest_photo(candidate_id);
  if (!photo) return fail(photo.error());
  if (!*photo || (*photo)->media_type != "image/png") return std::string();
  if ((*photo)->key_id.empty()) return as_string((*photo)->image);
  return cipher.decrypt_biometric(as_string((*photo)->image));
}

}  // namespace

Result<std::optional<PreparedCertificate>> prepare_certificate(store::Transaction& tx,
                                                               const CertificateServices& services, const Actor& actor,
                                                               store::Id registration_id, CivilDate today,
                                                               PrepareOptions options) {
  using Out = std::optional<PreparedCertificate>;
  auto reg = store::RegistrationRepository(tx).find(registration_id);
  if (!reg) return fail(reg.error());
  auto batch = store::BatchRepository(tx).find(reg->batch_id);
  if (!batch) return fail(batch.error());
  if (auto allowed = require_station(actor, batch->station_id); !allowed) return fail(allowed.error());
  if (!options.reissue) {
    auto had = store::CertificateIssueRepository(tx).registration_has_certificate(registration_id);
    if (!had) return fail(had.error());
    if (*had) return Out{};
  }
  auto standing = require_certificate_completed(tx, services.policies, registration_id, today);
  if (!standing) return fail(standing.error());
  auto filed = store::FilingRepository(tx).filed_entry(registration_id);
  if (!filed) return fail(filed.error());
  if (!*filed)
    return fail(ErrorCode::kCertificateNotFiled, "registration_id", "该考生的证书信息尚未报送备案，备案后方可发证（R9）", "R9");
  auto station = store::StationRepository(tx).find(batch->station_id);
  auto policy = services.policies.by_id(reg->policy_id);
  if (!station || !policy) return fail(!station ? station.error() : policy.error());
  const store::Candidate& c = standing->candidate;
  auto id_number = services.cipher.decrypt_id_number(as_string(c.id_number_cipher));
  auto photo = photo_png(tx, services.cipher, c.id);
  if (!id_number || !photo) return fail(!id_number ? id_number.error() : photo.error());

  PreparedCertificate p;
  p.registration = *reg;
  p.candidate_id = c.id;
  p.station = *station;
  p.exam_on = *standing->exam_on;
  p.filed_on = (*filed)->filed_on;
  p.public_from = std::max(p.filed_on, p.exam_on.plus_days((*policy)->filing_delay_min_days));
  p.validity_years = (*policy)->certificate.validity_years;
  p.id_number_masked = c.id_number_masked;
  p.reissue = options.reissue;
  ContentSource source{c, *id_number, *station, reg->level, {}, {}, {}};
  source.theory_score_milli = standing->theory_score_milli;
  source.practical_score_milli = standing->practical_score_milli;
  source.photo_png = std::move(*photo);
  p.content = certificate_content(source);
  return Out{std::move(p)};
}

}  // namespace rc::app
