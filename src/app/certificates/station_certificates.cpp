#include "app/certificates/station_certificates.h"

#include "app/results/candidate_history.h"
#include "store/certificate_issue_repository.h"
#include "store/candidate_repository.h"
#include "store/filing_repository.h"
#include "store/registration_repository.h"

namespace rc::app {

Result<StationCertificates> station_certificates(const CertificateServices& s, const Actor& actor) {
  if (actor.role != store::Role::kStation) return fail(ErrorCode::kForbidden, "", "只有鉴定站可以管理证书");
  const CivilDate today = china_date(s.clock.now());
  return s.db.read([&](store::Transaction& tx) -> Result<StationCertificates> {
    StationCertificates out;
    store::FilingRepository filings(tx);
    auto unfiled = filings.unfiled_approved_registrations(actor.entity_id);
    if (!unfiled) return fail(unfiled.error());
    for (store::Id id : *unfiled) {
      auto st = certificate_standing(tx, s.policies, id, today);
      if (!st && st.error().code == ErrorCode::kStorageFailure) return fail(st.error());
      if (st && st->certifiable()) ++out.waiting_for_filing;
    }
    auto waiting = filings.filed_without_certificate(actor.entity_id);
    auto list = filings.list_by_station(actor.entity_id);
    auto issued = store::CertificateIssueRepository(tx).listings_of_station(actor.entity_id, 200);
    if (!waiting || !list || !issued)
      return fail(!waiting ? waiting.error() : !list ? list.error() : issued.error());
    out.waiting_for_issuance = waiting->size();
    for (std::size_t i = 0; i < waiting->size() && i < 500; ++i) {
      auto reg = store::RegistrationRepository(tx).find((*waiting)[i]);
      if (!reg) return fail(reg.error());
      auto c = store::CandidateRepository(tx).find(reg->candidate_id);
      if (!c) return fail(c.error());
      out.waiting.push_back({reg->id, c->name, c->id_number_masked});
    }
    out.filings = std::move(*list);
    for (auto& l : *issued) {
      CertificateState state = CertificateState::kValid;
      if (l.certificate.status == store::CertificateStatus::kRevoked) state = CertificateState::kRevoked;
      else if (l.certificate.valid_until && *l.certificate.valid_until < today) state = CertificateState::kExpired;
      out.certificates.push_back({std::move(l), state});
    }
    return out;
  });
}

}  // namespace rc::app
