// rescuecert serve: opens the platform and serves HTTP until SIGINT or SIGTERM.
#include <condition_variable>
#include <csignal>
#include <memory>
#include <string>
#include <iostream>
#include <mutex>
#include <thread>

#include "app/housekeeping.h"
#include "app/platform.h"
#include "app/results/result_publication.h"
#include "cli/commands.h"
#include "cli/load_config.h"
#include "cli/testing_clock.h"
#include "web/api.h"
#include "web/http_server.h"

namespace rc::cli {
namespace {

// Blocks SIGINT/SIGTERM in every thread (the server's threads inherit the mask), so that the
// main thread can wait for them with sigwait and stop the server cleanly.
sigset_t block_stop_signals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  return set;
}

// Runs app::run_housekeeping at start and every kHousekeepingEvery until stopped (destructor).
class HousekeepingLoop {
 public:
  explicit HousekeepingLoop(app::Platform& platform) : thread_([this, &platform] { run(platform); }) {}
  ~HousekeepingLoop() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    wake_.notify_all();
    thread_.join();
  }

 private:
  void run(app::Platform& platform) {
    std::unique_lock lock(mutex_);
    while (!stopping_) {
      lock.unlock();
      if (auto r = app::run_housekeeping(platform); !r)
        std::cerr << "定期清理失败 (housekeeping failed): " << r.error().message << std::endl;
      // R8, D17: sittings whose results became complete get their publication recorded.
      if (auto r = app::record_complete_publications(platform.database(), platform.policies(), platform.clock()); !r)
        std::cerr << "登记成绩公布失败 (results publication failed): " << r.error().message << std::endl;
      lock.lock();
      wake_.wait_for(lock, app::kHousekeepingEvery, [this] { return stopping_; });
    }
  }

  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;  // last: starts after the members it uses exist
};

struct ServeOptions {
  bool testing = false;     // --testing: allows the options below, never set in production
  std::string clock_file;   // --testing-clock-file: TestingClock (browser tests move time, R8/D17)
};

int serve(const Globals& g, const ServeOptions& o) {
  if (!o.clock_file.empty() && !o.testing) {
    std::cerr << "rescuecert serve: --testing-clock-file 只能与 --testing 一起使用（仅供测试）" << std::endl;
    return kExitUsage;
  }
  static std::unique_ptr<TestingClock> testing_clock;  // outlives the Platform
  if (!o.clock_file.empty()) {
    testing_clock = std::make_unique<TestingClock>(o.clock_file);
    const std::string banner = "!!! 测试时钟已启用 (TESTING CLOCK ENABLED): time = system clock + offset read from " +
                               o.clock_file + " (now " + std::to_string(testing_clock->offset().count()) +
                               " s). NEVER use this in production. !!!";
    std::cerr << banner << std::endl;
    std::cout << banner << std::endl;
  }
  auto platform = testing_clock ? open_platform(g, *testing_clock) : open_platform(g);
  if (!platform) return print_error(platform.error()), kExitFailure;
  const app::Config& cfg = (*platform)->config();
  const auto signals = block_stop_signals();
  web::ServerOptions options{cfg.http.address, cfg.http.port, cfg.http.threads, cfg.http.max_body_bytes};
  web::HttpServer server(options, [p = platform->get()](web::Routes& routes, web::Metrics& metrics) {
    web::install_routes(routes, metrics, *p);
  });
  if (auto s = server.start(); !s) return print_error(s.error()), kExitFailure;
  std::cout << "RescueCert 已启动 (serving) on http://" << cfg.http.address << ":" << server.port() << "/  database "
            << cfg.database << std::endl;
  HousekeepingLoop housekeeping(**platform);
  int sig = 0;
  sigwait(&signals, &sig);
  std::cout << "收到信号 " << sig << "，正在停止 (stopping)" << std::endl;
  server.stop();
  return kExitOk;
}


}  // namespace

void add_serve(CLI::App& app, const Globals& g, Run* run) {
  auto* serve_cmd = app.add_subcommand("serve", "启动 HTTP 服务 (serve HTTP)");
  auto options = std::make_shared<ServeOptions>();
  serve_cmd->add_flag("--testing", options->testing, "仅供测试：允许 --testing-clock-file");
  serve_cmd->add_option("--testing-clock-file", options->clock_file,
                        "仅供测试（须同时给 --testing）：时钟 = 系统时间 + 文件中的秒数偏移");
  serve_cmd->callback([&g, run, options] { *run = [&g, options] { return serve(g, *options); }; });
}

}  // namespace rc::cli
