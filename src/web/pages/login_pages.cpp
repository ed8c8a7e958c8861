#include "web/pages/login_pages.h"

#include "app/registration/activate_candidate_account.h"
#include "app/registration/authenticate.h"
#include "web/pages/page_support.h"

namespace rc::web {
namespace {

using nlohmann::json;

// The login form with a fresh captcha; `error` and the typed username kept on a retry.
Reply login_form(app::Platform& platform, const Views& views, const RequestContext& ctx, json data, int status) {
  auto captcha = platform.captcha().issue();
  if (!captcha) return html_error(views, ctx, captcha.error());
  data["captcha_id"] = captcha->id;
  data["captcha_png"] = base64(captcha->png);
  return html_page(views, ctx, "login", "登录", data, status);
}

// Steps 1 of the login: captcha, then password; on success a password-stage session and an SMS.
Reply submit_password(app::Platform& platform, const Views& views, RequestContext& ctx) {
  const auto& f = *ctx.form;
  const json retry{{"username", f.get("username")}};
  if (auto c = platform.captcha().check(f.get("captcha_id"), f.get("captcha")); !c) {
    json d = retry;
    d["error"] = c.error().message;
    return login_form(platform, views, ctx, d, 422);
  }
  auto verified = app::authenticate(platform.database(), platform.clock(), platform.cipher(), platform.passwords(),
                                    platform.login_guard(), {f.get("username"), f.value_or_empty("password"), ctx.client_ip});
  if (!verified) {
    json d = retry;
    d["error"] = verified.error().message;
    return login_form(platform, views, ctx, d, verified.error().code == ErrorCode::kBadCredentials ? 401 : 422);
  }
  auto session = platform.sessions().create(verified->actor.user_id, std::string(store::to_text(verified->actor.role)),
                                            identity::Stage::kPasswordVerified, ctx.client_ip);
  if (!session) return html_error(views, ctx, session.error());
  if (auto sent = platform.sms_codes().issue(verified->phone, app::kLoginSmsPurpose, ctx.client_ip); !sent) {
    platform.sessions().destroy(session->first);
    json d = retry;
    d["error"] = sent.error().message;
    return login_form(platform, views, ctx, d, 429);
  }
  ctx.set_cookies.push_back(session_cookie(platform, session->first));
  ctx.set_cookies.push_back(
      cookie_header("rc_phone", verified->phone_masked, platform.config().http.secure_cookies, "/login"));
  return redirect("/login/sms");
}

Reply submit_sms_code(app::Platform& platform, const Views& views, RequestContext& ctx) {
  auto actor = app::complete_login(platform.database(), platform.clock(), platform.sms_codes(), ctx.session->user_id,
                                   ctx.form->get("code"));
  if (!actor) return html_page(views, ctx, "login_sms", "短信验证", {{"error", actor.error().message}}, 422);
  auto promoted = platform.sessions().promote(ctx.session_token);
  if (!promoted) return html_error(views, ctx, promoted.error());
  ctx.set_cookies.push_back(session_cookie(platform, promoted->first));
  return redirect(std::string(role_home(actor->role)));
}

}  // namespace

void add_login_pages(Routes& routes, app::Platform& platform, const Views& views) {
  routes.get("/login", anyone(), [&platform, &views](RequestContext& ctx) {
    return login_form(platform, views, ctx, json::object(), 200);
  });
  routes.post("/login", anyone(), [&platform, &views](RequestContext& ctx) {
    return submit_password(platform, views, ctx);
  });

  Access sms_step = only({});
  sms_step.partial_login_ok = true;
  routes.get("/login/sms", sms_step, [&views](RequestContext& ctx) {
    if (ctx.session->full) return redirect(std::string(role_home(ctx.session->role)), 302);
    return html_page(views, ctx, "login_sms", "短信验证", {{"phone_masked", Gatekeeper::cookie(ctx.req, "rc_phone").value_or("")}});
  });
  routes.post("/login/sms", sms_step, [&platform, &views](RequestContext& ctx) {
    if (ctx.session->full) return redirect(std::string(role_home(ctx.session->role)));
    return submit_sms_code(platform, views, ctx);
  });

  routes.get("/activate", anyone(), [&views](RequestContext& ctx) {
    return html_page(views, ctx, "activate", "首次登录：激活账号");
  });
  routes.post("/activate/code", anyone(), [&platform, &views](RequestContext& ctx) {
    const auto& f = *ctx.form;
    json keep{{"id_number", f.get("id_number")}, {"phone", f.get("phone")}};
    auto sent = app::request_activation_code(platform.database(), platform.clock(), platform.cipher(),
                                             platform.sms_codes(), {f.get("id_number"), f.get("phone"), ctx.client_ip});
    if (!sent) {
      keep["error"] = sent.error().message;
      return html_page(views, ctx, "activate", "首次登录：激活账号", keep, 422);
    }
    keep["code_sent"] = true;
    keep["flash"] = "验证码已发送，请查收短信。";
    return html_page(views, ctx, "activate", "首次登录：激活账号", keep);
  });
  routes.post("/activate", anyone(), [&platform, &views](RequestContext& ctx) {
    const auto& f = *ctx.form;
    json keep{{"id_number", f.get("id_number")}, {"phone", f.get("phone")}, {"code_sent", true}};
    auto actor = app::activate_candidate_account(platform.database(), platform.clock(), platform.cipher(),
                                                 platform.sms_codes(), platform.passwords(),
                                                 {f.get("id_number"), f.get("phone"), f.get("code"), f.value_or_empty("password")});
    if (!actor) {
      keep["error"] = actor.error().message;
      return html_page(views, ctx, "activate", "首次登录：激活账号", keep, 422);
    }
    return redirect("/login?activated=1");
  });
}

}  // namespace rc::web
