#include "app/checkin/record_incident.h"

#include "app/checkin/door_access.h"
#include "sheet/text_encoding.h"
#include "store/checkin_repository.h"

namespace rc::app {
std::string_view incident_kind_label(store::IncidentKind kind) {
  switch (kind) {
    case store::IncidentKind::kIdentity:
      return "身份核验";
    case store::IncidentKind::kLate:
      return "迟到";
    case store::IncidentKind::kCheating:
      return "违纪作弊";
    case store::IncidentKind::kDevice:
      return "设备故障";
    case store::IncidentKind::kHealth:
      return "身体不适";
    case store::IncidentKind::kDisruption:
      return "扰乱考场秩序";
    case store::IncidentKind::kOther:
      return "其他";
  }
  return "";
}

Result<store::Id> record_incident(store::Database& db, const Clock& clock, const Actor& actor,
                                  const IncidentForm& form) {
  const auto at = to_timestamp(clock.now());
  return db.transaction([&](store::Transaction& tx) -> Result<store::Id> {
    auto room = require_proctor_room(tx, actor, form.sitting_id, form.room_id);
    if (!room) return fail(room.error());
    auto kind = store::enum_from_text<store::IncidentKind>(form.kind);
    if (!kind) return fail(ErrorCode::kUnknownEnumValue, "kind", "请选择考场情况的类别");
    store::ExamIncident row;
    row.sitting_id = form.sitting_id;
    row.room_id = form.room_id;
    row.kind = *kind;
    row.description = trimmed_text(form.description);
    if (row.description.empty()) return fail(ErrorCode::kMissingField, "description", "请填写考场情况的经过");
    if (sheet::utf8_length(row.description) > kIncidentDescriptionMaxChars)
      return fail(ErrorCode::kTooLarge, "description",
                  "情况说明不能超过 " + std::to_string(kIncidentDescriptionMaxChars) + " 个字");
    if (const auto ticket = trimmed_text(form.ticket_no); !ticket.empty()) {
      auto seat = store::CheckinRepository(tx).seat_by_ticket(ticket);
      if (!seat) return fail(seat.error());
      if (!*seat || (*seat)->sitting_id != form.sitting_id || (*seat)->room_id != form.room_id)
        return fail(ErrorCode::kTicketInvalid, "ticket", "该准考证号不是本考场考生的准考证号");
      row.registration_id = (*seat)->registration_id;
    }
    row.recorded_at = at;
    row.recorded_by = actor.user_id;
    auto id = store::IncidentRepository(tx).record(row);
    if (!id) return fail(id.error());
    nlohmann::json detail{{"sitting", form.sitting_id}, {"room", form.room_id}, {"kind", form.kind}};
    if (row.registration_id) detail["registration"] = *row.registration_id;
    if (auto a = audit(tx, actor, at, {"checkin.incident", "exam_incident", *id, detail}); !a) return fail(a.error());
    return *id;
  });
}

}  // namespace rc::app
