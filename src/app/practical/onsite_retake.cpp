#include "app/practical/onsite_retake.h"

#include "app/practical/open_practical.h"
#include "app/practical/practical_support.h"
#include "store/attempt_repository.h"
#include "store/practical_repository.h"

namespace rc::app {

Result<store::Id> start_onsite_retake(store::Database& db, const Clock& clock, RandomSource& random,
                                      const PolicyCatalog& policies, const Actor& actor, store::Id failed_draw_id) {
  const auto now = clock.now();
  const auto at = to_timestamp(now);
  return db.transaction([&](store::Transaction& tx) -> Result<store::Id> {
    auto loaded = load_draw(tx, failed_draw_id);
    if (!loaded) return fail(loaded.error());
    const auto& d = loaded->row;
    auto group = require_room_examiner(tx, actor, d.sitting_id, d.room_id);
    if (!group) return fail(group.error());
    if (auto r = require_onsite_retake_right(tx, policies, d, china_date(now)); !r) return fail(r.error());
    if (auto n = loaded->scheme->check_examiner_count(static_cast<int>(group->examiners.size())); !n) return fail(n.error());
    if (auto c = claim_candidate(tx, actor, *loaded->scheme, d.sitting_id, d.registration_id, d.room_id, at); !c)
      return fail(c.error());
    return record_draw(tx, random, actor, *loaded->scheme, d.sitting_id, d.registration_id,
                       store::AttemptKind::kOnsiteRetake, d.room_id, at);
  });
}

Result<store::Id> decline_onsite_retake(store::Database& db, const Clock& clock, const PolicyCatalog& policies,
                                        const Actor& actor, store::Id failed_draw_id) {
  const auto now = clock.now();
  const auto at = to_timestamp(now);
  return db.transaction([&](store::Transaction& tx) -> Result<store::Id> {
    auto d = store::PracticalRepository(tx).find_draw(failed_draw_id);
    if (!d) return fail(d.error());
    if (auto ex = require_room_examiner(tx, actor, d->sitting_id, d->room_id); !ex) return fail(ex.error());
    if (auto r = require_onsite_retake_right(tx, policies, *d, china_date(now)); !r) return fail(r.error());
    store::Attempt row;
    row.registration_id = d->registration_id;
    row.sitting_id = d->sitting_id;
    row.subject = store::Subject::kPractical;
    row.kind = store::AttemptKind::kOnsiteRetake;
    row.outcome = store::Outcome::kDeclined;
    row.recorded_at = at;
    row.recorded_by = actor.user_id;
    auto id = store::AttemptRepository(tx).record(row);
    if (!id) return fail(id.error());
    if (auto a = audit(tx, actor, at,
                       {"practical.onsite_retake_declined", "attempt", *id, {{"draw", failed_draw_id}, {"rule", "D4"}}});
        !a)
      return fail(a.error());
    return *id;
  });
}

}  // namespace rc::app
