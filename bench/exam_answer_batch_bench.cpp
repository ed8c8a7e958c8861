// The answer journal's group commit, its statements alone (issue 5): one batch of answer steps
// appended in one transaction and committed, one INSERT per step (a prepared-statement loop) vs
// one multi-row INSERT ... RETURNING per batch (ExamAttemptRepository::append_answers). SQLite in
// a temporary file (WAL, synchronous=FULL, as served); PostgreSQL as well when RC_BENCH_PG names
// an EMPTY database (a libpq connection string; the bench initialises it). Figures and how
// to run: bench/README.md.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <stdexcept>

#include "app/exam/exam_day_setup.h"
#include "app/exam/start_exam_attempt.h"
#include "app/initialise_platform.h"
#include "app/platform.h"
#include "store/exam_attempt_repository.h"

namespace {

using namespace rc;

struct Day {
  std::filesystem::path dir;
  std::unique_ptr<app::Platform> platform;
  std::vector<store::Id> attempts;
  std::int64_t next_sequence = 1;
};

SystemClock g_clock;

Day& day(bool postgres) {
  static std::map<bool, std::unique_ptr<Day>> days;
  auto& d = days[postgres];
  if (d) return *d;
  d = std::make_unique<Day>();
  d->dir = std::filesystem::temp_directory_path() / ("rc-answer-bench-" + std::to_string(::getpid()) + (postgres ? "-pg" : ""));
  std::filesystem::create_directories(d->dir);
  auto cfg = app::parse_config("", app::process_env());
  if (!cfg) throw std::runtime_error(cfg.error().message);
  cfg->data_dir = (d->dir / "var").string();
  cfg->keys_dir = (d->dir / "var/keys").string();
  cfg->database = postgres ? std::string("postgresql: ") + std::getenv("RC_BENCH_PG") : "sqlite://" + (d->dir / "rc.db").string();
  if (auto init = app::initialise_platform(*cfg, g_clock); !init) throw std::runtime_error(init.error().message);
  auto p = app::Platform::open(*cfg, g_clock);
  if (!p) throw std::runtime_error(p.error().message);
  d->platform = std::move(*p);
  app::ExamDayOptions o;
  o.candidates = 64;
  o.starts_in = std::chrono::seconds(-60);
  auto exam_day = app::set_up_exam_day(*d->platform, o);
  if (!exam_day) throw std::runtime_error(exam_day.error().message);
  for (const auto& c : exam_day->candidates) {
    app::Actor actor{c.user_id, c.username, store::Role::kCandidate, c.candidate_id};
    auto s = app::start_exam_attempt(d->platform->database(), g_clock, d->platform->policies(), actor, c.paper_id);
    if (!s) throw std::runtime_error(s.error().message);
    d->attempts.push_back(s->attempt.id);
  }
  return *d;
}

// Args: method (1 one by one, 2 multi-row), batch size, postgres (0/1).
void BM_AppendAnswerBatch(benchmark::State& state) {
  const auto method = static_cast<store::AppendMethod>(state.range(0));
  const auto batch = static_cast<std::size_t>(state.range(1));
  const bool postgres = state.range(2) != 0;
  if (postgres && !std::getenv("RC_BENCH_PG")) {
    state.SkipWithError("RC_BENCH_PG is not set");
    return;
  }
  Day& d = day(postgres);
  std::vector<store::ExamAnswer> rows(batch);
  for (auto _ : state) {
    const auto at = store::Timestamp(std::chrono::duration_cast<std::chrono::milliseconds>(
        g_clock.now().time_since_epoch()));
    for (std::size_t i = 0; i < batch; ++i) {
      const auto seq = d.next_sequence++;
      rows[i] = {d.attempts[i % d.attempts.size()], static_cast<int>(1 + seq % 100), seq, static_cast<int>(seq % 2), at};
    }
    auto tx = d.platform->database().begin();
    if (!tx) {
      state.SkipWithError(tx.error().message.c_str());
      return;
    }
    auto r = store::ExamAttemptRepository(*tx).append_answers(rows, method);
    if (!r || !tx->commit()) {
      state.SkipWithError("append failed");
      return;
    }
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * batch));
}

BENCHMARK(BM_AppendAnswerBatch)
    ->ArgNames({"method", "batch", "pg"})
    ->ArgsProduct({{1, 2}, {16, 256, 1024}, {0, 1}})
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

}  // namespace
