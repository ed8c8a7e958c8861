#pragma once
// Results publication (R8, D17): a sitting's results are held until publish_on = the exam day plus
// the policy's publication_delay_days (the policy in force on the exam day), and visible from
// 00:00 Asia/Shanghai that day. Visibility is computed from the date, so nothing has to run at
// midnight; but the publication is recorded (result_publications, audited) only once the
// sitting's results are complete (the exam day is over and no attempt is still pending): until
// then the sitting is held even when the date has come.
//
// Thread-safe: plain functions; each use case runs its own transaction.

#include <optional>
#include <string>
#include <string_view>

#include "domain/common/clock.h"
#include "domain/common/result.h"
#include "domain/policy/policy_catalog.h"
#include "store/database.h"
#include "store/result_records.h"

namespace rc::app {

enum class PublicationState {
  kIncomplete,  // results not complete, no publication recorded: 未公布（成绩未齐）
  kScheduled,   // recorded, publish_on not reached: 未公布（publish_on 公布）
  kPublished,   // recorded and publish_on <= today: 已公布
};

std::string_view publication_label(PublicationState s);  // 未公布 / 已公布
std::string_view publication_code(PublicationState s);   // incomplete / scheduled / published

// R8: the state of a sitting's results on `today`, from its recorded publication date.
PublicationState publication_state(const std::optional<CivilDate>& publish_on, CivilDate today);
inline bool results_visible(const std::optional<CivilDate>& publish_on, CivilDate today) {
  return publication_state(publish_on, today) == PublicationState::kPublished;
}

// D17: the day a sitting held on `held_on` publishes, under the policy in force that day.
[[nodiscard]] Result<CivilDate> publication_day(const PolicyCatalog& policies, CivilDate held_on);

// Scheduled job (serve's housekeeping, and the demo): records the publication of every sitting
// whose results are complete (held before today, attempts all marked), with publish_on from
// publication_day(), decided by the system, and an audit event "results.publication_record" each.
// Idempotent. The number recorded.
[[nodiscard]] Result<int> record_complete_publications(store::Database& db, const PolicyCatalog& policies,
                                                       const Clock& clock);

// Score as shown: one decimal, cut (not rounded) so that a fail (59.96) never reads 60.0 (R7: pass
// at 60 unrounded).
std::string result_score_text(std::int32_t milli);

}  // namespace rc::app
