// rescuecert bench exam-day: the set-up of the exam-day load benchmark (bench/wrk/exam_day.sh).
// It writes fictitious candidates, a sitting and sealed papers into the store and signs every
// candidate in server-side, printing their session cookies: a BENCHMARK tool for throw-away
// stores, never for a real one (it refuses a store with data unless --i-know).
#include <fstream>
#include <iostream>

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

int run_exam_day(const Globals& g, const ExamDayArgs& a) {
  auto platform = open_platform(g);
  if (!platform) return print_error(platform.error()), kExitFailure;
  auto has_data = app::store_has_data((*platform)->database());
  if (!has_data) return print_error(has_data.error()), kExitFailure;
  if (*has_data && !a.i_know) {
    print_error(make_error(ErrorCode::kWrongState, "store",
                           "数据库中已有考生或场次：压测准备只用于一次性的测试库（确认是测试库请加 --i-know）"));
    return kExitRefused;
  }
  std::ofstream out(a.out);
  if (!out) {
    print_error(make_error(ErrorCode::kInvalidValue, "out", "无法写入输出文件 " + a.out));
    return kExitUsage;
  }
  app::ExamDayOptions o;
  o.candidates = a.candidates;
  o.sessions = true;
  auto day = app::set_up_exam_day(**platform, o);
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
}

}  // namespace rc::cli
