#include "web/pages/page_support.h"

#include <sodium.h>

#include "web/error_status.h"
#include "web/routes.h"

namespace rc::web {

std::string_view role_label(store::Role role) {
  switch (role) {
    case store::Role::kCandidate: return "考生";
    case store::Role::kOrganisation: return "集体申报单位";
    case store::Role::kStation: return "鉴定站";
    case store::Role::kProctor: return "监考员";
    case store::Role::kExaminer: return "考评员";
    case store::Role::kAdministrator: return "管理员";
  }
  return "";
}

std::string_view role_home(store::Role role) {
  switch (role) {
    case store::Role::kCandidate: return "/me";
    case store::Role::kOrganisation: return "/org";
    case store::Role::kStation: return "/station";
    case store::Role::kAdministrator: return "/admin";
    case store::Role::kProctor: return "/proctor";
    case store::Role::kExaminer: return "/examiner";
  }
  return "/";
}

namespace {

nlohmann::json navigation(store::Role role) {
  using nlohmann::json;
  switch (role) {
    case store::Role::kCandidate:
      return json::array({{{"href", "/me"}, {"label", "用户中心"}}, {{"href", "/me/confirm"}, {"label", "确认报名"}},
                          {{"href", "/me/results"}, {"label", "成绩查询"}}, {{"href", "/me/rights"}, {"label", "补考/重考权利"}}});
    case store::Role::kOrganisation:
      return json::array({{{"href", "/org"}, {"label", "申报批次"}}, {{"href", "/org/template.xlsx"}, {"label", "下载报名信息表模板"}},
                          {{"href", "/org/results"}, {"label", "考生成绩"}}});
    case store::Role::kStation:
      return json::array({{{"href", "/station"}, {"label", "待审核报名"}}, {{"href", "/station/results"}, {"label", "成绩管理"}}});
    case store::Role::kProctor:
      return json::array({{{"href", "/proctor"}, {"label", "今日监考"}}});
    case store::Role::kExaminer:
      return json::array({{{"href", "/examiner"}, {"label", "技能考核评分"}}});
    case store::Role::kAdministrator:
      return json::array({{{"href", "/admin"}, {"label", "管理"}}, {{"href", "/admin/sms"}, {"label", "短信发件箱"}}});
    default:
      return json::array();
  }
}

}  // namespace

Reply html_page(const Views& views, const RequestContext& ctx, std::string_view name, std::string_view title,
                nlohmann::json data, int status) {
  data["title"] = std::string(title);
  data["csrf"] = ctx.csrf;
  if (ctx.session && ctx.session->full) {
    data["user"] = {{"name", ctx.session->display_name}, {"role_label", std::string(role_label(ctx.session->role))}};
    data["nav"] = navigation(ctx.session->role);
  }
  return text_reply(status, "text/html; charset=utf-8", views.page(name, data));
}

std::string_view registration_status_label(store::RegistrationStatus s) {
  switch (s) {
    case store::RegistrationStatus::kDraft: return "待提交";
    case store::RegistrationStatus::kSubmitted: return "待考生确认";
    case store::RegistrationStatus::kConfirmed: return "待鉴定站审核";
    case store::RegistrationStatus::kApproved: return "审核通过";
    case store::RegistrationStatus::kReturned: return "已退回";
  }
  return "";
}

std::string base64(std::string_view bytes) {
  std::string out(sodium_base64_ENCODED_LEN(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
                    sodium_base64_VARIANT_ORIGINAL);
  out.resize(out.size() - 1);  // the terminating NUL
  return out;
}

app::Actor actor_of(const RequestContext& ctx) {
  return app::Actor{ctx.session->user_id, ctx.session->display_name, ctx.session->role, ctx.session->entity_id};
}

std::string session_cookie(const app::Platform& platform, std::string_view token) {
  const auto c = cookie_header("rc_session", token, platform.config().http.secure_cookies);
  return token.empty() ? c + "; Max-Age=0" : c;
}

std::optional<store::Id> parse_id(std::string_view text) {
  if (text.empty() || text.size() > 18) return std::nullopt;
  store::Id id = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    id = id * 10 + (c - '0');
  }
  return id;
}

std::optional<store::Id> id_param(const RequestContext& ctx) {
  auto v = path_param(ctx.params, "id");
  return v ? parse_id(*v) : std::nullopt;
}

std::string query_value(const RequestContext& ctx, const char* name) {
  auto qp = restinio::try_parse_query<restinio::parse_query_traits::javascript_compatible>(ctx.req->header().query());
  if (!qp || !qp->has(name)) return {};
  return std::string((*qp)[name]);
}

bool needs_error_page(const Error& e) {
  const int status = http_status(e.code);
  return status == 403 || status == 404 || status >= 500;
}

Reply html_error(const Views& views, const RequestContext& ctx, const Error& e) {
  return html_page(views, ctx, "error", "无法完成", {{"message", e.message}}, http_status(e.code));
}

}  // namespace rc::web
