#pragma once
// The policy catalogue a process uses: the policies built into the binary (policies/*.json at
// build time), or, when `policies_dir` is configured, every *.json file in that folder instead.

#include <cstddef>

#include "app/config.h"
#include "domain/common/result.h"
#include "domain/policy/policy_catalog.h"

namespace rc::app {

[[nodiscard]] Result<PolicyCatalog> load_policy_catalog(const Config& config);

}  // namespace rc::app
