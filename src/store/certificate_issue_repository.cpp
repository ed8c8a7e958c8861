#include "store/certificate_issue_repository.h"

#include "store/certificate_issue_sql.h"
#include "store/repository_support.h"
#include "store/storage_error.h"

namespace rc::store {
namespace {

void into_listing(Statement& st, CertificateListing& l) {
  Certificate& c = l.certificate;
  st.into(c.id).into(c.number).into(c.scheme).into(c.registration_id).into(c.reissue_of).into(c.issued_on);
  st.into(c.valid_until).into(c.filed_on).into(c.status).into(c.revoked_reason).into(c.revoked_at);
  st.into(c.revoked_by).into(c.file_digest).into(c.snapshot_json).into(c.created_at);
  CertificateIssue& i = l.issue;
  st.into(i.certificate_id).into(i.station_id).into(i.candidate_id).into(i.serial_year).into(i.serial);
  st.into(i.exam_on).into(i.public_from).into(l.holder_name).into(l.id_number_masked).into(l.level);
}

}  // namespace

Result<int> CertificateIssueRepository::take_serials(Id station_id, int year, int count) {
  if (count < 1) return fail(ErrorCode::kInvalidValue, "count", "证书编号数量必须为正数");
  return guarded("分配证书编号", [&]() -> Result<int> {
    Statement ensure(tx_, sql::kEnsureNumberCounter);
    ensure.bind(station_id).bind(year).execute();
    std::int64_t next = 0;
    Statement take(tx_, sql::kTakeSerials);
    take.bind(count).bind(station_id).bind(year).into(next);
    if (!take.execute()) return fail(ErrorCode::kStorageFailure, "station_id", "证书编号计数器缺失");
    return static_cast<int>(next - count);
  });
}

Result<int> CertificateIssueRepository::peek_next_serial(Id station_id, int year) {
  return guarded("读取证书编号计数器", [&]() -> Result<int> {
    Statement ensure(tx_, sql::kEnsureNumberCounter);
    ensure.bind(station_id).bind(year).execute();
    int next = 0;
    Statement st(tx_, sql::kPeekNextSerial);
    st.bind(station_id).bind(year).into(next);
    if (!st.execute()) return fail(ErrorCode::kStorageFailure, "station_id", "证书编号计数器缺失");
    return next;
  });
}

Result<bool> CertificateIssueRepository::claim_serials(Id station_id, int year, int expected_first, int count) {
  if (count < 1) return fail(ErrorCode::kInvalidValue, "count", "证书编号数量必须为正数");
  return guarded("分配证书编号", [&]() -> Result<bool> {
    Statement st(tx_, sql::kClaimSerials);
    st.bind(count).bind(station_id).bind(year).bind(expected_first).execute();
    return st.affected_rows() == 1;
  });
}

Result<void> CertificateIssueRepository::insert_issue(const CertificateIssue& i) {
  return guarded("保存证书发放记录", [&]() -> Result<void> {
    Statement st(tx_, sql::kInsertCertificateIssue);
    st.bind(i.certificate_id).bind(i.station_id).bind(i.candidate_id).bind(i.serial_year).bind(i.serial);
    st.bind(i.exam_on).bind(i.public_from).execute();
    return ok();
  });
}

Result<void> CertificateIssueRepository::insert_file(const CertificateFile& f) {
  return guarded("保存证书文件", [&]() -> Result<void> {
    Statement st(tx_, sql::kInsertCertificateFile);
    st.bind(f.certificate_id).bind(f.media_type).bind(f.content).bind(f.digest).execute();
    return ok();
  });
}

Result<std::optional<CertificateFile>> CertificateIssueRepository::find_file(Id certificate_id) {
  return guarded("读取证书文件", [&]() -> Result<std::optional<CertificateFile>> {
    CertificateFile row;
    Statement st(tx_, sql::kSelectCertificateFile);
    st.bind(certificate_id).into(row.certificate_id).into(row.media_type).into(row.content).into(row.digest);
    return first(st, row);
  });
}

Result<bool> CertificateIssueRepository::registration_has_certificate(Id registration_id) {
  return guarded("查询证书", [&]() -> Result<bool> {
    std::int64_t n = 0;
    Statement st(tx_, sql::kCountCertificatesOfRegistration);
    st.bind(registration_id).into(n).execute();
    return n > 0;
  });
}

Result<std::vector<int>> CertificateIssueRepository::serials(Id station_id, int year) {
  return guarded("读取证书编号", [&]() -> Result<std::vector<int>> {
    int serial = 0;
    Statement st(tx_, sql::kSelectSerials);
    st.bind(station_id).bind(year).into(serial);
    return collect(st, serial);
  });
}

Result<std::optional<CertificateListing>> CertificateIssueRepository::listing(Id certificate_id) {
  return guarded("读取证书", [&]() -> Result<std::optional<CertificateListing>> {
    CertificateListing row;
    Statement st(tx_, sql::kListingById);
    st.bind(certificate_id);
    into_listing(st, row);
    return first(st, row);
  });
}

Result<std::optional<CertificateListing>> CertificateIssueRepository::listing_by_number(std::string_view number) {
  return guarded("查询证书", [&]() -> Result<std::optional<CertificateListing>> {
    CertificateListing row;
    Statement st(tx_, sql::kListingByNumber);
    st.bind(number);
    into_listing(st, row);
    return first(st, row);
  });
}

Result<std::vector<CertificateListing>> CertificateIssueRepository::listings_of_candidate(Id candidate_id) {
  return guarded("读取证书列表", [&]() -> Result<std::vector<CertificateListing>> {
    CertificateListing row;
    Statement st(tx_, sql::kListingsByCandidate);
    st.bind(candidate_id);
    into_listing(st, row);
    return collect(st, row);
  });
}

Result<std::vector<CertificateListing>> CertificateIssueRepository::listings_of_station(Id station_id, int limit) {
  return guarded("读取证书列表", [&]() -> Result<std::vector<CertificateListing>> {
    CertificateListing row;
    Statement st(tx_, sql::kListingsByStation);
    st.bind(station_id).bind(limit);
    into_listing(st, row);
    return collect(st, row);
  });
}

}  // namespace rc::store
