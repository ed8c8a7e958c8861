#include "app/practical/practical_support.h"

#include <algorithm>
#include <charconv>
#include <utility>

#include "app/results/candidate_history.h"
#include "store/attempt_repository.h"
#include "store/exam_room_repository.h"
#include "store/practical_repository.h"
#include "store/sitting_repository.h"
#include "store/registration_repository.h"
#include "store/station_repository.h"

namespace rc::app {

Result<const practical::SchemeCatalog*> shipped_schemes() {
  static const Result<practical::SchemeCatalog> catalog = practical::SchemeCatalog::embedded();
  if (!catalog) return fail(catalog.error());
  return &*catalog;
}

Result<const practical::AssessmentScheme*> scheme_for(store::Transaction& tx, const PolicyCatalog& policies,
                                                     store::Id registration_id, store::Id station_id) {
  auto reg = store::RegistrationRepository(tx).find(registration_id);
  if (!reg) return fail(reg.error());
  auto policy = policies.by_id(reg->policy_id);
  if (!policy) return fail(policy.error());
  auto station = store::StationRepository(tx).find(station_id);
  if (!station) return fail(station.error());
  auto catalog = shipped_schemes();
  if (!catalog) return fail(catalog.error());
  auto scheme = (*catalog)->for_exam((*policy)->practical.id, station->region_code);
  if (!scheme) return fail(scheme.error());
  if (auto agrees = practical::check_formula_agrees(**scheme, (*policy)->practical); !agrees) return fail(agrees.error());
  return *scheme;
}

Result<RoomGroup> require_room_examiner(store::Transaction& tx, const Actor& actor, store::Id sitting_id,
                                        store::Id room_id) {
  const auto refuse = [] { return fail(ErrorCode::kForbidden, "room", "您不是本场次该考场的考评员，不能在此评分"); };
  if (actor.role != store::Role::kExaminer) return refuse();
  auto room = store::ExamRoomRepository(tx).find(room_id);
  if (!room) return fail(room.error());  // kNotFound: no such room
  if (room->kind != store::RoomKind::kPractical) return refuse();
  auto examiners = store::PracticalRepository(tx).room_examiners(sitting_id, room_id);
  if (!examiners) return fail(examiners.error());
  if (std::find(examiners->begin(), examiners->end(), actor.user_id) == examiners->end()) return refuse();
  return RoomGroup{std::move(*room), std::move(*examiners)};
}

Result<LoadedDraw> load_draw(store::Transaction& tx, store::Id draw_id) {
  auto row = store::PracticalRepository(tx).find_draw(draw_id);
  if (!row) return fail(row.error());
  auto catalog = shipped_schemes();
  if (!catalog) return fail(catalog.error());
  auto scheme = (*catalog)->by_id(row->scheme_id);
  if (!scheme) return fail(scheme.error());
  std::uint64_t seed = 0;
  const auto* end = row->seed.data() + row->seed.size();
  if (std::from_chars(row->seed.data(), end, seed).ptr != end)
    return fail(ErrorCode::kStorageFailure, "seed", "抽考记录的随机种子已损坏");
  auto items = nlohmann::json::parse(row->items_json, nullptr, false);
  auto draw = practical::draw_from_json(**scheme, seed, items);
  if (!draw) return fail(draw.error());
  return LoadedDraw{*row, *scheme, *draw};
}

}  // namespace rc::app


namespace rc::app {

Result<void> require_onsite_retake_right(store::Transaction& tx, const PolicyCatalog& policies,
                                         const store::PracticalDraw& draw, CivilDate today) {
  const auto no_right = [](std::string message, const char* rule) {
    return fail(ErrorCode::kNoRightForSitting, "onsite_retake", std::move(message), rule);
  };
  if (draw.attempt_kind != store::AttemptKind::kFirst && draw.attempt_kind != store::AttemptKind::kMakeup)
    return no_right("只有首次考核或补考（缺考后的首次考核）未通过，才有当天的现场补考（R12b，D7）", "R12b");
  auto result = store::PracticalRepository(tx).result_of(draw.id);
  if (!result) return fail(result.error());
  if (!*result) return fail(ErrorCode::kWrongState, "draw", "该考生的技能考核尚未评分完毕");
  if ((*result)->passed) return no_right("技能考核已通过，没有现场补考（R12b）", "R12b");
  auto sitting = store::SittingRepository(tx).find(draw.sitting_id);
  if (!sitting) return fail(sitting.error());
  if (sitting->held_on != today)
    return no_right("现场补考只能在技能考核未通过的当天（" + sitting->held_on.to_string() + "）进行（R12b，D4）", "D4");
  auto history = store::AttemptRepository(tx).list_by_registration(draw.registration_id);
  if (!history) return fail(history.error());
  for (const auto& a : *history)
    if (a.sitting_id == draw.sitting_id && a.subject == store::Subject::kPractical &&
        a.kind == store::AttemptKind::kOnsiteRetake)
      return fail(ErrorCode::kWrongState, "onsite_retake", "该考生本场次的现场补考已经记录（R12b）", "R12b");
  auto standing = certificate_standing(tx, policies, draw.registration_id, today);
  if (!standing) return fail(standing.error());
  if (standing->decision.practical.status != rules::SubjectStatus::kOnsiteRetakeAvailable)
    return no_right("按考生的考试记录，目前没有现场补考资格（R12b）", "R12b");
  return ok();
}

}  // namespace rc::app
