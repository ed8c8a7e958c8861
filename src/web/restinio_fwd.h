#pragma once
// The RESTinio types the web module uses, in one place.

#include <restinio/all.hpp>

namespace rc::web {

using Router = restinio::router::express_router_t<>;
using Request = restinio::request_handle_t;
using RouteParams = restinio::router::route_params_t;
using ServerTraits = restinio::traits_t<restinio::asio_timer_manager_t, restinio::null_logger_t, Router>;

}  // namespace rc::web
