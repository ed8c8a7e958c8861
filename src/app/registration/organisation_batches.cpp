#include "app/registration/organisation_batches.h"

#include "app/registration/registration_sql.h"
#include "store/batch_repository.h"
#include "store/statement.h"
#include "store/storage_error.h"

namespace rc::app {

Result<std::vector<BatchSummary>> organisation_batches(store::Database& db, const Actor& actor) {
  if (actor.role != store::Role::kOrganisation || actor.entity_id == 0)
    return fail(ErrorCode::kForbidden, "actor", "只有集体申报单位可以查看申报批次");
  return db.read([&](store::Transaction& tx) -> Result<std::vector<BatchSummary>> {
    auto batches = store::BatchRepository(tx).list_by_organisation(actor.entity_id);
    if (!batches) return fail(batches.error());
    std::vector<BatchSummary> out;
    std::map<store::Id, std::size_t> index;
    for (auto& b : *batches) {
      index[b.id] = out.size();
      out.push_back(BatchSummary{std::move(b), {}, 0});
    }
    auto counted = store::guarded("统计申报批次", [&]() -> Result<void> {
      store::Id batch_id = 0;
      store::RegistrationStatus status{};
      std::int64_t n = 0;
      store::Statement st(tx, sql::kBatchStatusCounts);
      st.bind(actor.entity_id).into(batch_id).into(status).into(n);
      for (bool more = st.execute(); more; more = st.fetch()) {
        auto it = index.find(batch_id);
        if (it == index.end()) continue;
        out[it->second].counts[status] = static_cast<int>(n);
        out[it->second].total += static_cast<int>(n);
      }
      return ok();
    });
    if (!counted) return fail(counted.error());
    return out;
  });
}

Result<std::vector<BatchApplicant>> batch_applicants(store::Database& db, const Clock& clock, const Actor& actor,
                                                     store::Id batch_id) {
  const auto now = to_timestamp(clock.now());
  return db.transaction([&](store::Transaction& tx) -> Result<std::vector<BatchApplicant>> {
    auto batch = store::BatchRepository(tx).find(batch_id);
    if (!batch) return fail(batch.error());
    if (auto allowed = require_organisation(actor, batch->organisation_id); !allowed) return fail(allowed.error());
    auto rows = store::guarded("读取批次考生", [&]() -> Result<std::vector<BatchApplicant>> {
      BatchApplicant row;
      store::Statement st(tx, sql::kBatchApplicants);
      st.bind(batch_id).into(row.registration_id).into(row.name).into(row.id_number_masked).into(row.status);
      st.into(row.return_reason);
      std::vector<BatchApplicant> out;
      for (bool more = st.execute(); more; more = st.fetch()) {
        out.push_back(row);
        if (out.back().status != store::RegistrationStatus::kReturned) out.back().return_reason.reset();
      }
      return out;
    });
    if (!rows) return rows;
    if (auto a = audit(tx, actor, now, {"batch.applicants_view", "batch", batch_id, {{"count", rows->size()}}, true}); !a)
      return fail(a.error());
    return rows;
  });
}

}  // namespace rc::app
