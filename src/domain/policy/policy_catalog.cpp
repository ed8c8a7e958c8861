#include "domain/policy/policy_catalog.h"

#include <algorithm>
#include <set>

#include "domain/policy/policy_json.h"
#include "domain/policy/strict_json.h"

namespace rc {

Result<PolicyCatalog> PolicyCatalog::from_policies(std::vector<Policy> policies) {
  if (policies.empty()) return fail(ErrorCode::kBadPolicy, "policies", "至少需要一个政策版本（D18）", "D18");
  std::sort(policies.begin(), policies.end(),
            [](const Policy& a, const Policy& b) { return a.effective_from < b.effective_from; });
  std::set<std::string, std::less<>> ids;
  for (std::size_t i = 0; i < policies.size(); ++i) {
    if (!ids.insert(policies[i].id).second)
      return fail(ErrorCode::kBadPolicy, "id", "政策编号重复：" + policies[i].id + "（D18）", "D18");
    if (i > 0 && policies[i].effective_from == policies[i - 1].effective_from)
      return fail(ErrorCode::kBadPolicy, "effective_from",
                  "两个政策版本的生效日期相同（" + policies[i].effective_from.to_string() + "），无法按 D18 选择", "D18");
  }
  return PolicyCatalog(std::move(policies));
}

Result<PolicyCatalog> PolicyCatalog::from_documents(
    const std::vector<std::pair<std::string_view, std::string_view>>& documents) {
  std::vector<Policy> policies;
  for (const auto& [name, text] : documents) {
    auto p = parse_policy_text(text);
    if (!p) {
      Error e = p.error();
      e.message = "政策文件 " + quote_for_message(name, 80) + "：" + e.message;
      return fail(std::move(e));
    }
    policies.push_back(std::move(*p));
  }
  return from_policies(std::move(policies));
}

Result<PolicyCatalog> PolicyCatalog::embedded() { return from_documents(embedded_policy_files()); }

Result<const Policy*> PolicyCatalog::by_id(std::string_view id) const {
  for (const Policy& p : policies_)
    if (p.id == id) return &p;
  std::string known;
  for (const Policy& p : policies_) known += (known.empty() ? "" : "、") + p.id;
  return fail(ErrorCode::kUnknownPolicy, "policy",
              "不存在的政策版本 " + quote_for_message(id) + "，可用的有：" + known + "（D18）", "D18");
}

Result<const Policy*> PolicyCatalog::in_force_on(CivilDate date) const {
  const Policy* chosen = nullptr;
  for (const Policy& p : policies_)
    if (p.effective_from <= date) chosen = &p;  // sorted: the last one wins
  if (chosen == nullptr || !chosen->covers(date))
    return fail(ErrorCode::kNoPolicyInForce, "", date.to_string() + " 没有生效的政策版本（D18）", "D18");
  return chosen;
}

}  // namespace rc
