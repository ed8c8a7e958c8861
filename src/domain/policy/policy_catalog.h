#pragma once
// PolicyCatalog: the set of policy versions the platform knows, and the choice among them (D18:
// a registration follows the policy in force on its registration date, i.e. the policy whose
// effective_from is the latest on or before that date, provided its effective_until, if any, has
// not passed).
//
// Immutable once built; safe to share between threads. Build it once at start-up
// (PolicyCatalog::embedded() for the files shipped in policies/) and pass it by const reference.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/common/result.h"
#include "domain/policy/policy.h"

namespace rc {

// The shipped policies/*.json, embedded at build time (cmake/embed_files.cmake): (file name, text).
const std::vector<std::pair<std::string_view, std::string_view>>& embedded_policy_files();

class PolicyCatalog {
 public:
  // At least one policy; ids unique; no two with the same effective_from. kBadPolicy otherwise.
  [[nodiscard]] static Result<PolicyCatalog> from_policies(std::vector<Policy> policies);
  // (name, JSON text) pairs; an error names the document in its message and the field path.
  [[nodiscard]] static Result<PolicyCatalog> from_documents(
      const std::vector<std::pair<std::string_view, std::string_view>>& documents);
  // The policies shipped with the product.
  [[nodiscard]] static Result<PolicyCatalog> embedded();

  // kUnknownPolicy (field "policy") when no policy has this id.
  [[nodiscard]] Result<const Policy*> by_id(std::string_view id) const;
  // D18. kNoPolicyInForce when none covers the date.
  [[nodiscard]] Result<const Policy*> in_force_on(CivilDate date) const;

  const std::vector<Policy>& policies() const { return policies_; }  // by effective_from

 private:
  explicit PolicyCatalog(std::vector<Policy> p) : policies_(std::move(p)) {}
  std::vector<Policy> policies_;
};

}  // namespace rc
