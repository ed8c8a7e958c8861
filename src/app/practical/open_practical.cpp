#include "app/practical/open_practical.h"

#include <string>

#include "app/practical/practical_support.h"
#include "practical/draw.h"
#include "store/practical_repository.h"

namespace rc::app {

Result<store::Id> record_draw(store::Transaction& tx, RandomSource& random, const Actor& actor,
                              const practical::AssessmentScheme& scheme, store::Id sitting_id, store::Id registration_id,
                              store::AttemptKind kind, store::Id room_id, store::Timestamp at) {
  const std::uint64_t seed = random.next_u64();
  const nlohmann::json items = practical::draw_to_json(practical::draw_items(scheme, seed));
  store::PracticalDraw row;
  row.sitting_id = sitting_id;
  row.registration_id = registration_id;
  row.attempt_kind = kind;
  row.room_id = room_id;
  row.scheme_id = scheme.id;
  row.seed = std::to_string(seed);
  row.items_json = items.dump();
  row.drawn_at = at;
  row.drawn_by = actor.user_id;
  auto id = store::PracticalRepository(tx).insert_draw(row);
  if (!id) return fail(id.error());
  nlohmann::json detail{{"sitting", sitting_id},  {"registration", registration_id}, {"kind", store::to_text(kind)},
                        {"room", room_id},         {"scheme", scheme.id},            {"seed", row.seed},
                        {"items", items.at("items")}};
  if (auto a = audit(tx, actor, at, {"practical.draw", "practical_draw", *id, std::move(detail)}); !a) return fail(a.error());
  return *id;
}

Result<void> claim_candidate(store::Transaction& tx, const Actor& actor, const practical::AssessmentScheme& scheme,
                             store::Id sitting_id, store::Id registration_id, store::Id room_id, store::Timestamp at) {
  store::PracticalClaim c{sitting_id, registration_id, room_id, actor.user_id, at,
                          at + std::chrono::minutes(scheme.claim_minutes)};
  return store::PracticalRepository(tx).claim(c);
}

Result<OpenedPractical> open_practical(store::Database& db, const Clock& clock, RandomSource& random,
                                       const PolicyCatalog& policies, const Actor& actor, store::Id sitting_id,
                                       store::Id room_id, std::string_view ticket_no) {
  const auto now = clock.now();
  const auto at = to_timestamp(now);
  return db.transaction([&](store::Transaction& tx) -> Result<OpenedPractical> {
    auto group = require_room_examiner(tx, actor, sitting_id, room_id);
    if (!group) return fail(group.error());
    store::PracticalRepository repo(tx);
    auto seat = repo.seat_by_ticket(ticket_no);
    if (!seat) return fail(seat.error());
    if (!*seat || (*seat)->sitting_id != sitting_id)
      return fail(ErrorCode::kTicketInvalid, "ticket", "准考证号不存在或不属于本场次，请核对考生的准考证");
    const store::PracticalSeat& s = **seat;
    if (!s.practical_kind) return fail(ErrorCode::kWrongState, "ticket", "该考生本场次不参加技能考核");
    if (s.held_on != china_date(now))
      return fail(ErrorCode::kWrongState, "sitting", "本场次技能考核在 " + s.held_on.to_string() + " 进行，不是今天");
    auto scheme = scheme_for(tx, policies, s.registration_id, s.station_id);
    if (!scheme) return fail(scheme.error());
    if (auto n = (*scheme)->check_examiner_count(static_cast<int>(group->examiners.size())); !n) return fail(n.error());

    auto draws = repo.draws_of_candidate(sitting_id, s.registration_id);
    if (!draws) return fail(draws.error());
    // The latest draw still being scored is reopened; a finished one (its result written) is not.
    if (!draws->empty()) {
      const auto& last = draws->back();
      auto result = repo.result_of(last.id);
      if (!result) return fail(result.error());
      if (*result)
        return fail(ErrorCode::kWrongState, "ticket",
                    "该考生本场次的技能考核已评分完毕；如需现场补考，请在其成绩页面操作（R12b）", "R12b");
      if (last.room_id != room_id)
        return fail(ErrorCode::kPracticalClaimed, "ticket", "该考生的考核由其他考评组抽题并评分（R7）", "R7");
    }
    if (auto c = claim_candidate(tx, actor, **scheme, sitting_id, s.registration_id, room_id, at); !c) return fail(c.error());
    if (!draws->empty()) return OpenedPractical{draws->back().id, false};
    auto id = record_draw(tx, random, actor, **scheme, sitting_id, s.registration_id, *s.practical_kind, room_id, at);
    if (!id) return fail(id.error());
    return OpenedPractical{*id, true};
  });
}

}  // namespace rc::app
