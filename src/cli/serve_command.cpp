// rescuecert serve: opens the platform and serves HTTP until SIGINT or SIGTERM.
#include <condition_variable>
#include <csignal>
#include <iostream>
#include <mutex>
#include <thread>

#include "app/housekeeping.h"
#include "app/platform.h"
#include "cli/commands.h"
#include "cli/load_config.h"
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
      lock.lock();
      wake_.wait_for(lock, app::kHousekeepingEvery, [this] { return stopping_; });
    }
  }

  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;  // last: starts after the members it uses exist
};

int serve(const Globals& g) {
  auto platform = open_platform(g);
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
  serve_cmd->callback([&g, run] { *run = [&g] { return serve(g); }; });
}

}  // namespace rc::cli
