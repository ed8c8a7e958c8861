#include "store/certificate_repository.h"

#include "store/certificate_sql.h"
#include "store/repository_support.h"
#include "store/storage_error.h"

namespace rc::store {
namespace {

void into_certificate(Statement& st, Certificate& c) {
  st.into(c.id).into(c.number).into(c.scheme).into(c.registration_id).into(c.reissue_of).into(c.issued_on);
  st.into(c.valid_until).into(c.filed_on).into(c.status).into(c.revoked_reason).into(c.revoked_at);
  st.into(c.revoked_by).into(c.file_digest).into(c.snapshot_json).into(c.created_at);
}

}  // namespace

Result<Id> CertificateRepository::insert(const Certificate& c) {
  return guarded("保存证书", [&]() -> Result<Id> {
    Id id = 0;
    Statement st(tx_, sql::kInsertCertificate);
    st.bind(c.number).bind(c.scheme).bind(c.registration_id).bind(c.reissue_of).bind(c.issued_on);
    st.bind(c.valid_until).bind(c.filed_on).bind(c.status).bind(c.revoked_reason).bind(c.revoked_at);
    st.bind(c.revoked_by).bind(c.file_digest).bind(c.snapshot_json).bind(c.created_at).into(id);
    st.execute();
    return id;
  });
}

Result<Certificate> CertificateRepository::find(Id id) {
  return guarded("读取证书", [&]() -> Result<Certificate> {
    Certificate row;
    Statement st(tx_, sql::kSelectCertificateById);
    st.bind(id);
    into_certificate(st, row);
    if (auto found = first(st, row)) return *found;
    return fail(not_found("证书", id));
  });
}

Result<std::optional<Certificate>> CertificateRepository::find_by_number(std::string_view number) {
  return guarded("查询证书", [&]() -> Result<std::optional<Certificate>> {
    Certificate row;
    Statement st(tx_, sql::kSelectCertificateByNumber);
    st.bind(number);
    into_certificate(st, row);
    return first(st, row);
  });
}

Result<std::vector<Certificate>> CertificateRepository::list_by_registration(Id registration_id) {
  return guarded("读取证书列表", [&]() -> Result<std::vector<Certificate>> {
    Certificate row;
    Statement st(tx_, sql::kSelectCertificatesByRegistration);
    st.bind(registration_id);
    into_certificate(st, row);
    return collect(st, row);
  });
}

Result<void> CertificateRepository::revoke(Id id, const Revocation& r) {
  if (r.reason.empty()) return fail(ErrorCode::kMissingField, "revoked_reason", "撤销证书必须填写原因");
  return guarded("撤销证书", [&]() -> Result<void> {
    Statement st(tx_, sql::kRevokeCertificate);
    st.bind(r.reason).bind(r.at).bind(r.by).bind(id);
    st.execute();
    if (st.affected_rows() == 1) return ok();
    std::int64_t exists = 0;
    Statement probe(tx_, sql::kCertificateExists);
    probe.bind(id).into(exists).execute();
    if (!exists) return fail(not_found("证书", id));
    return fail(ErrorCode::kConflict, "status", "证书（编号 " + std::to_string(id) + "）已被撤销");
  });
}

Result<void> CertificateRepository::set_file_digest(Id id, std::string_view file_digest) {
  return guarded("保存证书文件摘要", [&]() -> Result<void> {
    Statement st(tx_, sql::kUpdateCertificateFile);
    st.bind(file_digest).bind(id);
    st.execute();
    if (st.affected_rows() == 0) return fail(not_found("证书", id));
    return ok();
  });
}

}  // namespace rc::store
