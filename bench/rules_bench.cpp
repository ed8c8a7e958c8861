// Rules evaluations per second per core for a typical five-sitting history (theory fail, practical
// fail + on-site fail, then both one-year retakes passed), three ways:
//   BM_RulesEngineTyped      rules::evaluate on typed input (the engine alone)
//   BM_RulesDocument         evaluate_rules_document: strict parse + engine + render (the API path)
//   BM_JsonRoundtripPeer     nlohmann parse + dump of the same document, nothing else (the peer:
//                            the engine's cost is quoted as a ratio to this)
// How to run and the latest figures: bench/README.md.
#include <benchmark/benchmark.h>

#include <string>

#include "app/rules_evaluation.h"
#include "domain/rules/engine.h"

namespace {

const char* const kDocument = R"({
  "today": "2025-10-01",
  "birth_date": "1990-03-07",
  "registrations": [
    {
      "registered_on": "2025-02-01",
      "fee_paid": true,
      "sittings": [
        {"subject": "theory", "date": "2025-03-15", "kind": "first", "outcome": "fail", "score": 52},
        {"subject": "practical", "date": "2025-03-15", "kind": "first", "outcome": "fail", "score": 55.5},
        {"subject": "practical", "date": "2025-03-15", "kind": "onsite_retake", "outcome": "fail", "score": 58},
        {"subject": "theory", "date": "2025-08-20", "kind": "retake", "outcome": "pass", "score": 71},
        {"subject": "practical", "date": "2025-09-10", "kind": "retake", "outcome": "pass", "score": 81.5}
      ]
    }
  ]
})";

const rc::PolicyCatalog& catalog() {
  static const rc::PolicyCatalog c = rc::PolicyCatalog::embedded().value();
  return c;
}

void BM_RulesEngineTyped(benchmark::State& state) {
  const rc::rules::History history = rc::app::parse_rules_document(kDocument).value();
  for (auto _ : state) {
    auto decision = rc::rules::evaluate(history, catalog());
    if (!decision || decision->registration_status != rc::rules::RegistrationStatus::kCompleted) state.SkipWithError("unexpected decision");
    benchmark::DoNotOptimize(decision);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_RulesEngineTyped);

void BM_RulesDocument(benchmark::State& state) {
  const std::string text = kDocument;
  for (auto _ : state) {
    auto out = rc::app::evaluate_rules_document(text, catalog());
    if (!out) state.SkipWithError("refused");
    std::string rendered = out->dump();
    benchmark::DoNotOptimize(rendered);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_RulesDocument);

void BM_JsonRoundtripPeer(benchmark::State& state) {
  const std::string text = kDocument;
  for (auto _ : state) {
    std::string rendered = nlohmann::json::parse(text).dump();
    benchmark::DoNotOptimize(rendered);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_JsonRoundtripPeer);

}  // namespace
