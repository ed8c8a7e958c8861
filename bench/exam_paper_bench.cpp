// Theory exam: papers generated and sealed per second (the app pre-generates every paper of a
// sitting), and marking + item analysis of a 2,000-candidate sitting. Figures: bench/README.md.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <string>
#include <vector>

#include "domain/common/random.h"
#include "exam/bank.h"
#include "exam/blueprint.h"
#include "exam/item_analysis.h"
#include "exam/marking.h"
#include "exam/paper.h"
#include "exam/sm3.h"

namespace {

using namespace rc::exam;

const rc::TheoryPaper kPaper{rc::QuestionBlock{80, 1}, rc::QuestionBlock{20, 1}, 100, 60};

template <class T>
T must(rc::Result<T> r) {
  if (!r) std::abort();
  return std::move(*r);
}

const Blueprint& blueprint() {
  static const Blueprint b = must(derive_blueprint(must(shipped_blueprint_weights()), kPaper));
  return b;
}

const QuestionBank& demo_bank() {
  static const QuestionBank b = must(QuestionBank::from_document(must(shipped_demo_bank())));
  return b;
}

// 2,000 reviewed items spread over the areas in proportion to the blueprint weights.
const QuestionBank& synthetic_bank() {
  static const QuestionBank b = [] {
    std::vector<Item> items;
    const int weights[] = {5, 25, 10, 25, 15, 10, 10};
    for (KnowledgeArea a : all_areas())
      for (int i = 0; i < 20 * weights[area_index(a)]; ++i) {
        Item it;
        it.id = std::string(area_code(a)) + "-" + std::to_string(i);
        it.kind = i % 5 == 4 ? ItemKind::kTrueFalse : ItemKind::kSingleChoice;
        it.area = a;
        it.status = ReviewStatus::kReviewed;
        it.stem = "合成题目 " + it.id + "：成人胸外按压的深度为多少？";
        if (it.kind == ItemKind::kSingleChoice) it.options = {"3～4 cm", "4～5 cm", "5～6 cm", "7～8 cm"};
        it.key = it.kind == ItemKind::kSingleChoice ? 2 : 0;
        items.push_back(std::move(it));
      }
    return must(QuestionBank::build("synthetic-2000", std::move(items)));
  }();
  return b;
}

void generate(benchmark::State& state, const QuestionBank& bank) {
  std::uint64_t seed = 1;
  for (auto _ : state) {
    auto p = generate_paper(bank, blueprint(), PaperRequest{"sitting-2026-03-15", "cand-" + std::to_string(seed), seed});
    benchmark::DoNotOptimize(p);
    ++seed;
  }
  state.SetItemsProcessed(state.iterations());  // papers
}
void BM_GenerateAndSealPaper_DemoBank(benchmark::State& s) { generate(s, demo_bank()); }
void BM_GenerateAndSealPaper_Synthetic2000(benchmark::State& s) { generate(s, synthetic_bank()); }
BENCHMARK(BM_GenerateAndSealPaper_DemoBank);
BENCHMARK(BM_GenerateAndSealPaper_Synthetic2000);

void BM_VerifyPaperAgainstBank(benchmark::State& state) {
  const Paper p = must(generate_paper(demo_bank(), blueprint(), PaperRequest{"s", "c", 7}));
  for (auto _ : state) benchmark::DoNotOptimize(verify_paper_against_bank(p, demo_bank()));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_VerifyPaperAgainstBank);

// The peer: one SM3 over the same canonical text, so the generator's own cost can be quoted.
void BM_Sm3OfCanonicalTextPeer(benchmark::State& state) {
  const std::string text = canonical_paper_text(must(generate_paper(demo_bank(), blueprint(), PaperRequest{"s", "c", 7})));
  for (auto _ : state) benchmark::DoNotOptimize(sm3_hex(text));
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(text.size()));
}
BENCHMARK(BM_Sm3OfCanonicalTextPeer);

// A 2,000-candidate sitting on the demo bank: answers drawn so that abler candidates score more.
struct Sitting {
  std::vector<Paper> papers;
  std::vector<std::vector<Answer>> answers;
};
const Sitting& sitting() {
  static const Sitting s = [] {
    Sitting out;
    rc::SeededRandom rng(2026);
    for (int c = 0; c < 2000; ++c) {
      out.papers.push_back(must(generate_paper(demo_bank(), blueprint(), PaperRequest{"s", "c" + std::to_string(c), rng.next_u64()})));
      const auto ability = 40 + rng.uniform(55);  // percent chance of a right answer
      std::vector<Answer> a;
      for (const auto& q : out.papers.back().questions) {
        if (rng.uniform(100) < ability) a.emplace_back(q.key);
        else if (rng.uniform(10) == 0) a.emplace_back(std::nullopt);
        else a.emplace_back(static_cast<std::uint8_t>(rng.uniform(choice_count(q.kind))));
      }
      out.answers.push_back(std::move(a));
    }
    return out;
  }();
  return s;
}

void BM_MarkSitting2000(benchmark::State& state) {
  const Sitting& s = sitting();
  for (auto _ : state)
    for (std::size_t i = 0; i < s.papers.size(); ++i) benchmark::DoNotOptimize(mark_paper(s.papers[i], s.answers[i], kPaper));
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(s.papers.size()));
}
BENCHMARK(BM_MarkSitting2000)->Unit(benchmark::kMillisecond);

void BM_ItemAnalysis2000(benchmark::State& state) {
  const Sitting& s = sitting();
  std::vector<CandidateResponses> responses;
  for (std::size_t i = 0; i < s.papers.size(); ++i)
    responses.push_back(responses_of(s.papers[i], must(mark_paper(s.papers[i], s.answers[i], kPaper))));
  for (auto _ : state) benchmark::DoNotOptimize(analyse_items(responses));
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(responses.size()));
}
BENCHMARK(BM_ItemAnalysis2000)->Unit(benchmark::kMillisecond);

}  // namespace
