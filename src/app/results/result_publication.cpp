#include "app/results/result_publication.h"

#include <fmt/format.h>

#include "app/registration/actor.h"
#include "domain/rules/attendance.h"
#include "store/result_repository.h"
#include "store/sitting_repository.h"

namespace rc::app {

std::string_view publication_label(PublicationState s) {
  return s == PublicationState::kPublished ? "已公布" : "未公布";
}

std::string_view publication_code(PublicationState s) {
  switch (s) {
    case PublicationState::kIncomplete: return "incomplete";
    case PublicationState::kScheduled: return "scheduled";
    case PublicationState::kPublished: return "published";
  }
  return "incomplete";
}

PublicationState publication_state(const std::optional<CivilDate>& publish_on, CivilDate today) {
  if (!publish_on) return PublicationState::kIncomplete;
  return today >= *publish_on ? PublicationState::kPublished : PublicationState::kScheduled;
}

Result<CivilDate> publication_day(const PolicyCatalog& policies, CivilDate held_on) {
  auto policy = policies.in_force_on(held_on);
  if (!policy) return fail(policy.error());
  return rules::results_published_on(held_on, **policy);
}

Result<int> record_complete_publications(store::Database& db, const PolicyCatalog& policies, const Clock& clock) {
  const auto now = to_timestamp(clock.now());
  const CivilDate today = china_date(now);
  return db.transaction([&](store::Transaction& tx) -> Result<int> {
    auto due = store::ResultRepository(tx).complete_unpublished(today);
    if (!due) return fail(due.error());
    int recorded = 0;
    for (const auto& s : *due) {
      auto day = publication_day(policies, s.sitting.held_on);
      if (!day) return fail(day.error());
      store::ResultPublication p{s.sitting.id, *day, std::nullopt, now};
      if (auto r = store::SittingRepository(tx).set_publication(p); !r) return fail(r.error());
      nlohmann::json detail{{"held_on", s.sitting.held_on.to_string()},
                            {"publish_on", day->to_string()},
                            {"attempts", s.attempts},
                            {"rule", "R8, D17"}};
      if (auto a = audit(tx, system_actor(), now, {"results.publication_record", "sitting", s.sitting.id, detail}); !a)
        return fail(a.error());
      ++recorded;
    }
    return recorded;
  });
}

std::string result_score_text(std::int32_t milli) {
  const std::int32_t tenths = milli / 100;
  return fmt::format("{}.{}", tenths / 10, tenths % 10);
}

}  // namespace rc::app
