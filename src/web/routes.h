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
// The asynchronous variant: the handler returns at once and the reply is sent later by calling
// `respond` exactly once, from any thread (RESTinio dispatches the write onto the connection's
// strand). ctx is valid only during the call: copy what the reply needs. For work that waits (a
// group commit) without holding an I/O thread.
using Respond = std::function<void(Reply)>;
using AsyncPageHandler = std::function<void(RequestContext& ctx, Respond respond)>;

class Routes {
 public:
  explicit Routes(Metrics& metrics);
  void get(const std::string& path, Handler h) { add(restinio::http_method_get(), "GET", path, std::move(h)); }
  void post(const std::string& path, Handler h) { add(restinio::http_method_post(), "POST", path, std::move(h)); }

  // Guarded routes. REQUIRES: set_gatekeeper() was called.
  void set_gatekeeper(Gatekeeper* gate) { gate_ = gate; }
  void get(const std::string& path, Access access, PageHandler h);
  void post(const std::string& path, Access access, PageHandler h);
  // A public look-up sent by POST only so that its input (an ID number) stays out of URLs, logs
  // and browser history. It changes nothing and reads no session, so it takes no CSRF token.
  // REQUIRES: access.anyone.
  void post_lookup(const std::string& path, Access access, PageHandler h);
  // Guarded asynchronous routes: the same gatekeeper checks and metrics (timed until the reply).
  void get_async(const std::string& path, Access access, AsyncPageHandler h);
  void post_async(const std::string& path, Access access, AsyncPageHandler h);
  // Every guarded route with its Access, for the permission test and the route list.
  struct Entry {
    std::string method, path;
    Access access;
    bool checks_csrf = false;  // every POST but a post_lookup
  };
  const std::vector<Entry>& guarded() const { return guarded_; }

  // Objects the handlers refer to (views, gatekeeper) live as long as the server.
  void keep(std::shared_ptr<void> object) { kept_.push_back(std::move(object)); }
  std::vector<std::shared_ptr<void>> take_kept() { return std::move(kept_); }

  // Hands the finished router to the server (adding the 405 answers); Routes is empty afterwards.
  std::unique_ptr<Router> release();

 private:
  void add(restinio::http_method_id_t method, const char* method_name, const std::string& path, Handler h);
  RouteMetrics& note_method(restinio::http_method_id_t method, const char* method_name, const std::string& path);
  void add_guarded_async(restinio::http_method_id_t method, const char* name, const std::string& path, Access access,
                         AsyncPageHandler h, bool state_changing);
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
