#include "web/http_server.h"

#include <atomic>

#include "web/restinio_fwd.h"

namespace rc::web {

struct HttpServer::Running {
  restinio::running_server_handle_t<ServerTraits> handle;
  std::vector<std::shared_ptr<void>> kept;  // stopped before these go
};

HttpServer::HttpServer(ServerOptions options, std::function<void(Routes&, Metrics&)> install)
    : options_(std::move(options)), install_(std::move(install)) {}

HttpServer::~HttpServer() { stop(); }

Result<void> HttpServer::start() {
  Routes routes(metrics_);
  install_(routes, metrics_);
  guarded_ = routes.guarded();
  auto kept = routes.take_kept();
  auto router = routes.release();
  router->non_matched_request_handler([](Request req) {
    return send(req, error_reply(make_error(ErrorCode::kRouteNotFound, std::string(req->header().path()))));
  });
  std::atomic<std::uint16_t> port{0};
  try {
    auto settings = restinio::server_settings_t<ServerTraits>{}
                        .address(options_.address)
                        .port(options_.port)
                        .request_handler(std::move(router))
                        .max_pipelined_requests(4)
                        .read_next_http_message_timelimit(std::chrono::seconds(30))
                        .handle_request_timeout(std::chrono::seconds(30))
                        .incoming_http_msg_limits(restinio::incoming_http_msg_limits_t{}
                                                      .max_body_size(options_.max_body_bytes)
                                                      .max_url_size(8192)
                                                      .max_field_count(100))
                        .acceptor_post_bind_hook([&port](asio::ip::tcp::acceptor& a) {
                          port = a.local_endpoint().port();
                        });
    running_ = std::make_unique<Running>(
        Running{restinio::run_async(restinio::own_io_context(), std::move(settings), options_.threads), std::move(kept)});
  } catch (const std::exception& e) {
    return fail(make_error(ErrorCode::kBadConfig, "http",
                           "无法在 " + options_.address + ":" + std::to_string(options_.port) + " 启动 HTTP 服务：" +
                               e.what()));
  }
  bound_port_ = port.load();
  return ok();
}

void HttpServer::stop() {
  if (!running_) return;
  running_->handle->stop();
  running_->handle->wait();
  running_.reset();
}

}  // namespace rc::web
