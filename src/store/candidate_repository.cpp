#include "store/candidate_repository.h"

#include "store/candidate_sql.h"
#include "store/repository_support.h"
#include "store/storage_error.h"

namespace rc::store {
namespace {

void into_candidate(Statement& st, Candidate& c) {
  st.into(c.id).into(c.name).into(c.document_type).into(c.id_number_cipher).into(c.id_number_key_id);
  st.into(c.id_number_hmac).into(c.id_number_masked).into(c.birth_date).into(c.sex).into(c.phone);
  st.into(c.health_declared).into(c.created_at);
}

Result<void> require_cipher(const Bytes& cipher) {
  if (cipher.empty()) return fail(ErrorCode::kInvalidValue, "id_number_cipher", "证件号码密文为空");
  return ok();
}

}  // namespace

Result<Id> CandidateRepository::insert(const Candidate& c) {
  if (auto r = require_cipher(c.id_number_cipher); !r) return fail(r.error());
  return guarded("保存考生", [&]() -> Result<Id> {
    Id id = 0;
    Statement st(tx_, sql::kInsertCandidate);
    st.bind(c.name).bind(c.document_type).bind(c.id_number_cipher).bind(c.id_number_key_id);
    st.bind(c.id_number_hmac).bind(c.id_number_masked).bind(c.birth_date).bind(c.sex).bind(c.phone);
    st.bind(c.health_declared).bind(c.created_at).into(id);
    st.execute();
    return id;
  });
}

Result<Candidate> CandidateRepository::find(Id id) {
  return guarded("读取考生", [&]() -> Result<Candidate> {
    Candidate row;
    Statement st(tx_, sql::kSelectCandidateById);
    st.bind(id);
    into_candidate(st, row);
    if (auto found = first(st, row)) return *found;
    return fail(not_found("考生", id));
  });
}

Result<std::optional<Candidate>> CandidateRepository::find_by_id_number_hmac(DocumentType type,
                                                                             std::string_view hmac) {
  return guarded("查找考生", [&]() -> Result<std::optional<Candidate>> {
    Candidate row;
    Statement st(tx_, sql::kSelectCandidateByHmac);
    st.bind(type).bind(hmac);
    into_candidate(st, row);
    return first(st, row);
  });
}

Result<std::vector<Candidate>> CandidateRepository::list_by_batch(Id batch_id) {
  return guarded("读取批次考生", [&]() -> Result<std::vector<Candidate>> {
    Candidate row;
    Statement st(tx_, sql::kSelectCandidatesByBatch);
    st.bind(batch_id);
    into_candidate(st, row);
    return collect(st, row);
  });
}

Result<void> CandidateRepository::update_contact(Id id, std::string_view phone, bool health_declared) {
  return guarded("更新考生信息", [&]() -> Result<void> {
    Statement st(tx_, sql::kUpdateCandidateContact);
    st.bind(phone).bind(health_declared).bind(id);
    st.execute();
    if (st.affected_rows() == 0) return fail(not_found("考生", id));
    return ok();
  });
}

Result<void> CandidateRepository::update_id_number_cipher(Id id, const Bytes& cipher, std::string_view key_id) {
  if (auto r = require_cipher(cipher); !r) return fail(r.error());
  return guarded("更新证件号码密文", [&]() -> Result<void> {
    Statement st(tx_, sql::kUpdateCandidateCipher);
    st.bind(cipher).bind(key_id).bind(id);
    st.execute();
    if (st.affected_rows() == 0) return fail(not_found("考生", id));
    return ok();
  });
}

}  // namespace rc::store
