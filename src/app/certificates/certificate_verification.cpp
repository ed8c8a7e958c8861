#include "app/certificates/certificate_verification.h"

#include <nlohmann/json.hpp>

#include "app/applicant_fields.h"
#include "app/certificates/certificate_snapshot.h"
#include "app/registration/applicant_entry.h"
#include "domain/identity/id_number.h"
#include "store/candidate_repository.h"
#include "store/certificate_issue_repository.h"

namespace rc::app {
namespace {

Error not_found() {
  return make_error(ErrorCode::kNotFound, "number", "未查询到相符的证书，请核对证书编号、姓名或证件号码");
}

// Any failure to read is "cannot determine", never a guess.
Error unavailable() {
  return make_error(ErrorCode::kStatusUnavailable, "", "暂时无法确定证书状态，请稍后重试");
}

PublicCertificate public_view(const store::CertificateListing& l, CivilDate today) {
  PublicCertificate p;
  const auto& c = l.certificate;
  p.number = c.number;
  p.checked_on = today;
  p.masked_name = mask_name(l.holder_name);
  p.masked_id_number = l.id_number_masked;
  p.level = level_label(l.level);
  p.issued_on = c.issued_on;
  p.valid_until = c.valid_until;
  auto snapshot = nlohmann::json::parse(c.snapshot_json, nullptr, false);
  if (snapshot.is_object()) p.issuing_body = snapshot.value("issuing_body", "");
  if (c.status == store::CertificateStatus::kRevoked) {
    p.state = CertificateState::kRevoked;
    if (c.revoked_at) p.revoked_on = china_date(*c.revoked_at);
  } else if (c.valid_until && *c.valid_until < today) {
    p.state = CertificateState::kExpired;
  }
  return p;
}

// A name compared as typed, ignoring surrounding spaces.
bool same_name(std::string_view stored, std::string_view typed) { return stored == trim_cell(typed); }

}  // namespace

std::string_view state_code(CertificateState s) {
  switch (s) {
    case CertificateState::kValid: return "valid";
    case CertificateState::kRevoked: return "revoked";
    case CertificateState::kExpired: return "expired";
  }
  return "";
}

std::string_view state_label(CertificateState s) {
  switch (s) {
    case CertificateState::kValid: return "有效";
    case CertificateState::kRevoked: return "已撤销";
    case CertificateState::kExpired: return "已过期";
  }
  return "";
}

Result<PublicCertificate> certificate_status(store::Database& db, const Clock& clock, std::string_view number) {
  const CivilDate today = china_date(clock.now());
  if (number.empty() || number.size() > 64) return fail(not_found());
  auto found = db.read([&](store::Transaction& tx) {
    return store::CertificateIssueRepository(tx).listing_by_number(number);
  });
  if (!found) return fail(unavailable());
  if (!*found || (*found)->issue.public_from > today) return fail(not_found());
  return public_view(**found, today);
}

Result<std::vector<PublicCertificate>> verify_certificate(store::Database& db, const Clock& clock,
                                                          const identity::PersonalDataCipher& cipher,
                                                          const VerificationQuery& q) {
  const CivilDate today = china_date(clock.now());
  if (trim_cell(q.name).empty()) return fail(ErrorCode::kMissingField, "name", "请输入持证人姓名");
  if (q.number.empty() && q.id_number.empty())
    return fail(ErrorCode::kMissingField, "number", "请输入证书编号或证件号码");
  std::vector<PublicCertificate> out;
  if (!q.number.empty()) {
    auto one = certificate_status(db, clock, trim_cell(q.number));
    if (!one) return fail(one.error());
    auto listing = db.read([&](store::Transaction& tx) {
      return store::CertificateIssueRepository(tx).listing_by_number(trim_cell(q.number));
    });
    if (!listing) return fail(unavailable());
    if (!*listing || !same_name((*listing)->holder_name, q.name)) return fail(not_found());
    out.push_back(*one);
    return out;
  }
  auto parsed = identity::parse_id_number(trim_cell(q.id_number), today);
  if (!parsed) return fail(not_found());
  const store::DocumentType type = stored_document_type(parsed->type);
  auto listings = db.read([&](store::Transaction& tx) -> Result<std::vector<store::CertificateListing>> {
    auto c = store::CandidateRepository(tx).find_by_id_number_hmac(
        type, cipher.lookup_hash(store::to_text(type), parsed->normalized));
    if (!c) return fail(c.error());
    if (!*c) return std::vector<store::CertificateListing>{};
    return store::CertificateIssueRepository(tx).listings_of_candidate((*c)->id);
  });
  if (!listings) return fail(unavailable());
  for (const auto& l : *listings)
    if (l.issue.public_from <= today && same_name(l.holder_name, q.name)) out.push_back(public_view(l, today));
  if (out.empty()) return fail(not_found());
  return out;
}

}  // namespace rc::app
