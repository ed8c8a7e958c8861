#pragma once
// The question banks and blueprint papers are drawn from. Today that is the demo bank shipped
// in the binary (exam/bank.h shipped_demo_bank) and the shipped blueprint weights; a bank kept
// in the store is a follow-up (F8 import), and this is the one place that will look it up.
// Built once, then read-only: safe from any thread.

#include <string_view>

#include "domain/common/result.h"
#include "domain/policy/policy.h"
#include "exam/bank.h"
#include "exam/blueprint.h"

namespace rc::app {

// kNotFound for a bank id not known here.
[[nodiscard]] Result<const exam::QuestionBank*> exam_bank(std::string_view bank_id);
// The bank new papers are drawn from.
[[nodiscard]] Result<const exam::QuestionBank*> current_exam_bank();
// The blueprint for a policy's paper (80 + 20, weighted by area).
[[nodiscard]] Result<exam::Blueprint> exam_blueprint(const Policy& policy);

}  // namespace rc::app
