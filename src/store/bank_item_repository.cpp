#include "store/bank_item_repository.h"

#include "store/bank_sql.h"
#include "store/repository_support.h"
#include "store/storage_error.h"

namespace rc::store {
namespace {

void bind_insert(Statement& st, const BankItemRow& r) {
  st.bind(r.code).bind(r.version).bind(r.kind).bind(r.area).bind(r.difficulty).bind(r.status).bind(r.stem);
  for (const auto& o : r.options) st.bind(o);
  st.bind(r.answer).bind(r.explanation).bind(r.digest).bind(r.created_at).bind(r.created_by);
  st.bind(r.updated_at).bind(r.updated_by);
}

void into_row(Statement& st, BankItemRow& r) {
  st.into(r.id).into(r.code).into(r.version).into(r.kind).into(r.area).into(r.difficulty).into(r.status);
  st.into(r.stem);
  for (auto& o : r.options) st.into(o);
  st.into(r.answer).into(r.explanation).into(r.digest).into(r.created_at).into(r.created_by);
  st.into(r.updated_at).into(r.updated_by);
}

}  // namespace

Result<Id> BankItemRepository::insert(const BankItemRow& row) {
  return guarded("保存试题", [&]() -> Result<Id> {
    Id id = 0;
    Statement st(tx_, sql::kInsertBankItem);
    bind_insert(st, row);
    st.into(id);
    st.execute();
    return id;
  });
}

Result<bool> BankItemRepository::insert_if_absent(const BankItemRow& row) {
  return guarded("保存试题", [&]() -> Result<bool> {
    Id id = 0;
    Statement st(tx_, sql::kInsertBankItemIfAbsent);
    bind_insert(st, row);
    st.into(id);
    return st.execute();
  });
}

Result<void> BankItemRepository::update(const BankItemRow& r) {
  return guarded("修改试题", [&]() -> Result<void> {
    Statement st(tx_, sql::kUpdateBankItem);
    st.bind(r.kind).bind(r.area).bind(r.difficulty).bind(r.status).bind(r.stem);
    for (const auto& o : r.options) st.bind(o);
    st.bind(r.answer).bind(r.explanation).bind(r.digest).bind(r.updated_at).bind(r.updated_by).bind(r.id);
    st.execute();
    if (st.affected_rows() == 0) return fail(not_found("试题", r.id));
    return ok();
  });
}

Result<BankItemRow> BankItemRepository::find(Id id) {
  return guarded("读取试题", [&]() -> Result<BankItemRow> {
    BankItemRow row;
    Statement st(tx_, sql::kSelectBankItemById);
    st.bind(id);
    into_row(st, row);
    if (auto found = first(st, row)) return *found;
    return fail(not_found("试题", id));
  });
}

Result<std::optional<BankItemRow>> BankItemRepository::find_version(const std::string& code, int version) {
  return guarded("读取试题", [&]() -> Result<std::optional<BankItemRow>> {
    BankItemRow row;
    Statement st(tx_, sql::kSelectBankItemVersion);
    st.bind(code).bind(version);
    into_row(st, row);
    return first(st, row);
  });
}

Result<std::vector<BankItemRow>> BankItemRepository::versions_of(const std::string& code) {
  return guarded("读取试题", [&]() -> Result<std::vector<BankItemRow>> {
    BankItemRow row;
    Statement st(tx_, sql::kSelectBankItemVersions);
    st.bind(code);
    into_row(st, row);
    return collect(st, row);
  });
}

Result<std::vector<BankItemRow>> BankItemRepository::list(const BankItemFilter& f) {
  return guarded("读取题库", [&]() -> Result<std::vector<BankItemRow>> {
    BankItemRow row;
    Statement st(tx_, sql::kSelectBankItems);
    st.bind(f.area).bind(f.area).bind(f.kind).bind(f.kind).bind(f.status).bind(f.status);
    into_row(st, row);
    return collect(st, row);
  });
}

Result<std::vector<BankItemCount>> BankItemRepository::counts() {
  return guarded("统计题库", [&]() -> Result<std::vector<BankItemCount>> {
    BankItemCount row;
    Statement st(tx_, sql::kCountBankItems);
    st.into(row.kind).into(row.area).into(row.status).into(row.count);
    return collect(st, row);
  });
}

Result<std::int64_t> BankItemRepository::count_all() {
  return guarded("统计题库", [&]() -> Result<std::int64_t> {
    std::int64_t n = 0;
    Statement st(tx_, sql::kCountAllBankItems);
    st.into(n);
    st.execute();
    return n;
  });
}

Result<std::int64_t> BankItemRepository::papers_using(const std::string& code, int version) {
  return guarded("读取试卷用题", [&]() -> Result<std::int64_t> {
    std::int64_t n = 0;
    Statement st(tx_, sql::kCountPapersUsingItem);
    st.bind(code).bind(version).into(n);
    st.execute();
    return n;
  });
}

Result<void> BankItemRepository::record_paper_items(Id paper_id, const std::vector<PaperItemUse>& items) {
  return guarded("记录试卷用题", [&]() -> Result<void> {
    // One statement per paper (a paper has 100 questions; an exam day prepares thousands).
    if (items.empty()) return ok();
    std::string text(sql::kInsertPaperItem);
    for (std::size_t i = 1; i < items.size(); ++i) {
      const std::string n = std::to_string(i);
      text += ", (:paper_id" + n + ", :position" + n + ", :item_code" + n + ", :item_version" + n + ", :item_digest" + n + ")";
    }
    Statement st(tx_, text);
    for (const auto& u : items) st.bind(paper_id).bind(u.position).bind(u.code).bind(u.version).bind(u.digest);
    st.execute();
    return ok();
  });
}

Result<std::vector<PaperItemUse>> BankItemRepository::paper_items(Id paper_id) {
  return guarded("读取试卷用题", [&]() -> Result<std::vector<PaperItemUse>> {
    PaperItemUse row;
    Statement st(tx_, sql::kSelectPaperItems);
    st.bind(paper_id).into(row.position).into(row.code).into(row.version).into(row.digest);
    return collect(st, row);
  });
}

}  // namespace rc::store
