#include "cli/load_config.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "app/error_json.h"

namespace rc::cli {

Result<app::Config> load_config(const Globals& g) {
  auto env = app::process_env();
  std::string path = g.config_path;
  if (path.empty()) {
    if (auto e = env("RESCUECERT_CONFIG")) path = *e;
    else if (std::filesystem::exists("rescuecert.json")) path = "rescuecert.json";
  }
  std::string text;
  if (!path.empty()) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return fail(make_error(ErrorCode::kBadConfig, path, "无法读取配置文件 " + path));
    std::ostringstream s;
    s << in.rdbuf();
    text = s.str();
    if (text.empty()) text = "{}";
  }
  auto cfg = app::parse_config(text, env);
  if (cfg && !path.empty()) cfg->sources["(file)"] = path;
  return cfg;
}

Result<std::unique_ptr<app::Platform>> open_platform(const Globals& g) {
  static const SystemClock clock;  // outlives every Platform of the process
  return open_platform(g, clock);
}

Result<std::unique_ptr<app::Platform>> open_platform(const Globals& g, const Clock& clock) {
  auto cfg = load_config(g);
  if (!cfg) return fail(cfg.error());
  return app::Platform::open(std::move(*cfg), clock);
}

void print_error(const Error& e) {
  std::cout << app::error_json(e).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  std::cerr << "rescuecert: " << e.message << (e.field.empty() ? "" : "（" + e.field + "）") << "\n";
}

}  // namespace rc::cli
