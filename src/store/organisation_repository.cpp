#include "store/organisation_repository.h"

#include "store/organisation_sql.h"
#include "store/repository_support.h"
#include "store/storage_error.h"

namespace rc::store {
namespace {

void into_organisation(Statement& st, Organisation& o) {
  st.into(o.id).into(o.name).into(o.credit_code).into(o.contact_name).into(o.contact_phone).into(o.created_at);
}

}  // namespace

Result<Id> OrganisationRepository::insert(const Organisation& o) {
  return guarded("保存申报单位", [&]() -> Result<Id> {
    Id id = 0;
    Statement st(tx_, sql::kInsertOrganisation);
    st.bind(o.name).bind(o.credit_code).bind(o.contact_name).bind(o.contact_phone).bind(o.created_at).into(id);
    st.execute();
    return id;
  });
}

Result<Organisation> OrganisationRepository::find(Id id) {
  return guarded("读取申报单位", [&]() -> Result<Organisation> {
    Organisation row;
    Statement st(tx_, sql::kSelectOrganisationById);
    st.bind(id);
    into_organisation(st, row);
    if (auto found = first(st, row)) return *found;
    return fail(not_found("申报单位", id));
  });
}

Result<Organisation> OrganisationRepository::find_by_credit_code(std::string_view credit_code) {
  return guarded("读取申报单位", [&]() -> Result<Organisation> {
    Organisation row;
    Statement st(tx_, sql::kSelectOrganisationByCreditCode);
    st.bind(credit_code);
    into_organisation(st, row);
    if (auto found = first(st, row)) return *found;
    return fail(ErrorCode::kNotFound, "credit_code", "统一社会信用代码 " + std::string(credit_code) + " 对应的单位不存在");
  });
}

Result<void> OrganisationRepository::update_contact(Id id, std::string_view contact_name,
                                                    std::string_view contact_phone) {
  return guarded("更新申报单位联系人", [&]() -> Result<void> {
    Statement st(tx_, sql::kUpdateOrganisationContact);
    st.bind(contact_name).bind(contact_phone).bind(id);
    st.execute();
    if (st.affected_rows() == 0) return fail(not_found("申报单位", id));
    return ok();
  });
}

}  // namespace rc::store
