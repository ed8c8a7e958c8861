#pragma once
// A real platform for integration tests: a temporary folder with keys and a SQLite database
// initialised by the init use case, the Platform opened on it, and the HTTP server serving every
// route on a free loopback port.

#include <memory>

#include "app/config.h"
#include "app/platform.h"
#include "domain/common/clock.h"
#include "support/temp_dir.h"
#include "web/http_server.h"

namespace rc::testing {

class RunningPlatform {
 public:
  // today: the fixed date the platform's clock reads (00:00 China time).
  explicit RunningPlatform(CivilDate today = *CivilDate::parse("2026-11-28"));
  ~RunningPlatform();
  std::uint16_t port() const { return server_->port(); }
  app::Platform& platform() { return *platform_; }
  const app::Config& config() const { return config_; }
  web::HttpServer& server() { return *server_; }
  // The platform's clock: tests move it to see time-dependent behaviour (expiry, retention).
  FixedClock& clock() { return clock_; }

 private:
  TempDir dir_;
  FixedClock clock_;
  app::Config config_;
  std::unique_ptr<app::Platform> platform_;
  std::unique_ptr<web::HttpServer> server_;
};

}  // namespace rc::testing
