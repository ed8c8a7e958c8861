#include "web/routes.h"

#include <stdexcept>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>

namespace rc::web {

Routes::Routes(Metrics& metrics) : metrics_(metrics), router_(std::make_unique<Router>()) {}

std::unique_ptr<Router> Routes::release() {
  for (auto& [path, methods] : methods_) {
    restinio::router::dynamic_none_of_methods_matcher_t others;
    std::string allow;
    for (auto& [id, name] : methods) {
      others.add(id);
      allow += (allow.empty() ? "" : ", ") + name;
    }
    RouteMetrics& m = metrics_.route("OTHER", path);
    router_->add_handler(std::move(others), path, [&m, allow](Request req, RouteParams) {
      auto reply = error_reply(make_error(ErrorCode::kMethodNotAllowed, "method", "该地址只支持 " + allow + " 请求"));
      reply.headers.emplace_back("Allow", allow);
      m.record(reply.status, std::chrono::nanoseconds{0});
      return send(req, reply);
    });
  }
  methods_.clear();
  return std::move(router_);
}

void Routes::get(const std::string& path, Access access, PageHandler h) {
  add_guarded(restinio::http_method_get(), "GET", path, access, std::move(h), false);
}
void Routes::post(const std::string& path, Access access, PageHandler h) {
  add_guarded(restinio::http_method_post(), "POST", path, access, std::move(h), true);
}

void Routes::post_lookup(const std::string& path, Access access, PageHandler h) {
  if (!access.anyone) throw std::logic_error("post_lookup is for public look-ups: " + path);
  add_guarded(restinio::http_method_post(), "POST", path, access, std::move(h), false);
}

void Routes::add_guarded(restinio::http_method_id_t method, const char* name, const std::string& path, Access access,
                         PageHandler h, bool state_changing) {
  guarded_.push_back(Entry{name, path, access, state_changing});
  Gatekeeper* gate = gate_;
  add(method, name, path, [gate, access, state_changing, h = std::move(h)](const Request& req, const RouteParams& p) {
    RequestContext ctx{req, p, std::nullopt, {}, req->remote_endpoint().address().to_string(), {}, std::nullopt, {}};
    if (auto refusal = gate->admit(ctx, access, state_changing)) return *refusal;
    return with_cookies(h(ctx), ctx);
  });
}

void Routes::get_async(const std::string& path, Access access, AsyncPageHandler h) {
  add_guarded_async(restinio::http_method_get(), "GET", path, access, std::move(h), false);
}
void Routes::post_async(const std::string& path, Access access, AsyncPageHandler h) {
  add_guarded_async(restinio::http_method_post(), "POST", path, access, std::move(h), true);
}

// The same gatekeeper as add_guarded; the reply goes out whenever `respond` is called. A handler
// that throws before responding is answered 500 (the once-flag keeps a late respond harmless).
void Routes::add_guarded_async(restinio::http_method_id_t method, const char* name, const std::string& path,
                               Access access, AsyncPageHandler h, bool state_changing) {
  guarded_.push_back(Entry{name, path, access, state_changing});
  RouteMetrics& m = note_method(method, name, path);
  Gatekeeper* gate = gate_;
  router_->add_handler(method, path, [&m, gate, access, state_changing, h = std::move(h)](Request req, RouteParams p) {
    const auto start = std::chrono::steady_clock::now();
    RequestContext ctx{req, p, std::nullopt, {}, req->remote_endpoint().address().to_string(), {}, std::nullopt, {}};
    if (auto refusal = gate->admit(ctx, access, state_changing)) {
      auto status = send(req, *refusal);
      m.record(refusal->status, std::chrono::steady_clock::now() - start);
      return status;
    }
    auto once = std::make_shared<std::atomic<bool>>(false);
    Respond respond = [req, &m, start, once, cookies = ctx.set_cookies](Reply reply) {
      if (once->exchange(true)) return;
      for (const auto& c : cookies) reply.headers.emplace_back("Set-Cookie", c);
      try {
        send(req, reply);  // may run on a worker thread: nothing may escape into it
      } catch (const std::exception& e) {
        std::fprintf(stderr, "rescuecert: reply to %s not sent: %s\n", std::string(req->header().path()).c_str(),
                     e.what());
      }
      m.record(reply.status, std::chrono::steady_clock::now() - start);
    };
    try {
      h(ctx, respond);
    } catch (const std::exception& e) {
      std::fprintf(stderr, "rescuecert: handler for %s failed: %s\n", std::string(req->header().path()).c_str(),
                   e.what());
      respond(json_reply(500, {{"error", {{"code", "internal"}, {"message", "服务器内部错误"}}}}));
    }
    return restinio::request_accepted();
  });
}

std::optional<std::string> path_param(const RouteParams& params, std::string_view name) {
  if (!params.has(name)) return std::nullopt;
  auto decoded = restinio::utils::try_unescape_percent_encoding(params[name]);
  if (!decoded) return std::nullopt;
  return *decoded;
}

restinio::request_handling_status_t send(const Request& req, const Reply& reply) {
  auto resp = req->create_response(restinio::http_status_line_t{
      restinio::http_status_code_t{static_cast<std::uint16_t>(reply.status)}, ""});
  resp.append_header(restinio::http_field::content_type, reply.content_type)
      .append_header("X-Content-Type-Options", "nosniff")
      .append_header("X-Frame-Options", "DENY")
      .append_header("Referrer-Policy", "same-origin")
      .append_header("Cache-Control", "no-store");
  for (const auto& [k, v] : reply.headers) resp.append_header(k, v);
  resp.set_body(reply.body);
  return resp.done();
}

RouteMetrics& Routes::note_method(restinio::http_method_id_t method, const char* method_name, const std::string& path) {
  auto it = std::find_if(methods_.begin(), methods_.end(), [&](const auto& e) { return e.first == path; });
  if (it == methods_.end()) it = methods_.insert(methods_.end(), {path, {}});
  it->second.emplace_back(method, method_name);
  return metrics_.route(method_name, path);
}

void Routes::add(restinio::http_method_id_t method, const char* method_name, const std::string& path, Handler h) {
  RouteMetrics& m = note_method(method, method_name, path);
  router_->add_handler(method, path, [&m, h = std::move(h)](Request req, RouteParams params) {
    const auto start = std::chrono::steady_clock::now();
    Reply reply;
    try {
      reply = h(req, params);
    } catch (const std::exception& e) {
      std::fprintf(stderr, "rescuecert: handler for %s failed: %s\n", std::string(req->header().path()).c_str(),
                   e.what());
      reply = json_reply(500, {{"error", {{"code", "internal"}, {"message", "服务器内部错误"}}}});
    }
    auto status = send(req, reply);
    m.record(reply.status, std::chrono::steady_clock::now() - start);
    return status;
  });
}

}  // namespace rc::web
