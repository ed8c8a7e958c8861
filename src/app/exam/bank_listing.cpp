#include "app/exam/bank_listing.h"

#include "app/exam/exam_bank.h"

namespace rc::app {

Result<void> require_bank_reader(const Actor& actor) {
  if (actor.role == store::Role::kAdministrator || actor.role == store::Role::kStation) return ok();
  return fail(ErrorCode::kForbidden, "role", "只有管理员和鉴定站可以查看题库");
}

Result<void> require_bank_editor(const Actor& actor) {
  if (actor.role == store::Role::kAdministrator) return ok();
  return fail(ErrorCode::kForbidden, "role", "只有管理员可以修改题库");
}

Result<BankListing> list_bank_items(store::Database& db, const Clock& clock, const PolicyCatalog& policies,
                                    const Actor& actor, const BankItemFilter& filter) {
  if (auto r = require_bank_reader(actor); !r) return fail(r.error());
  auto policy = policies.in_force_on(china_date(clock.now()));
  if (!policy) return fail(policy.error());
  auto blueprint = exam_blueprint(**policy);
  if (!blueprint) return fail(blueprint.error());
  return db.read([&](store::Transaction& tx) -> Result<BankListing> {
    store::BankItemRepository repo(tx);
    store::BankItemFilter f;
    if (filter.area) f.area = std::string(exam::area_code(*filter.area));
    if (filter.kind) f.kind = std::string(exam::kind_code(*filter.kind));
    if (filter.status) f.status = std::string(exam::status_code(*filter.status));
    auto rows = repo.list(f);
    if (!rows) return fail(rows.error());
    BankListing out;
    out.blueprint = *blueprint;
    for (const auto& row : *rows) {
      auto item = item_of(row);
      if (!item) return fail(item.error());
      out.items.push_back({row.id, std::move(*item)});
    }
    auto counts = repo.counts();
    if (!counts) return fail(counts.error());
    for (auto area : exam::all_areas()) {
      AreaSupply s;
      s.area = area;
      s.need_single_choice = blueprint->count(exam::ItemKind::kSingleChoice, area);
      s.need_true_false = blueprint->count(exam::ItemKind::kTrueFalse, area);
      out.supply.push_back(s);
    }
    for (const auto& c : *counts) {
      auto area = exam::area_from_code(c.area);
      auto kind = exam::kind_from_code(c.kind);
      auto status = exam::status_from_code(c.status);
      if (!area || !kind || !status) continue;  // the schema's CHECKs allow no other value
      AreaSupply& s = out.supply[exam::area_index(*area)];
      const int n = static_cast<int>(c.count);
      out.total += n;
      if (*status == exam::ReviewStatus::kReviewed) {
        out.reviewed += n;
        (*kind == exam::ItemKind::kSingleChoice ? s.reviewed_single_choice : s.reviewed_true_false) += n;
      } else if (*status == exam::ReviewStatus::kDraft) {
        s.draft += n;
      } else {
        s.retired += n;
      }
    }
    return out;
  });
}

Result<BankItemDetail> load_bank_item(store::Transaction& tx, store::Id id) {
  store::BankItemRepository repo(tx);
  auto row = repo.find(id);
  if (!row) return fail(row.error());
  auto item = item_of(*row);
  if (!item) return fail(item.error());
  BankItemDetail d;
  d.row = std::move(*row);
  d.item = std::move(*item);
  auto versions = repo.versions_of(d.row.code);
  if (!versions) return fail(versions.error());
  d.versions = std::move(*versions);
  d.latest = d.versions.empty() || d.versions.back().version == d.row.version;
  auto using_papers = repo.papers_using(d.row.code, d.row.version);
  if (!using_papers) return fail(using_papers.error());
  d.papers_using = *using_papers;
  return d;
}

Result<BankItemDetail> bank_item_detail(store::Database& db, const Actor& actor, store::Id id) {
  if (auto r = require_bank_reader(actor); !r) return fail(r.error());
  return db.read([&](store::Transaction& tx) { return load_bank_item(tx, id); });
}

}  // namespace rc::app
