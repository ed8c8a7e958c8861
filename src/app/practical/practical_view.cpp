#include "app/practical/practical_view.h"

#include "app/certificates/certificate_snapshot.h"
#include "store/attempt_repository.h"
#include "store/practical_repository.h"
#include "store/sitting_repository.h"

namespace rc::app {

Result<std::vector<store::ExaminerAssignment>> examiner_assignments_today(store::Database& db, const Clock& clock,
                                                                         const Actor& actor) {
  if (actor.role != store::Role::kExaminer) return fail(ErrorCode::kForbidden, "role", "只有考评员可以查看考评安排");
  const CivilDate today = china_date(clock.now());
  return db.read([&](store::Transaction& tx) {
    return store::PracticalRepository(tx).examiner_assignments(actor.user_id, today);
  });
}

Result<RoomView> examiner_room_view(store::Database& db, const Actor& actor, store::Id sitting_id, store::Id room_id) {
  return db.read([&](store::Transaction& tx) -> Result<RoomView> {
    auto group = require_room_examiner(tx, actor, sitting_id, room_id);
    if (!group) return fail(group.error());
    store::PracticalRepository repo(tx);
    RoomView v;
    v.room = group->room;
    v.sitting_id = sitting_id;
    auto sitting = store::SittingRepository(tx).find(sitting_id);
    if (!sitting) return fail(sitting.error());
    v.held_on = sitting->held_on;
    v.examiners = static_cast<int>(group->examiners.size());
    auto draws = repo.draws_in_room(sitting_id, room_id);
    if (!draws) return fail(draws.error());
    for (const auto& d : *draws) {
      RoomCandidate c;
      c.draw = d;
      auto seat = repo.seat_of(sitting_id, d.registration_id);
      if (!seat) return fail(seat.error());
      if (*seat) {
        c.masked_name = mask_name((*seat)->candidate_name);
        c.ticket_no = (*seat)->ticket_no;
      }
      auto sheets = repo.sheets_of(d.id);
      if (!sheets) return fail(sheets.error());
      c.sheets = static_cast<int>(sheets->size());
      auto result = repo.result_of(d.id);
      if (!result) return fail(result.error());
      c.result = *result;
      v.candidates.push_back(std::move(c));
    }
    return v;
  });
}

Result<DrawView> practical_draw_view(store::Database& db, const Clock& clock, const PolicyCatalog& policies,
                                     const Actor& actor, store::Id draw_id) {
  const CivilDate today = china_date(clock.now());
  return db.read([&](store::Transaction& tx) -> Result<DrawView> {
    auto loaded = load_draw(tx, draw_id);
    if (!loaded) return fail(loaded.error());
    const auto& d = loaded->row;
    auto group = require_room_examiner(tx, actor, d.sitting_id, d.room_id);
    if (!group) return fail(group.error());
    store::PracticalRepository repo(tx);
    DrawView v;
    v.loaded = *loaded;
    v.examiners = static_cast<int>(group->examiners.size());
    v.room = group->room;
    auto seat = repo.seat_of(d.sitting_id, d.registration_id);
    if (!seat) return fail(seat.error());
    if (*seat) {
      v.masked_name = mask_name((*seat)->candidate_name);
      v.ticket_no = (*seat)->ticket_no;
    }
    auto sheets = repo.sheets_of(draw_id);
    if (!sheets) return fail(sheets.error());
    v.sheets = *sheets;
    std::vector<practical::ScoreSheet> parsed;
    for (const auto& s : v.sheets) {
      auto sheet = practical::sheet_from_json(nlohmann::json::parse(s.sheet_json, nullptr, false));
      if (!sheet) return fail(sheet.error());
      if (s.examiner_id == actor.user_id) v.mine = *sheet;
      parsed.push_back(std::move(*sheet));
    }
    auto result = repo.result_of(draw_id);
    if (!result) return fail(result.error());
    v.result = *result;
    if (v.result) {
      auto combined = practical::combine_sheets(*loaded->scheme, loaded->draw, parsed);
      if (combined) v.combined = std::move(*combined);
      auto retake = repo.draw_for(d.sitting_id, d.registration_id, store::AttemptKind::kOnsiteRetake);
      if (!retake) return fail(retake.error());
      if (*retake && (*retake)->id != draw_id) v.onsite_retake_draw = (*retake)->id;
      auto history = store::AttemptRepository(tx).list_by_registration(d.registration_id);
      if (!history) return fail(history.error());
      for (const auto& a : *history)
        if (a.sitting_id == d.sitting_id && a.kind == store::AttemptKind::kOnsiteRetake &&
            a.outcome == store::Outcome::kDeclined)
          v.onsite_retake_declined = true;
      if (!v.result->passed && !v.onsite_retake_draw && !v.onsite_retake_declined)
        v.onsite_retake_allowed = static_cast<bool>(require_onsite_retake_right(tx, policies, d, today));
    }
    return v;
  });
}

}  // namespace rc::app
