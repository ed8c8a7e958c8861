#pragma once
// What every HTML page shares: the role labels and navigation of the layout, and rendering a
// page with the visitor's CSRF token and user box filled in.

#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "app/platform.h"
#include "app/registration/actor.h"
#include "store/records.h"
#include "web/gatekeeper.h"
#include "web/reply.h"
#include "web/views.h"

namespace rc::web {

std::string_view role_label(store::Role role);  // 考生, 集体申报单位, 鉴定站, ...
std::string_view role_home(store::Role role);   // /me, /org, /station, ...

// Renders `name` into the layout; data gets "csrf", "user" and "nav" from the context.
Reply html_page(const Views& views, const RequestContext& ctx, std::string_view name, std::string_view title,
                nlohmann::json data = nlohmann::json::object(), int status = 200);

// Chinese label of a registration's status, the same on every page.
std::string_view registration_status_label(store::RegistrationStatus s);
// Standard base64 (data: URIs of captcha images and photos).
std::string base64(std::string_view bytes);

// The acting user of a signed-in request, for the use cases. REQUIRES: ctx.session.
app::Actor actor_of(const RequestContext& ctx);

// The Set-Cookie value of a session token (HttpOnly, SameSite=Strict, Secure unless configured off);
// an empty token ends the session cookie.
std::string session_cookie(const app::Platform& platform, std::string_view token);

// Outside input, parsed without throwing:
// a decimal id (at most 18 digits), or nullopt;
std::optional<store::Id> parse_id(std::string_view text);
// the path parameter ":id" as an id;
std::optional<store::Id> id_param(const RequestContext& ctx);
// a query parameter, "" when absent or when the query string is malformed.
std::string query_value(const RequestContext& ctx, const char* name);

// Whether a refusal gets the error page (access, missing record, server) rather than the form
// re-rendered with its message.
bool needs_error_page(const Error& e);

// An error page (for refusals of HTML routes) with the Chinese message of `e`.
Reply html_error(const Views& views, const RequestContext& ctx, const Error& e);

}  // namespace rc::web
