#pragma once
// Internal to http/: the RESTinio types shared by server.cpp and routes.cpp, the only two
// translation units that include RESTinio (it dominates build time).
#include <restinio/all.hpp>
#include <restinio/router/easy_parser_router.hpp>

#include <atomic>
#include <string>
#include <vector>

#include "http/event_streams.hpp"
#include "http/handler_pool.hpp"
#include "http/handlers.hpp"

namespace galley::http {

using router_t = restinio::router::easy_parser_router_t;

struct server_traits : restinio::default_traits_t {
    using request_handler_t = router_t;
    // RESTinio reserves a request's whole Content-Length before any handler runs: bounding the
    // connections bounds what clients can make the server hold.
    static constexpr bool use_connection_count_limiter = true;
};

/// Turns RESTinio requests into http_request, runs the handler on the pool, answers with the
/// envelope, security headers, X-Request-Id, a log line and metrics.
class dispatcher {
public:
    dispatcher(service_context& ctx, handler_pool& pool, event_streams& streams)
        : ctx_(ctx), pool_(pool), streams_(streams) {}

    /// Runs `fn` on the handler pool (it may block).
    restinio::request_handling_status_t pooled(const restinio::request_handle_t& req,
                                               const char* route, std::vector<std::string> params,
                                               handler_fn fn);
    /// Runs `fn` on the I/O thread: only for handlers that never block.
    restinio::request_handling_status_t inline_io(const restinio::request_handle_t& req,
                                                  const char* route, handler_fn fn);
    /// The 404 envelope for unknown routes.
    restinio::request_handling_status_t not_found(const restinio::request_handle_t& req);

    std::atomic<bool> draining{false};

private:
    void respond(const restinio::request_handle_t& req, const http_request& hreq,
                 http_response res, double started);
    /// Sends `res.body` then every piece of `res.stream` as chunks (Transfer-Encoding: chunked).
    void respond_streamed(const restinio::request_handle_t& req, const http_request& hreq,
                          http_response res);
    service_context& ctx_;
    handler_pool& pool_;
    event_streams& streams_;
};

/// The route table (routes.cpp).
std::unique_ptr<router_t> build_router(dispatcher& d);

}  // namespace galley::http
