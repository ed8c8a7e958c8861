#pragma once
// Routes: the express router of RESTinio, wrapped so that every handler is timed and counted in
// Metrics, answers with a Reply, and gets the same security headers. A handler that throws is a
// bug: it is answered with 500 and logged, never with a stack trace to the client.

#include <functional>
#include <memory>
#include <optional>
#include <string_view>
#include <string>
#include <utility>
#include <vector>

#include "web/gatekeeper.h"
#include "web/metrics.h"
#include "web/reply.h"
#include "web/restinio_fwd.h"

namespace rc::web {

using Handler = std::function<Reply(const Request& req, const RouteParams& params)>;
// A handler behind the gatekeeper: it runs only after access and CSRF checks passed.
using PageHandler = std::function<Reply(RequestContext& ctx)>;

class Routes {
 public:
  explicit Routes(Metrics& metrics);
  void get(const std::string& path, Handler h) { add(restinio::http_method_get(), "GET", path, std::move(h)); }
  void post(const std::string& path, Handler h) { add(restinio::http_method_post(), "POST", path, std::move(h)); }

  // Guarded routes. REQUIRES: set_gatekeeper() was called.
  void set_gatekeeper(Gatekeeper* gate) { gate_ = gate; }
  void get(const std::string& path, Access access, PageHandler h);
  void post(const std::string& path, Access access, PageHandler h);
  // Every guarded route with its Access, for the permission test and the route list.
  struct Entry {
    std::string method, path;
    Access access;
  };
  const std::vector<Entry>& guarded() const { return guarded_; }

  // Objects the handlers refer to (views, gatekeeper) live as long as the server.
  void keep(std::shared_ptr<void> object) { kept_.push_back(std::move(object)); }
  std::vector<std::shared_ptr<void>> take_kept() { return std::move(kept_); }

  // Hands the finished router to the server (adding the 405 answers); Routes is empty afterwards.
  std::unique_ptr<Router> release();

 private:
  void add(restinio::http_method_id_t method, const char* method_name, const std::string& path, Handler h);
  void add_guarded(restinio::http_method_id_t method, const char* name, const std::string& path, Access access,
                   PageHandler h, bool state_changing);
  Gatekeeper* gate_ = nullptr;
  std::vector<std::shared_ptr<void>> kept_;
  std::vector<Entry> guarded_;
  Metrics& metrics_;
  std::unique_ptr<Router> router_;
  // Methods served per path, so that another method on a known path gets 405 with Allow.
  std::vector<std::pair<std::string, std::vector<std::pair<restinio::http_method_id_t, std::string>>>> methods_;
};

// The percent-decoded value of a path parameter; nullopt when absent or malformed (a bad %xx).
std::optional<std::string> path_param(const RouteParams& params, std::string_view name);

// Sends a Reply on a request (used by the wrappers and the not-matched handler).
restinio::request_handling_status_t send(const Request& req, const Reply& reply);

}  // namespace rc::web
