#pragma once
// The HTTP server: RESTinio on a pool of threads, serving the routes that install_routes() sets
// up. start() returns once the socket is bound (port 0 picks a free port; port() tells which),
// stop() ends it and waits. Not copyable; start() and stop() from one thread.

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "domain/common/result.h"
#include "web/metrics.h"
#include "web/routes.h"

namespace rc::web {

struct ServerOptions {
  std::string address = "127.0.0.1";
  std::uint16_t port = 8080;
  unsigned threads = 2;
  std::uint64_t max_body_bytes = 1 << 20;
};

class HttpServer {
 public:
  // install adds the routes; it is called once, by start().
  HttpServer(ServerOptions options, std::function<void(Routes&, Metrics&)> install);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  [[nodiscard]] Result<void> start();
  std::uint16_t port() const { return bound_port_; }
  void stop();
  Metrics& metrics() { return metrics_; }
  // Every guarded route with its Access, known after start() (the permission test walks them).
  const std::vector<Routes::Entry>& guarded_routes() const { return guarded_; }

 private:
  struct Running;
  ServerOptions options_;
  std::function<void(Routes&, Metrics&)> install_;
  Metrics metrics_;
  std::unique_ptr<Running> running_;
  std::uint16_t bound_port_ = 0;
  std::vector<Routes::Entry> guarded_;
};

}  // namespace rc::web
