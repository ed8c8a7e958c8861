#include "web/routes.h"

#include <chrono>
#include <cstdio>

namespace rc::web {

Routes::Routes(Metrics& metrics) : metrics_(metrics), router_(std::make_unique<Router>()) {}

std::unique_ptr<Router> Routes::release() { return std::move(router_); }

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

void Routes::add(restinio::http_method_id_t method, const char* method_name, const std::string& path, Handler h) {
  RouteMetrics& m = metrics_.route(method_name, path);
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
