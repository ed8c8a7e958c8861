#include "web/gatekeeper.h"

#include <sodium.h>

#include "domain/common/error.h"

namespace rc::web {
namespace {

constexpr std::string_view kSessionCookie = "rc_session";
constexpr std::string_view kAnonCookie = "rc_anon";

unsigned role_bit(store::Role r) { return 1u << static_cast<unsigned>(r); }

bool is_api(const Request& req) { return req->header().path().rfind("/api/", 0) == 0; }

bool same_token(std::string_view a, std::string_view b) {
  return !a.empty() && a.size() == b.size() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace

Access anyone() { return Access{true, 0, false, false}; }
Access only(std::initializer_list<store::Role> roles) {
  Access a;
  for (auto r : roles) a.roles |= role_bit(r);
  return a;
}
Access api_only(std::initializer_list<store::Role> roles) {
  Access a = only(roles);
  a.api = true;
  return a;
}

Gatekeeper::Gatekeeper(SessionLookup lookup, RandomSource& random, bool secure_cookies)
    : lookup_(std::move(lookup)), random_(random), secure_(secure_cookies) {}

std::optional<std::string> Gatekeeper::cookie(const Request& req, std::string_view name) {
  const auto header = req->header().opt_value_of(restinio::http_field::cookie);
  if (!header) return std::nullopt;
  std::string_view h(header->data(), header->size());
  while (!h.empty()) {
    auto semi = h.find(';');
    auto part = h.substr(0, semi);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    auto eq = part.find('=');
    if (eq != std::string_view::npos && part.substr(0, eq) == name) return std::string(part.substr(eq + 1));
    if (semi == std::string_view::npos) break;
    h.remove_prefix(semi + 1);
  }
  return std::nullopt;
}

std::string Gatekeeper::new_token() {
  std::uint8_t raw[32];
  {
    std::lock_guard lock(random_mu_);
    random_.fill(raw);
  }
  char out[sodium_base64_ENCODED_LEN(32, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
  sodium_bin2base64(out, sizeof out, raw, sizeof raw, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  return out;
}

std::string cookie_header(std::string_view name, std::string_view value, bool secure, std::string_view path,
                          bool http_only) {
  return std::string(name) + "=" + std::string(value) + "; Path=" + std::string(path) + "; SameSite=Strict" +
         (http_only ? "; HttpOnly" : "") + (secure ? "; Secure" : "");
}

std::optional<Reply> Gatekeeper::admit(RequestContext& ctx, const Access& access, bool state_changing) {
  const bool api = access.api || is_api(ctx.req);
  if (auto token = cookie(ctx.req, kSessionCookie); token && token->size() < 128) {
    if (auto s = lookup_(*token)) {
      ctx.session = std::move(s);
      ctx.session_token = *token;
    }
  }
  if (ctx.session) {
    ctx.csrf = ctx.session->csrf;
  } else {
    auto anon = cookie(ctx.req, kAnonCookie);
    if (anon && anon->size() >= 32 && anon->size() < 128) {
      ctx.csrf = *anon;
    } else {
      ctx.csrf = new_token();
      ctx.set_cookies.push_back(cookie_header(kAnonCookie, ctx.csrf, secure_));
    }
  }

  if (!access.anyone) {
    if (!ctx.session) {
      if (api) return error_reply(make_error(ErrorCode::kUnauthenticated));
      return with_cookies(redirect("/login", 302), ctx);
    }
    if (!ctx.session->full && !access.partial_login_ok) {
      if (api) return error_reply(make_error(ErrorCode::kUnauthenticated));
      return with_cookies(redirect("/login/sms", 302), ctx);
    }
    if (access.roles != 0 && (access.roles & role_bit(ctx.session->role)) == 0) {
      return error_reply(make_error(ErrorCode::kForbidden, "", "您的账号无权访问此页面"));
    }
  }

  if (state_changing) {
    std::string presented;
    if (auto h = ctx.req->header().opt_value_of("X-CSRF-Token")) presented.assign(h->data(), h->size());
    const auto ct = ctx.req->header().opt_value_of(restinio::http_field::content_type);
    const bool form_body = ct && (ct->starts_with("application/x-www-form-urlencoded") ||
                                  ct->starts_with("multipart/form-data"));
    if (form_body) {
      auto form = parse_form(ctx.req);
      if (!form) return error_reply(form.error());
      if (presented.empty()) presented = form->get("_csrf");
      ctx.form = std::move(*form);
    }
    if (!same_token(presented, ctx.csrf))
      return error_reply(make_error(ErrorCode::kCsrf, "_csrf", "页面已过期或请求来源不明，请刷新页面后重试"));
  }
  return std::nullopt;
}

Reply with_cookies(Reply reply, const RequestContext& ctx) {
  for (const auto& c : ctx.set_cookies) reply.headers.emplace_back("Set-Cookie", c);
  return reply;
}

Reply redirect(std::string location, int status) {
  Reply r = text_reply(status, "text/plain; charset=utf-8", "");
  r.headers.emplace_back("Location", std::move(location));
  return r;
}

}  // namespace rc::web
