#pragma once
// Gatekeeper: who is asking, and may they. Every page and API route declares its Access; the
// gatekeeper identifies the visitor from the session cookie, refuses what the Access does not
// allow (a page answers with a redirect to the login or a 403 page, an API route with 401/403
// JSON), and checks the CSRF token of every state-changing request before the handler runs.
//
// CSRF: signed-in visitors use their session's token; anonymous forms (login) use a random
// token in the rc_anon cookie (double submit). The token travels in the form field `_csrf` or
// the header X-CSRF-Token. Cookies are HttpOnly, SameSite=Strict, Path=/, and Secure unless
// configured off for plain-HTTP development.
//
// Thread-safe: lookups go through the injected SessionLookup; the rest is read-only.

#include <cstdint>
#include <functional>
#include <mutex>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/common/random.h"
#include "store/records.h"
#include "web/forms.h"
#include "web/reply.h"
#include "web/restinio_fwd.h"

namespace rc::web {

struct VisitorSession {
  std::int64_t user_id = 0;
  store::Role role = store::Role::kCandidate;
  bool full = false;  // password and SMS code both passed (R11)
  std::string csrf;
  std::string display_name;
  std::int64_t entity_id = 0;  // the organisation, station or candidate the account acts for
};

using SessionLookup = std::function<std::optional<VisitorSession>(std::string_view token)>;

struct Access {
  bool anyone = false;            // public: no session needed
  unsigned roles = 0;             // bit (1 << Role) for each role allowed
  bool partial_login_ok = false;  // the SMS step of the login
  bool api = false;               // answer refusals as JSON (401/403) instead of pages
};
Access anyone();
Access only(std::initializer_list<store::Role> roles);
Access api_only(std::initializer_list<store::Role> roles);

struct RequestContext {
  const Request& req;
  const RouteParams& params;
  std::optional<VisitorSession> session;
  std::string session_token;
  std::string client_ip;
  std::string csrf;                              // the token to put in forms
  std::optional<Form> form;                      // parsed for POST form bodies
  std::vector<std::string> set_cookies;          // Set-Cookie values to add to the reply
};

class Gatekeeper {
 public:
  Gatekeeper(SessionLookup lookup, RandomSource& random, bool secure_cookies);

  // Identifies the visitor and checks access and CSRF. On refusal returns the Reply to send.
  std::optional<Reply> admit(RequestContext& ctx, const Access& access, bool state_changing);

  static std::optional<std::string> cookie(const Request& req, std::string_view name);

 private:
  std::string new_token();
  SessionLookup lookup_;
  RandomSource& random_;
  std::mutex random_mu_;
  bool secure_;
};

// The one way a Set-Cookie value is built: SameSite=Strict always, HttpOnly unless the page's own
// script must read it, Secure unless configured off for plain-HTTP development.
std::string cookie_header(std::string_view name, std::string_view value, bool secure, std::string_view path = "/",
                          bool http_only = true);

// Adds the context's Set-Cookie values to a reply.
Reply with_cookies(Reply reply, const RequestContext& ctx);
// A 303 redirect (after a POST) or 302.
Reply redirect(std::string location, int status = 303);

}  // namespace rc::web
