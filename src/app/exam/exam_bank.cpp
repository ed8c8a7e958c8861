#include "app/exam/exam_bank.h"

#include <memory>
#include <mutex>

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

}  // namespace

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
