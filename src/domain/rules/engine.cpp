#include "domain/rules/engine.h"

#include <algorithm>
#include <numeric>

#include "domain/rules/decide.h"
#include "domain/rules/registration_run.h"

namespace rc::rules {
namespace {

std::string reg_field(std::size_t i, std::string_view leaf) {
  return "registrations[" + std::to_string(i) + "]" + (leaf.empty() ? "" : "." + std::string(leaf));
}

Result<void> check_shape(const History& h) {
  if (h.registrations.empty()) return fail(ErrorCode::kNoRegistrations, "registrations", "没有任何报名记录，无法评估");
  if (h.registrations.size() > kMaxRegistrations)
    return fail(ErrorCode::kTooLarge, "registrations", "报名记录过多，最多 " + std::to_string(kMaxRegistrations) + " 条");
  for (std::size_t i = 0; i < h.registrations.size(); ++i)
    if (h.registrations[i].sittings.size() > kMaxSittingsPerRegistration)
      return fail(ErrorCode::kTooLarge, reg_field(i, "sittings"),
                  "考试记录过多，每次报名最多 " + std::to_string(kMaxSittingsPerRegistration) + " 条");
  if (h.birth_date > h.today)
    return fail(ErrorCode::kOutOfOrder, "birth_date", "出生日期 " + h.birth_date.to_string() + " 晚于评估日期 " + h.today.to_string());
  return ok();
}

// Registration indices by registered_on; two on one day, or one after `today`, are refused.
Result<std::vector<std::size_t>> registration_order(const History& h) {
  std::vector<std::size_t> order(h.registrations.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return h.registrations[a].registered_on < h.registrations[b].registered_on;
  });
  for (std::size_t k = 0; k < order.size(); ++k) {
    const CivilDate d = h.registrations[order[k]].registered_on;
    if (d > h.today)
      return fail(ErrorCode::kOutOfOrder, reg_field(order[k], "registered_on"),
                  "报名日期 " + d.to_string() + " 晚于评估日期 " + h.today.to_string());
    if (k > 0 && d == h.registrations[order[k - 1]].registered_on)
      return fail(ErrorCode::kOutOfOrder, reg_field(std::max(order[k], order[k - 1]), "registered_on"),
                  "同一天（" + d.to_string() + "）有两次报名");
  }
  return order;
}

Result<const Policy*> policy_for(const History& h, const PolicyCatalog& catalog, std::size_t i) {
  if (h.policy) return catalog.by_id(*h.policy);
  auto p = catalog.in_force_on(h.registrations[i].registered_on);
  if (!p) {
    Error e = p.error();
    e.field = reg_field(i, "registered_on");
    return fail(std::move(e));
  }
  return p;
}

Result<void> check_cap(const Policy& latest, std::size_t count) {
  if (latest.registration_cap && count > static_cast<std::size_t>(*latest.registration_cap))
    return fail(ErrorCode::kInvalidValue, "registrations",
                "报名次数超过上限 " + std::to_string(*latest.registration_cap) + " 次（D10，" + latest.id + "）", "D10");
  return ok();
}

// An earlier registration must be over before the next starts: rights are per registration.
Result<void> check_finished(const RegistrationRun& run, std::size_t next_index, CivilDate next_date) {
  if (run.status() != RegistrationStatus::kActive) return ok();
  return fail(ErrorCode::kInvalidValue, reg_field(next_index, "registered_on"),
              "上一次报名在 " + next_date.to_string() +
                  " 仍在进行中（尚未通过、终止或作废），不能重新报名；重新报名只在报名终止或无效之后（R12d，R12f）",
              "R12d");
}

}  // namespace

Result<Decision> evaluate(const History& h, const PolicyCatalog& catalog) {
  if (auto r = check_shape(h); !r) return fail(r.error());
  auto order = registration_order(h);
  if (!order) return fail(order.error());
  std::optional<Decision> decision;
  for (std::size_t k = 0; k < order->size(); ++k) {
    const std::size_t i = (*order)[k];
    auto policy = policy_for(h, catalog, i);
    if (!policy) return fail(policy.error());
    const bool is_latest = k + 1 == order->size();
    const CivilDate until = is_latest ? h.today : h.registrations[(*order)[k + 1]].registered_on;
    RegistrationRun run(h.registrations[i], i, k == 0, h.birth_date, **policy);
    if (auto r = run.replay(until, is_latest); !r) return fail(r.error());
    if (!is_latest) {
      if (auto r = check_finished(run, (*order)[k + 1], until); !r) return fail(r.error());
      continue;
    }
    if (auto r = check_cap(**policy, h.registrations.size()); !r) return fail(r.error());
    decision = decide(run);
  }
  return std::move(*decision);
}

}  // namespace rc::rules
