#pragma once
// SQL of AuditLog (store/audit_log.cpp). Deliberately no UPDATE or DELETE: the trail is
// append-only, and V002 makes the database refuse them too.

#include <string_view>

namespace rc::store::sql {

inline constexpr std::string_view kInsertAuditEvent =
    "INSERT INTO audit_events (at, actor_user_id, actor, action, entity_type, entity_id, detail_json,"
    " personal_data_view)"
    " VALUES (:at, :actor_user_id, :actor, :action, :entity_type, :entity_id, :detail_json,"
    " :personal_data_view) RETURNING id";

#define RC_AUDIT_COLUMNS "id, at, actor_user_id, actor, action, entity_type, entity_id, detail_json, personal_data_view"
inline constexpr std::string_view kSelectAuditByEntity =
    "SELECT " RC_AUDIT_COLUMNS " FROM audit_events WHERE entity_type = :entity_type AND entity_id = :entity_id"
    " ORDER BY id";
inline constexpr std::string_view kSelectPersonalDataViews =
    "SELECT " RC_AUDIT_COLUMNS " FROM audit_events WHERE personal_data_view = 1 AND at >= :from AND at < :to"
    " ORDER BY at, id";
#undef RC_AUDIT_COLUMNS

}  // namespace rc::store::sql
