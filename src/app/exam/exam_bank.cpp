#include "app/exam/exam_bank.h"

#include <mutex>
#include <shared_mutex>
#include <unordered_map>

#include "app/registration/actor.h"

namespace rc::app {
namespace {

struct Loaded {
  Result<exam::QuestionBank> bank = fail(ErrorCode::kNotFound);
};

const Loaded& shipped() {
  static const Loaded loaded = [] {
    Loaded l;
    auto doc = exam::shipped_demo_bank();
    if (!doc) {
      l.bank = fail(doc.error());
      return l;
    }
    l.bank = exam::QuestionBank::from_document(std::move(*doc));
    return l;
  }();
  return loaded;
}

Error corrupt(const store::BankItemRow& row, std::string_view why) {
  return make_error(ErrorCode::kStorageFailure, "bank_items",
                    "题库中的试题（编号 " + std::to_string(row.id) + "）无法读取：" + std::string(why));
}

// Items of sealed papers by (code, version, digest): never changes once a paper uses it.
class PaperItemCache {
 public:
  std::shared_ptr<const exam::Item> find(const std::string& key) const {
    std::shared_lock lock(mutex_);
    auto it = items_.find(key);
    return it == items_.end() ? nullptr : it->second;
  }
  void put(const std::string& key, std::shared_ptr<const exam::Item> item) {
    std::unique_lock lock(mutex_);
    if (items_.size() >= kMaxItems) items_.clear();  // bounded; refilled from the store
    items_.emplace(key, std::move(item));
  }

 private:
  static constexpr std::size_t kMaxItems = 100000;
  mutable std::shared_mutex mutex_;
  std::unordered_map<std::string, std::shared_ptr<const exam::Item>> items_;
};

PaperItemCache& paper_item_cache() {
  static PaperItemCache cache;
  return cache;
}

}  // namespace

store::BankItemRow bank_row_of(const exam::Item& item) {
  store::BankItemRow row;
  row.code = item.id;
  row.version = item.version;
  row.kind = std::string(exam::kind_code(item.kind));
  row.area = std::string(exam::area_code(item.area));
  row.difficulty = item.difficulty;
  row.status = std::string(exam::status_code(item.status));
  row.stem = item.stem;
  if (item.kind == exam::ItemKind::kSingleChoice) row.options = item.options;
  row.answer = item.key;
  row.explanation = item.explanation;
  row.digest = exam::item_content_digest(item);
  return row;
}

Result<exam::Item> item_of(const store::BankItemRow& row) {
  exam::Item item;
  item.id = row.code;
  item.version = row.version;
  auto kind = exam::kind_from_code(row.kind);
  auto area = exam::area_from_code(row.area);
  auto status = exam::status_from_code(row.status);
  if (!kind || !area || !status) return fail(corrupt(row, "题型、知识领域或审核状态未知"));
  item.kind = *kind;
  item.area = *area;
  item.status = *status;
  item.difficulty = row.difficulty;
  item.stem = row.stem;
  if (item.kind == exam::ItemKind::kSingleChoice) item.options = row.options;
  item.key = row.answer;
  item.explanation = row.explanation;
  if (auto v = exam::validate_item(item); !v) return fail(corrupt(row, v.error().message));
  if (exam::item_content_digest(item) != row.digest) return fail(corrupt(row, "内容摘要不符"));
  return item;
}

Result<int> load_shipped_bank(store::Transaction& tx, store::Timestamp now) {
  store::BankItemRepository items(tx);
  auto present = items.count_all();
  if (!present) return fail(present.error());
  if (*present > 0) return 0;
  auto doc = exam::shipped_demo_bank();
  if (!doc) return fail(doc.error());
  int added = 0;
  for (const auto& item : doc->items) {
    auto row = bank_row_of(item);
    row.created_at = row.updated_at = now;
    auto inserted = items.insert_if_absent(row);
    if (!inserted) return fail(inserted.error());
    if (*inserted) ++added;
  }
  if (added > 0) {
    auto a = audit(tx, system_actor(), now,
                   {"bank.load_shipped", "bank", 0, {{"bank", doc->id}, {"items_added", added}}});
    if (!a) return fail(a.error());
  }
  return added;
}

Result<int> load_shipped_bank(store::Database& db, const Clock& clock) {
  const auto now = to_timestamp(clock.now());
  return db.transaction([&](store::Transaction& tx) { return load_shipped_bank(tx, now); });
}

Result<exam::QuestionBank> stored_exam_bank(store::Transaction& tx) {
  auto rows = store::BankItemRepository(tx).list({.area = {}, .kind = {}, .status = "reviewed"});
  if (!rows) return fail(rows.error());
  std::vector<exam::Item> items;
  items.reserve(rows->size());
  for (const auto& row : *rows) {
    auto item = item_of(row);
    if (!item) return fail(item.error());
    items.push_back(std::move(*item));
  }
  return exam::QuestionBank::build(std::string(kStoreBankId), std::move(items));
}

Result<void> check_exam_bank_supply(const exam::QuestionBank& bank, const exam::Blueprint& blueprint) {
  auto supply = exam::check_bank_supply(bank, blueprint);
  if (supply) return ok();
  Error e = supply.error();
  e.code = ErrorCode::kExamBankShortfall;
  return fail(std::move(e));
}

Result<std::shared_ptr<const exam::Item>> paper_item(store::Transaction& tx, std::string_view bank_id,
                                                     const exam::PaperQuestion& q) {
  const std::string key = q.item_id + '\n' + std::to_string(q.item_version) + '\n' + q.item_digest;
  if (auto hit = paper_item_cache().find(key)) return hit;
  auto row = store::BankItemRepository(tx).find_version(q.item_id, q.item_version);
  if (!row) return fail(row.error());
  std::shared_ptr<const exam::Item> item;
  if (*row) {
    auto stored = item_of(**row);
    if (!stored) return fail(stored.error());
    item = std::make_shared<const exam::Item>(std::move(*stored));
  } else if (auto bank = exam_bank(bank_id)) {
    if (const exam::Item* found = (*bank)->find(q.item_id, q.item_version))
      item = std::make_shared<const exam::Item>(*found);
  }
  if (!item) return fail(ErrorCode::kNotFound, "paper", "题库中找不到试题 " + q.item_id + "（第 " +
                                                             std::to_string(q.item_version) + " 版）");
  if (exam::item_content_digest(*item) != q.item_digest)
    return fail(ErrorCode::kConflict, "paper", "试题 " + q.item_id + " 的内容与封存的试卷不符");
  paper_item_cache().put(key, item);
  return item;
}

Result<const exam::QuestionBank*> current_exam_bank() {
  const Loaded& l = shipped();
  if (!l.bank) return fail(l.bank.error());
  return &*l.bank;
}

Result<const exam::QuestionBank*> exam_bank(std::string_view bank_id) {
  auto bank = current_exam_bank();
  if (!bank) return bank;
  if ((*bank)->id() != bank_id) return fail(ErrorCode::kNotFound, "bank", "找不到试卷所用的题库");
  return bank;
}

Result<exam::Blueprint> exam_blueprint(const Policy& policy) {
  auto weights = exam::shipped_blueprint_weights();
  if (!weights) return fail(weights.error());
  return exam::derive_blueprint(*weights, policy.theory);
}

}  // namespace rc::app
