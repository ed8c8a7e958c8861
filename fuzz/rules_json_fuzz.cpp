// libFuzzer target: arbitrary bytes into the rules-evaluate use case (the JSON document of
// RULES.md "The rules interface"). It must never crash, hang or leak, and every refusal must
// render as valid JSON (error_json is what the CLI and HTTP API print).
// Seed corpus: fuzz/corpus/rules_json/ (the scenario inputs).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "app/error_json.h"
#include "app/rules_evaluation.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const rc::PolicyCatalog catalog = rc::PolicyCatalog::embedded().value();
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto result = rc::app::evaluate_rules_document(text, catalog);
  if (result) {
    (void)result->dump();  // throws on invalid UTF-8: a crash here is a finding
  } else {
    const auto rendered = rc::app::error_json(result.error()).dump();
    if (result.error().message.empty()) std::abort();
    (void)rendered;
  }
  return 0;
}
