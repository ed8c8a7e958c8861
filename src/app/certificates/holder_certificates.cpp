#include "app/certificates/holder_certificates.h"

#include "store/certificate_issue_repository.h"

namespace rc::app {
namespace {

CertificateState state_of(const store::Certificate& c, CivilDate today) {
  if (c.status == store::CertificateStatus::kRevoked) return CertificateState::kRevoked;
  if (c.valid_until && *c.valid_until < today) return CertificateState::kExpired;
  return CertificateState::kValid;
}

Error no_certificate(store::Id id) {
  return make_error(ErrorCode::kNotFound, "id", "证书不存在（编号 " + std::to_string(id) + "）");
}

}  // namespace

Result<std::vector<HolderCertificate>> holder_certificates(store::Database& db, const Clock& clock, const Actor& actor) {
  if (actor.role != store::Role::kCandidate) return fail(ErrorCode::kForbidden, "", "只有考生本人可以查看自己的证书");
  const CivilDate today = china_date(clock.now());
  auto listings = db.read([&](store::Transaction& tx) {
    return store::CertificateIssueRepository(tx).listings_of_candidate(actor.entity_id);
  });
  if (!listings) return fail(listings.error());
  std::vector<HolderCertificate> out;
  for (auto& l : *listings) {
    HolderCertificate h{l, state_of(l.certificate, today), nlohmann::json::parse(l.certificate.snapshot_json, nullptr, false)};
    if (!h.printed.is_object()) h.printed = nlohmann::json::object();
    h.printed.erase("document_number_cipher");
    out.push_back(std::move(h));
  }
  return out;
}

Result<CertificateDownload> download_certificate(store::Database& db, const Clock& clock, const Actor& actor,
                                                 store::Id certificate_id, std::string_view format) {
  const auto now = to_timestamp(clock.now());
  return db.transaction([&](store::Transaction& tx) -> Result<CertificateDownload> {
    store::CertificateIssueRepository issues(tx);
    auto listing = issues.listing(certificate_id);
    if (!listing) return fail(listing.error());
    if (!*listing) return fail(no_certificate(certificate_id));
    const auto& issue = (*listing)->issue;
    const bool holder = actor.role == store::Role::kCandidate && actor.entity_id == issue.candidate_id;
    const bool station = actor.role == store::Role::kStation && actor.entity_id == issue.station_id;
    if (!holder && !station) return fail(ErrorCode::kForbidden, "id", "只有持证人本人和发证鉴定站可以下载此证书");
    auto file = issues.find_file(certificate_id);
    if (!file) return fail(file.error());
    if (!*file) return fail(no_certificate(certificate_id));
    nlohmann::json detail{{"number", (*listing)->certificate.number}, {"format", std::string(format)}};
    if (auto a = audit(tx, actor, now, {"certificate.download", "certificate", certificate_id, detail, true}); !a)
      return fail(a.error());
    return CertificateDownload{(*listing)->certificate.number, (*file)->media_type,
                               std::string((*file)->content.begin(), (*file)->content.end())};
  });
}

}  // namespace rc::app
