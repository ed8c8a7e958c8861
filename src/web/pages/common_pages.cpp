#include "web/pages/common_pages.h"

#include <chrono>

#include <fmt/chrono.h>
#include <fmt/format.h>

#include "web/pages/page_support.h"

namespace rc::web {
namespace {

std::string china_time(store::Timestamp t) {
  const auto local = std::chrono::floor<std::chrono::seconds>(t) + kChinaUtcOffset;
  return fmt::format("{:%Y-%m-%d %H:%M:%S}", local);
}

}  // namespace

void add_common_pages(Routes& routes, app::Platform& platform, const Views& views) {
  routes.get("/", anyone(), [](RequestContext& ctx) {
    if (ctx.session && ctx.session->full) return redirect(std::string(role_home(ctx.session->role)), 302);
    return redirect("/login", 302);
  });

  routes.get("/static/:file([a-z0-9_.-]+)", [](const Request&, const RouteParams& p) {
    const StaticFile* f = find_static(p["file"]);
    if (!f) return error_reply(make_error(ErrorCode::kRouteNotFound, "file"));
    Reply r = text_reply(200, std::string(f->content_type), std::string(f->body));
    return r;
  });

  routes.post("/logout", anyone(), [&platform](RequestContext& ctx) {
    if (!ctx.session_token.empty()) platform.sessions().destroy(ctx.session_token);
    ctx.set_cookies.push_back(session_cookie(platform, ""));
    return redirect("/login");
  });

  routes.get("/admin", only({store::Role::kAdministrator}), [&views](RequestContext& ctx) {
    return html_page(views, ctx, "admin_home", "管理");
  });

  routes.get("/admin/sms", only({store::Role::kAdministrator}), [&platform, &views](RequestContext& ctx) {
    nlohmann::json messages = nlohmann::json::array();
    if (auto* outbox = platform.sms_outbox()) {
      auto list = outbox->list_recent(200);
      if (!list) return html_error(views, ctx, list.error());
      for (const auto& m : *list)
        messages.push_back({{"at", china_time(m.created_at)}, {"phone", m.phone}, {"purpose", m.purpose}, {"text", m.text}});
    }
    return html_page(views, ctx, "admin_sms", "短信发件箱", {{"messages", messages}});
  });

  // The same outbox as JSON, for tools and the browser tests.
  routes.get("/api/v1/admin/sms", api_only({store::Role::kAdministrator}), [&platform](RequestContext&) {
    nlohmann::json messages = nlohmann::json::array();
    if (auto* outbox = platform.sms_outbox()) {
      auto list = outbox->list_recent(200);
      if (!list) return error_reply(list.error());
      for (const auto& m : *list)
        messages.push_back({{"id", m.id}, {"phone", m.phone}, {"purpose", m.purpose}, {"text", m.text}});
    }
    return json_reply(200, {{"messages", messages}});
  });
}

}  // namespace rc::web
