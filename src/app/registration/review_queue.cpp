#include "app/registration/review_queue.h"

#include "app/registration/registration_sql.h"
#include "store/statement.h"
#include "store/storage_error.h"

namespace rc::app {

Result<std::vector<ReviewQueueItem>> review_queue(store::Database& db, const Clock& clock, const Actor& actor,
                                                  store::Id station_id) {
  if (auto allowed = require_station(actor, station_id); !allowed) return fail(allowed.error());
  const auto now = to_timestamp(clock.now());
  return db.transaction([&](store::Transaction& tx) -> Result<std::vector<ReviewQueueItem>> {
    auto items = store::guarded("读取审核队列", [&]() -> Result<std::vector<ReviewQueueItem>> {
      ReviewQueueItem row;
      int face = 0, manual = 0;
      std::int64_t confirmed_ms = 0;
      store::Statement st(tx, sql::kReviewQueue);
      st.bind(station_id);
      st.into(row.registration_id).into(row.name).into(row.id_number_masked).into(row.level).into(row.batch_id);
      st.into(row.batch_title).into(row.organisation_name).into(face).into(manual).into(confirmed_ms);
      std::vector<ReviewQueueItem> out;
      for (bool more = st.execute(); more; more = st.fetch()) {
        row.face_verified = face != 0;
        row.manual_review_requested = manual != 0;
        row.confirmed_at = store::Timestamp(std::chrono::milliseconds(confirmed_ms));
        out.push_back(row);
      }
      return out;
    });
    if (!items) return items;
    if (auto a = audit(tx, actor, now, {"review.queue_view", "station", station_id, {{"count", items->size()}}, true}); !a)
      return fail(a.error());
    return items;
  });
}

}  // namespace rc::app
