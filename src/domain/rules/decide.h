#pragma once
// decide(): turns a replayed RegistrationRun into the Decision of the rules interface — the
// registration status, each subject's status with its right, deadline and rule, and the Chinese
// explanation lines (one per subject, then one for the registration when it is not simply active).

#include "domain/rules/decision.h"
#include "domain/rules/registration_run.h"

namespace rc::rules {

// REQUIRES: run.replay(...) succeeded.
[[nodiscard]] Decision decide(const RegistrationRun& run);

// Money in fen as Chinese text: 30000 -> "300 元", 12345 -> "123.45 元".
std::string yuan_text(std::int64_t fen);

}  // namespace rc::rules
