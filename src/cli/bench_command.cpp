// rescuecert bench exam-day: the set-up of the exam-day load benchmark (bench/wrk/exam_day.sh).
// It writes fictitious candidates, a sitting and sealed papers into the store and signs every
// candidate in server-side, printing their session cookies.
// rescuecert bench issuance: N fictitious filed holders, then one batch issuance of them all with
// the real signing writer, a progress bar on stderr and the figures as JSON on stdout.
// BENCHMARK tools for throw-away stores, never for a real one (they refuse a store with data
// unless --i-know).
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <variant>

#include "app/certificates/issuance_bench_setup.h"
#include "app/certificates/issue_certificates.h"
#include "app/exam/exam_day_setup.h"
#include "cli/commands.h"
#include "cli/load_config.h"

namespace rc::cli {
namespace {

struct ExamDayArgs {
  int candidates = 1000;
  std::string out;
  bool i_know = false;
};

// The platform of a throw-away store, or the exit code: a store that already has candidates or
// sittings is refused unless the operator says --i-know.
std::variant<std::unique_ptr<app::Platform>, int> open_throwaway_store(const Globals& g, bool i_know) {
  auto platform = open_platform(g);
  if (!platform) return print_error(platform.error()), kExitFailure;
  auto has_data = app::store_has_data((*platform)->database());
  if (!has_data) return print_error(has_data.error()), kExitFailure;
  if (*has_data && !i_know) {
    print_error(make_error(ErrorCode::kWrongState, "store",
                           "数据库中已有考生或场次：压测准备只用于一次性的测试库（确认是测试库请加 --i-know）"));
    return kExitRefused;
  }
  return std::move(*platform);
}

int run_exam_day(const Globals& g, const ExamDayArgs& a) {
  auto opened = open_throwaway_store(g, a.i_know);
  if (const int* code = std::get_if<int>(&opened)) return *code;
  auto& platform = std::get<std::unique_ptr<app::Platform>>(opened);
  std::ofstream out(a.out);
  if (!out) {
    print_error(make_error(ErrorCode::kInvalidValue, "out", "无法写入输出文件 " + a.out));
    return kExitUsage;
  }
  app::ExamDayOptions o;
  o.candidates = a.candidates;
  o.sessions = true;
  auto day = app::set_up_exam_day(*platform, o);
  if (!day) return print_error(day.error()), kExitRefused;
  // One line per candidate, tab-separated, for wrk's Lua script (bench/wrk/exam_day.lua).
  out << "# cookie\tcsrf\tpaper\tcandidate\n";
  for (const auto& c : day->candidates)
    out << "rc_session=" << c.session_token << "\t" << c.csrf_token << "\t" << c.paper_id << "\t" << c.candidate_id
        << "\n";
  out.close();
  if (!out) return print_error(make_error(ErrorCode::kStorageFailure, "out", "输出文件写入失败")), kExitFailure;
  std::cout << "{\"sitting\": " << day->sitting_id << ", \"candidates\": " << day->candidates.size()
            << ", \"out\": \"" << a.out << "\"}\n";
  return kExitOk;
}

struct IssuanceArgs {
  int holders = 1000;
  bool i_know = false;
};

double cpu_seconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
         static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

long peak_rss_mb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss / 1024;
}

int run_issuance(const Globals& g, const IssuanceArgs& a) {
  auto opened = open_throwaway_store(g, a.i_know);
  if (const int* code = std::get_if<int>(&opened)) return *code;
  auto& platform = std::get<std::unique_ptr<app::Platform>>(opened);
  auto writer = app::ofd_certificate_writer(platform->keys());
  if (!writer) return print_error(writer.error()), kExitFailure;
  app::CertificateServices services{platform->database(), platform->clock(), platform->policies(),
                                    platform->cipher(), **writer, app::certificate_settings(platform->config())};
  std::cerr << "准备 " << a.holders << " 名已备案的虚构持证人 (seeding)...\n";
  auto bench = app::set_up_issuance_bench(*platform, services, a.holders);
  if (!bench) return print_error(bench.error()), kExitRefused;
  const auto total = bench->registrations.size();
  const auto start = std::chrono::steady_clock::now();
  const double cpu_start = cpu_seconds();
  auto progress = [&](const app::IssuanceReport& r) {
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const auto done = r.issued + r.skipped + r.refused;
    const int bar = total ? static_cast<int>(40 * done / total) : 40;
    std::fprintf(stderr, "\r[%-40s] %zu/%zu  %.0f/s", std::string(static_cast<std::size_t>(bar), '#').c_str(), done,
                 total, s > 0 ? static_cast<double>(r.issued) / s : 0.0);
  };
  auto report = app::issue_certificates(services, bench->station, bench->registrations, progress);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const double cpu = cpu_seconds() - cpu_start;
  std::cerr << "\n";
  if (!report) return print_error(report.error()), kExitFailure;
  std::printf(
      "{\"holders\": %zu, \"issued\": %zu, \"refused\": %zu, \"seconds\": %.2f, \"per_second\": %.0f, "
      "\"cpu_seconds\": %.2f, \"cpu_ms_per_certificate\": %.3f, \"signing_threads\": %u, \"peak_rss_mb\": %ld}\n",
      total, report->issued, report->refused, seconds, static_cast<double>(report->issued) / seconds, cpu,
      report->issued ? 1000.0 * cpu / static_cast<double>(report->issued) : 0.0, services.settings.threads,
      peak_rss_mb());
  return report->issued == total ? kExitOk : kExitFailure;
}

}  // namespace

void add_bench(CLI::App& app, const Globals& g, Run* run) {
  auto* bench = app.add_subcommand("bench", "压测准备（仅用于一次性测试库）(benchmark set-up, throw-away stores only)");
  bench->require_subcommand(1);
  auto args = std::make_shared<ExamDayArgs>();
  auto* day = bench->add_subcommand(
      "exam-day",
      "为理论考试压测创建场次、N 名虚构考生、已封存的试卷和服务器端登录会话，并把每名考生的 cookie、CSRF、试卷编号写入文件 "
      "(creates a sitting with N fictitious approved candidates, their sealed papers and server-side sessions for wrk; "
      "a benchmark set-up command, not for production data)");
  day->add_option("--candidates", args->candidates, "考生人数 (number of candidates)")->check(CLI::Range(1, 100000));
  day->add_option("--out", args->out, "输出文件 (one line per candidate: cookie, csrf, paper, candidate)")->required();
  day->add_flag("--i-know", args->i_know, "确认这是一次性的测试库 (the store is a throw-away one)");
  day->callback([&g, run, args] { *run = [&g, args] { return run_exam_day(g, *args); }; });

  auto issue_args = std::make_shared<IssuanceArgs>();
  auto* issuance = bench->add_subcommand(
      "issuance",
      "创建 N 名已备案的虚构持证人，然后用真实签名一次批量发证并报告速度 "
      "(N fictitious filed holders, then one batch issuance with real signatures: rate, CPU per certificate, "
      "peak memory; a benchmark, not for production data)");
  issuance->add_option("--holders", issue_args->holders, "持证人数 (number of holders)")->check(CLI::Range(1, 1000000));
  issuance->add_flag("--i-know", issue_args->i_know, "确认这是一次性的测试库 (the store is a throw-away one)");
  issuance->callback([&g, run, issue_args] { *run = [&g, issue_args] { return run_issuance(g, *issue_args); }; });
}

}  // namespace rc::cli
