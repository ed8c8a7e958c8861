#include "app/exam/edit_bank_item.h"

#include "app/exam/bank_listing.h"
#include "app/exam/exam_bank.h"

namespace rc::app {
namespace {

// The acting account, NULL for the system (scheduled jobs, loads).
std::optional<store::Id> by_user(const Actor& actor) {
  return actor.user_id ? std::optional<store::Id>(actor.user_id) : std::nullopt;
}

Error locked_error(const store::BankItemRow& row, std::int64_t papers) {
  return make_error(ErrorCode::kBankItemLocked, "item",
                    "试题 " + row.code + "（第 " + std::to_string(row.version) + " 版）已用于 " + std::to_string(papers) +
                        " 份已封存的试卷，不能修改；请新建版本");
}

// At most one version of a code is not retired (check_bank_items): papers draw one version.
Result<void> check_one_live(const BankItemDetail& d, exam::ReviewStatus status) {
  if (status == exam::ReviewStatus::kRetired) return ok();
  for (const auto& v : d.versions)
    if (v.version != d.row.version && v.status != "retired")
      return fail(ErrorCode::kConflict, "status",
                  "试题 " + d.row.code + " 的第 " + std::to_string(v.version) + " 版尚未停用，同一试题只能有一个在用版本");
  return ok();
}

nlohmann::json item_detail(const exam::Item& item) {
  return {{"code", item.id},
          {"version", item.version},
          {"kind", std::string(exam::kind_code(item.kind))},
          {"area", std::string(exam::area_code(item.area))},
          {"status", std::string(exam::status_code(item.status))},
          {"digest", exam::item_content_digest(item)}};
}

}  // namespace

Result<store::Id> create_bank_item(store::Database& db, const Clock& clock, const Actor& actor, exam::Item item) {
  if (auto r = require_bank_editor(actor); !r) return fail(r.error());
  item.version = 1;
  if (auto v = exam::validate_item(item); !v) return fail(v.error());
  const auto now = to_timestamp(clock.now());
  return db.transaction([&](store::Transaction& tx) -> Result<store::Id> {
    store::BankItemRepository repo(tx);
    auto existing = repo.versions_of(item.id);
    if (!existing) return fail(existing.error());
    if (!existing->empty())
      return fail(ErrorCode::kConflict, "id", "题目编号 " + item.id + " 已存在；修改已有试题请在该题页面操作");
    auto row = bank_row_of(item);
    row.created_at = row.updated_at = now;
    row.created_by = row.updated_by = by_user(actor);
    auto id = repo.insert(row);
    if (!id) return fail(id.error());
    if (auto a = audit(tx, actor, now, {"bank_item.create", "bank_item", *id, item_detail(item)}); !a)
      return fail(a.error());
    return *id;
  });
}

Result<void> edit_bank_item(store::Database& db, const Clock& clock, const Actor& actor, store::Id id,
                            exam::Item item) {
  if (auto r = require_bank_editor(actor); !r) return fail(r.error());
  const auto now = to_timestamp(clock.now());
  return db.transaction([&](store::Transaction& tx) -> Result<void> {
    auto d = load_bank_item(tx, id);
    if (!d) return fail(d.error());
    item.id = d->row.code;
    item.version = d->row.version;
    if (auto v = exam::validate_item(item); !v) return fail(v.error());
    if (d->locked()) {
      // The review status may still change (set_bank_item_status); nothing else.
      exam::Item same = d->item;
      same.status = item.status;
      if (!(same.kind == item.kind && same.area == item.area && same.difficulty == item.difficulty &&
            same.stem == item.stem && same.options == item.options && same.key == item.key &&
            same.explanation == item.explanation))
        return fail(locked_error(d->row, d->papers_using));
    }
    if (auto live = check_one_live(*d, item.status); !live) return fail(live.error());
    auto row = bank_row_of(item);
    row.id = id;
    row.updated_at = now;
    row.updated_by = by_user(actor);
    if (auto u = store::BankItemRepository(tx).update(row); !u) return fail(u.error());
    auto detail = item_detail(item);
    detail["content_changed"] = !exam::same_content(d->item, item);
    if (auto a = audit(tx, actor, now, {"bank_item.edit", "bank_item", id, detail}); !a) return fail(a.error());
    return ok();
  });
}

Result<store::Id> new_bank_item_version(store::Database& db, const Clock& clock, const Actor& actor, store::Id id,
                                        exam::Item item) {
  if (auto r = require_bank_editor(actor); !r) return fail(r.error());
  const auto now = to_timestamp(clock.now());
  return db.transaction([&](store::Transaction& tx) -> Result<store::Id> {
    auto d = load_bank_item(tx, id);
    if (!d) return fail(d.error());
    if (!d->latest)
      return fail(ErrorCode::kConflict, "version",
                  "试题 " + d->row.code + " 已有更新的版本（第 " + std::to_string(d->versions.back().version) +
                      " 版），请在最新版本上新建版本");
    item.id = d->row.code;
    item.version = d->row.version + 1;
    item.status = exam::ReviewStatus::kDraft;  // a changed question is reviewed again
    if (auto v = exam::validate_item(item); !v) return fail(v.error());
    store::BankItemRepository repo(tx);
    for (auto v : d->versions) {
      if (v.status == "retired") continue;
      v.status = "retired";
      v.updated_at = now;
      v.updated_by = by_user(actor);
      if (auto u = repo.update(v); !u) return fail(u.error());
    }
    auto row = bank_row_of(item);
    row.created_at = row.updated_at = now;
    row.created_by = row.updated_by = by_user(actor);
    auto new_id = repo.insert(row);
    if (!new_id) return fail(new_id.error());
    auto detail = item_detail(item);
    detail["previous_id"] = id;
    if (auto a = audit(tx, actor, now, {"bank_item.new_version", "bank_item", *new_id, detail}); !a)
      return fail(a.error());
    return *new_id;
  });
}

Result<void> set_bank_item_status(store::Database& db, const Clock& clock, const Actor& actor, store::Id id,
                                  exam::ReviewStatus status) {
  if (auto r = require_bank_editor(actor); !r) return fail(r.error());
  const auto now = to_timestamp(clock.now());
  return db.transaction([&](store::Transaction& tx) -> Result<void> {
    auto d = load_bank_item(tx, id);
    if (!d) return fail(d.error());
    if (auto live = check_one_live(*d, status); !live) return fail(live.error());
    store::BankItemRow row = d->row;
    const std::string before = row.status;
    row.status = std::string(exam::status_code(status));
    row.updated_at = now;
    row.updated_by = by_user(actor);
    if (auto u = store::BankItemRepository(tx).update(row); !u) return fail(u.error());
    if (auto a = audit(tx, actor, now,
                       {"bank_item.status", "bank_item", id,
                        {{"code", row.code}, {"version", row.version}, {"from", before}, {"to", row.status}}});
        !a)
      return fail(a.error());
    return ok();
  });
}

}  // namespace rc::app
