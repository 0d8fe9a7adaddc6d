#include "http/server.hpp"

#include <chrono>
#include <cstdio>
#include <thread>

#include "domain/ids.hpp"
#include "http/errors.hpp"
#include "http/request_log.hpp"
#include "http/response_headers.hpp"
#include "http/server_internal.hpp"

namespace galley::http {

namespace {
double monotonic_seconds() {
    using namespace std::chrono;
    return duration<double>(steady_clock::now().time_since_epoch()).count();
}

// X-Request-Id from the client when it is 1..128 printable ASCII characters; generated otherwise.
std::string request_id_of(const restinio::request_handle_t& req) {
    const auto& h = req->header();
    if (h.has_field("X-Request-Id")) {
        std::string v = h.get_field("X-Request-Id");
        bool ok = !v.empty() && v.size() <= 128;
        for (unsigned char c : v) ok = ok && c >= 0x21 && c <= 0x7E;
        if (ok) return v;
    }
    return new_uuid();
}

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

http_request to_http_request(const restinio::request_handle_t& req, const char* route,
                             std::vector<std::string> params, const std::vector<cidr>& trusted_proxies) {
    http_request h;
    h.method = req->header().method().c_str();
    h.route = route;
    h.target = std::string(req->header().path());
    h.params = std::move(params);
    h.body = req->body();
    h.request_id = request_id_of(req);
    for (const auto& field : req->header()) h.headers.emplace_back(lower(field.name()), field.value());
    std::string forwarded_for;
    if (!trusted_proxies.empty())
        for (const auto& [name, value] : h.headers)
            if (name == "x-forwarded-for") forwarded_for += (forwarded_for.empty() ? "" : ",") + value;
    h.remote_ip = client_address(req->remote_endpoint().address().to_string(), forwarded_for, trusted_proxies);
    return h;
}

// Query strings are parsed in the handler thread; a malformed one is a 400.
result<std::vector<std::pair<std::string, std::string>>> parse_query(const restinio::request_handle_t& req) {
    std::vector<std::pair<std::string, std::string>> out;
    try {
        // RFC 3986 query characters (":" and "@" of an RFC 3339 time or an e-mail) as they are;
        // only "&" separates pairs.
        auto qp = restinio::parse_query<restinio::parse_query_traits::relaxed>(req->header().query());
        for (const auto& [k, v] : qp) out.emplace_back(std::string(k), std::string(v));
    } catch (const std::exception&) {
        return make_error(errc::bad_request, "the query string is malformed");
    }
    return out;
}

const char* reason_phrase(int status) {
    switch (status) {
        case 200: return "OK";
        case 201: return "Created";
        case 202: return "Accepted";
        case 204: return "No Content";
        case 400: return "Bad Request";
        case 401: return "Unauthorized";
        case 402: return "Payment Required";
        case 403: return "Forbidden";
        case 404: return "Not Found";
        case 409: return "Conflict";
        case 413: return "Payload Too Large";
        case 415: return "Unsupported Media Type";
        case 422: return "Unprocessable Entity";
        case 429: return "Too Many Requests";
        case 500: return "Internal Server Error";
        case 503: return "Service Unavailable";
        default: return "Status";
    }
}

restinio::http_status_line_t status_line(int status) {
    return restinio::http_status_line_t(restinio::http_status_code_t{static_cast<std::uint16_t>(status)},
                                        reason_phrase(status));
}
}  // namespace

void dispatcher::respond(const restinio::request_handle_t& req, const http_request& hreq,
                         http_response res, double started) {
    // Recorded before the response leaves, so a client's next request already sees it counted.
    double elapsed = monotonic_seconds() - started;
    ctx_.metrics.observe(hreq.route, hreq.method, res.status, elapsed);
    log_request(hreq.request_id, hreq.method, hreq.route, res.status, elapsed * 1000.0, res.user_id);
    if (!res.event_stream_run.empty()) {
        switch (streams_.add(req, res.event_stream_run, res.user_id, res.event_streams_per_user, hreq.request_id)) {
            case event_streams::admission::added: return;
            case event_streams::admission::user_limit:
                res = json_error(retry_later(15, "your plan allows " + std::to_string(res.event_streams_per_user) +
                                                     " open event streams; close one first"),
                                 hreq.request_id);
                break;
            case event_streams::admission::server_full:
                res = json_error(make_error(errc::over_capacity, "too many open event streams"), hreq.request_id);
                break;
        }
    }
    if (res.stream) {
        respond_streamed(req, hreq, std::move(res));
        return;
    }
    try {
        auto rb = req->create_response(status_line(res.status));
        append_standard_headers(rb, res.content_type, hreq.request_id);
        for (auto& [k, v] : res.headers) rb.append_header(k, v);
        rb.set_body(std::move(res.body));
        rb.done();
    } catch (const std::exception& e) {
        std::fprintf(stderr, "{\"level\":\"error\",\"msg\":\"response failed\",\"request_id\":\"%s\"}\n",
                     hreq.request_id.c_str());
    }
}

void dispatcher::respond_streamed(const restinio::request_handle_t& req, const http_request& hreq,
                                  http_response res) {
    try {
        auto rb = req->create_response<restinio::chunked_output_t>(status_line(res.status));
        append_standard_headers(rb, res.content_type, hreq.request_id);
        for (auto& [k, v] : res.headers) rb.append_header(k, v);
        if (!res.body.empty()) rb.append_chunk(std::move(res.body));
        std::string piece;
        while (res.stream(piece)) {
            if (piece.empty()) continue;
            rb.append_chunk(std::move(piece));
            rb.flush();  // the first paragraphs leave while the rest renders
            piece.clear();
        }
        rb.done();
    } catch (const std::exception& e) {
        std::fprintf(stderr, "{\"level\":\"error\",\"msg\":\"response failed\",\"request_id\":\"%s\"}\n",
                     hreq.request_id.c_str());
    }
}

static http_response run_guarded(handler_fn fn, const http_request& hreq, service_context& ctx) {
    try {
        return fn(hreq, ctx);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "{\"level\":\"error\",\"msg\":\"handler threw\",\"request_id\":\"%s\",\"cause\":\"%s\"}\n",
                     hreq.request_id.c_str(), e.what());
    } catch (...) {
    }
    return json_error(make_error(errc::internal, ""), hreq.request_id);
}

restinio::request_handling_status_t dispatcher::pooled(const restinio::request_handle_t& req,
                                                       const char* route,
                                                       std::vector<std::string> params,
                                                       handler_fn fn) {
    double started = monotonic_seconds();
    auto hreq = std::make_shared<http_request>(to_http_request(req, route, std::move(params), ctx_.trusted_proxies));
    if (draining.load()) {
        respond(req, *hreq, json_error(make_error(errc::over_capacity, "the server is shutting down"), hreq->request_id), started);
        return restinio::request_accepted();
    }
    bool queued = pool_.post([this, req, hreq, fn, started] {
        auto query = parse_query(req);
        if (!query) {
            respond(req, *hreq, json_error(query.err(), hreq->request_id), started);
            return;
        }
        hreq->query = std::move(*query);
        respond(req, *hreq, run_guarded(fn, *hreq, ctx_), started);
    });
    if (!queued)
        respond(req, *hreq, json_error(make_error(errc::over_capacity, "the server is busy; retry shortly"), hreq->request_id), started);
    return restinio::request_accepted();
}

restinio::request_handling_status_t dispatcher::inline_io(const restinio::request_handle_t& req,
                                                          const char* route, handler_fn fn) {
    double started = monotonic_seconds();
    http_request hreq = to_http_request(req, route, {}, ctx_.trusted_proxies);
    respond(req, hreq, run_guarded(fn, hreq, ctx_), started);
    return restinio::request_accepted();
}

restinio::request_handling_status_t dispatcher::not_found(const restinio::request_handle_t& req) {
    double started = monotonic_seconds();
    http_request hreq = to_http_request(req, "unmatched", {}, ctx_.trusted_proxies);
    respond(req, hreq, json_error(make_error(errc::not_found, "no such endpoint"), hreq.request_id), started);
    return restinio::request_accepted();
}

struct api_server::impl {
    server_options options;
    service_context& ctx;
    handler_pool pool;
    event_streams streams;
    dispatcher disp;
    restinio::running_server_handle_t<server_traits> server;
    bool stopped = false;

    impl(server_options o, service_context& c)
        : options(std::move(o)),
          ctx(c),
          pool(options.handler_threads, options.max_queued_requests),
          streams(c.runs, 256),
          disp(ctx, pool, streams) {}
};

api_server::api_server(server_options options, service_context& ctx)
    : impl_(std::make_unique<impl>(std::move(options), ctx)) {}

api_server::~api_server() { stop(0); }

status api_server::start() {
    try {
        auto settings = restinio::server_settings_t<server_traits>{}
                            .address(impl_->options.host)
                            .port(impl_->options.port)
                            .request_handler(build_router(impl_->disp))
                            .incoming_http_msg_limits(restinio::incoming_http_msg_limits_t{}.max_body_size(
                                impl_->options.max_body_bytes))
                            .max_parallel_connections(impl_->options.max_connections)
                            .read_next_http_message_timelimit(std::chrono::seconds(60))
                            .handle_request_timeout(std::chrono::seconds(120))
                            .write_http_response_timelimit(std::chrono::seconds(120));
        impl_->server = restinio::run_async<server_traits>(restinio::own_io_context(), std::move(settings),
                                                           impl_->options.io_threads);
    } catch (const std::exception& e) {
        return make_error(errc::unavailable, "cannot listen on " + impl_->options.host + ":" +
                                                 std::to_string(impl_->options.port) + ": " + e.what());
    }
    return {};
}

void api_server::stop(double drain_seconds) {
    if (impl_->stopped) return;
    impl_->stopped = true;
    impl_->disp.draining = true;
    double deadline = monotonic_seconds() + drain_seconds;
    while (impl_->pool.in_flight() > 0 && monotonic_seconds() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    impl_->streams.close_all();
    if (impl_->server) {
        impl_->server->stop();
        impl_->server->wait();
    }
    impl_->pool.shutdown();
}

}  // namespace galley::http
