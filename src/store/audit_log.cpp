#include "store/audit_log.h"

#include "store/audit_log_sql.h"
#include "store/repository_support.h"
#include "store/storage_error.h"

namespace rc::store {
namespace {

void into_event(Statement& st, AuditEvent& e) {
  st.into(e.id).into(e.at).into(e.actor_user_id).into(e.actor).into(e.action).into(e.entity_type);
  st.into(e.entity_id).into(e.detail_json).into(e.personal_data_view);
}

}  // namespace

Result<Id> AuditLog::append(const AuditEvent& e) {
  return guarded("写入审计日志", [&]() -> Result<Id> {
    Id id = 0;
    Statement st(tx_, sql::kInsertAuditEvent);
    st.bind(e.at).bind(e.actor_user_id).bind(e.actor).bind(e.action).bind(e.entity_type).bind(e.entity_id);
    st.bind(e.detail_json).bind(e.personal_data_view).into(id);
    st.execute();
    return id;
  });
}

Result<std::vector<AuditEvent>> AuditLog::list_by_entity(std::string_view entity_type, std::string_view entity_id) {
  return guarded("读取审计日志", [&]() -> Result<std::vector<AuditEvent>> {
    AuditEvent row;
    Statement st(tx_, sql::kSelectAuditByEntity);
    st.bind(entity_type).bind(entity_id);
    into_event(st, row);
    return collect(st, row);
  });
}

Result<std::vector<AuditEvent>> AuditLog::list_personal_data_views(Timestamp from, Timestamp to) {
  return guarded("读取个人信息查看记录", [&]() -> Result<std::vector<AuditEvent>> {
    AuditEvent row;
    Statement st(tx_, sql::kSelectPersonalDataViews);
    st.bind(from).bind(to);
    into_event(st, row);
    return collect(st, row);
  });
}

}  // namespace rc::store
