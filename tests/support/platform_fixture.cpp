#include "support/platform_fixture.h"

#include <stdexcept>

#include "app/initialise_platform.h"
#include "web/api.h"

namespace rc::testing {

RunningPlatform::RunningPlatform(CivilDate today) : clock_(china_midnight(today)) {
  // The environment counts as for the real binary (e.g. RESCUECERT_FACE_MODELS_DIR); the places
  // of data, keys and database are always this fixture's own.
  auto from_env = app::parse_config("", app::process_env());
  if (!from_env) throw std::runtime_error("config: " + from_env.error().message);
  config_ = std::move(*from_env);
  config_.data_dir = dir_.str() + "/var";
  config_.keys_dir = dir_.str() + "/var/keys";
  config_.database = "sqlite://" + dir_.str() + "/var/rescuecert.db";
  auto init = app::initialise_platform(config_, clock_);
  if (!init) throw std::runtime_error("init failed: " + init.error().message);
  auto p = app::Platform::open(config_, clock_);
  if (!p) throw std::runtime_error("open failed: " + p.error().message);
  platform_ = std::move(*p);
  web::ServerOptions o;
  o.port = 0;
  server_ = std::make_unique<web::HttpServer>(o, [this](web::Routes& r, web::Metrics& m) {
    web::install_routes(r, m, *platform_);
  });
  if (auto s = server_->start(); !s) throw std::runtime_error("server failed: " + s.error().message);
}

RunningPlatform::~RunningPlatform() { server_->stop(); }

}  // namespace rc::testing
