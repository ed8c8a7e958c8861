#include "app/sittings/create_exam_room.h"

#include "app/sittings/sitting_access.h"
#include "sheet/text_encoding.h"
#include "store/exam_room_repository.h"

namespace rc::app {

namespace {

std::string trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return std::string(s);
}

}  // namespace

Result<store::Id> create_exam_room(store::Database& db, const Clock& clock, const Actor& actor, const NewExamRoom& in) {
  if (auto r = require_station_user(actor); !r) return fail(r.error());
  const std::string name = trimmed(in.name);
  if (name.empty() || sheet::utf8_length(name) > 64)  // the schema's length()
    return fail(ErrorCode::kInvalidValue, "name", "请填写考场名称（1 到 64 个字）");
  for (unsigned char c : name)
    if (c < 0x20) return fail(ErrorCode::kInvalidValue, "name", "考场名称不能含控制字符");
  if (in.seats < 1 || in.seats > 500) return fail(ErrorCode::kInvalidValue, "seats", "座位数应在 1 到 500 之间");
  const auto now = to_timestamp(clock.now());
  return db.transaction([&](store::Transaction& tx) -> Result<store::Id> {
    auto rooms = store::ExamRoomRepository(tx).list_by_station(actor.entity_id);
    if (!rooms) return fail(rooms.error());
    for (const auto& r : *rooms)
      if (r.name == name) return fail(ErrorCode::kConflict, "name", "本鉴定站已有名为“" + name + "”的考场");
    auto id = store::ExamRoomRepository(tx).insert({0, actor.entity_id, name, in.seats, in.kind, now});
    if (!id) return fail(id.error());
    nlohmann::json detail{{"name", name}, {"seats", in.seats}, {"kind", std::string(store::to_text(in.kind))}};
    if (auto a = audit(tx, actor, now, {"room.create", "exam_room", *id, detail}); !a) return fail(a.error());
    return *id;
  });
}

}  // namespace rc::app
