#pragma once
// The RESTinio types the web module uses, in one place.

#include <restinio/all.hpp>
#include <restinio/router/pcre2_regex_engine.hpp>

namespace rc::web {

// PCRE2, not std::regex: the express router tries each route's pattern in turn, and std::regex
// made a route registered late (the certificate status API) cost ~3x a route registered early.
using Router = restinio::router::express_router_t<restinio::router::pcre2_regex_engine_t<>>;
using Request = restinio::request_handle_t;
using RouteParams = restinio::router::route_params_t;
using ServerTraits = restinio::traits_t<restinio::asio_timer_manager_t, restinio::null_logger_t, Router>;

}  // namespace rc::web
