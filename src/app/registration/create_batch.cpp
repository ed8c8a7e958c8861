#include "app/registration/create_batch.h"

#include "app/applicant_fields.h"
#include "domain/occupation/occupation.h"
#include "store/batch_repository.h"
#include "store/station_repository.h"

namespace rc::app {

Result<store::Batch> create_batch(store::Database& db, const Clock& clock, const PolicyCatalog& policies,
                                  const Actor& actor, const NewBatch& request) {
  if (actor.role != store::Role::kOrganisation || actor.entity_id == 0)
    return fail(ErrorCode::kForbidden, "actor", "只有集体申报单位可以创建申报批次");
  const auto now = clock.now();
  const CivilDate today = china_date(now);
  auto policy = policies.in_force_on(today);
  if (!policy) return fail(policy.error());
  if (auto level = open_level(request.level, **policy); !level) return fail(level.error());
  auto title = parse_free_text(request.title, 60);
  if (!title) return fail(title.error().code, "title", "批次名称" + title.error().message);
  return db.transaction([&](store::Transaction& tx) -> Result<store::Batch> {
    auto station = store::StationRepository(tx).find(request.station_id);
    if (!station) return fail(station.error().code, "station_id", "鉴定站不存在");
    store::Batch b;
    b.organisation_id = actor.entity_id;
    b.station_id = station->id;
    b.level = request.level;
    b.title = title->empty() ? today.to_string() + " 集体申报" : *title;
    b.status = store::BatchStatus::kDraft;
    b.created_at = to_timestamp(now);
    auto id = store::BatchRepository(tx).insert(b);
    if (!id) return fail(id.error());
    b.id = *id;
    nlohmann::json detail{{"station_id", b.station_id}, {"level", b.level}, {"title", b.title}};
    if (auto a = audit(tx, actor, b.created_at, {"batch.create", "batch", b.id, detail}); !a) return fail(a.error());
    return b;
  });
}

}  // namespace rc::app
