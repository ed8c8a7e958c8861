#include "app/certificates/revoke_certificate.h"

#include "app/applicant_fields.h"
#include "app/certificates/certificate_log.h"
#include "store/certificate_issue_repository.h"
#include "store/certificate_repository.h"

namespace rc::app {

Result<void> revoke_certificate(const CertificateServices& services, const Actor& actor, store::Id certificate_id,
                                const std::string& reason) {
  const std::string why(trim_cell(reason));
  if (why.empty() || why.size() > 600)
    return fail(ErrorCode::kReasonRequired, "reason", "撤销证书必须填写原因（不超过 200 字）", "F21");
  const auto now = to_timestamp(services.clock.now());
  auto done = services.db.transaction([&](store::Transaction& tx) -> Result<void> {
    auto listing = store::CertificateIssueRepository(tx).listing(certificate_id);
    if (!listing) return fail(listing.error());
    if (!*listing) return fail(ErrorCode::kNotFound, "id", "证书不存在（编号 " + std::to_string(certificate_id) + "）");
    if (auto ok = require_station(actor, (*listing)->issue.station_id); !ok) return ok;
    std::optional<store::Id> by;
    if (actor.user_id) by = actor.user_id;
    if (auto r = store::CertificateRepository(tx).revoke(certificate_id, {why, now, by}); !r) return r;
    const auto& c = (*listing)->certificate;
    nlohmann::json detail{{"number", c.number}, {"reason", why}};
    if (auto a = audit(tx, actor, now, {"certificate.revoke", "certificate", certificate_id, detail}); !a) return a;
    return log_certificate_event(tx, CertificateLogKind::kRevoke, c.number, c.file_digest, why, now);
  });
  if (done) certificates_changed(services);
  return done;
}

}  // namespace rc::app
