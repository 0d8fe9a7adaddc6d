#include "http/server.hpp"

#include <chrono>
#include <cstdio>
#include <thread>

#include "domain/ids.hpp"
#include "domain/utf8.hpp"
#include "http/errors.hpp"
#include "http/request_log.hpp"
#include "http/response_headers.hpp"
#include "http/server_internal.hpp"

#include <restinio/tls.hpp>

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

http_request to_http_request(const restinio::request_handle_t& req, const char* route,
                             std::vector<std::string> params, const std::vector<cidr>& trusted_proxies) {
    http_request h;
    h.method = req->header().method().c_str();
    h.route = route;
    h.target = std::string(req->header().path());
    h.params = std::move(params);
    h.body = req->body();
    h.request_id = request_id_of(req);
    for (const auto& field : req->header()) h.headers.emplace_back(utf8::ascii_lower(field.name()), field.value());
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
    if (ctx_.cors.enabled()) {
        auto origin = hreq.header("origin");
        for (auto& h : ctx_.cors.response_headers(origin ? *origin : std::string_view())) res.headers.push_back(std::move(h));
    }
    // A stream is admitted first, so a refused one is counted and logged with its 429 or 503.
    bool stream_admitted = false;
    if (!res.event_stream_run.empty()) {
        switch (streams_.add(req, res.event_stream_run, res.user_id, res.event_streams_per_user, hreq.request_id,
                             res.headers)) {
            case event_streams::admission::added: stream_admitted = true; break;
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
    // Recorded before the response leaves, so a client's next request already sees it counted.
    double elapsed = monotonic_seconds() - started;
    ctx_.metrics.observe(hreq.route, hreq.method, res.status, elapsed);
    auto doc_query = hreq.query_param("document_id");
    log_request(hreq.request_id, hreq.method, hreq.route, res.status, elapsed * 1000.0, res.user_id,
                request_ids(hreq.route, hreq.params, doc_query ? *doc_query : std::string_view()));
    if (stream_admitted) return;
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

namespace {
// OPTIONS from a browser asking whether it may send a cross-origin request.
http_response preflight(const cors_policy& cors, const http_request& hreq) {
    auto origin = hreq.header("origin");
    if (!origin || !cors.allows(*origin) || !hreq.header("access-control-request-method"))
        return json_error(make_error(errc::forbidden, "cross-origin requests from this origin are not allowed"),
                          hreq.request_id);
    http_response r;
    r.status = 204;
    r.content_type = "text/plain; charset=utf-8";
    r.headers = cors.preflight_headers();
    return r;
}
}  // namespace

restinio::request_handling_status_t dispatcher::not_found(const restinio::request_handle_t& req) {
    double started = monotonic_seconds();
    if (req->header().method() == restinio::http_method_options() && req->header().has_field("Origin")) {
        http_request hreq = to_http_request(req, "preflight", {}, ctx_.trusted_proxies);
        respond(req, hreq, preflight(ctx_.cors, hreq), started);
        return restinio::request_accepted();
    }
    http_request hreq = to_http_request(req, "unmatched", {}, ctx_.trusted_proxies);
    respond(req, hreq, json_error(make_error(errc::not_found, "no such endpoint"), hreq.request_id), started);
    return restinio::request_accepted();
}

// The same router and dispatcher behind TLS: RESTinio hands both servers the same request type.
struct tls_server_traits : restinio::default_tls_traits_t {
    using request_handler_t = router_t;
    static constexpr bool use_connection_count_limiter = true;
};

struct api_server::impl {
    server_options options;
    service_context& ctx;
    handler_pool pool;
    event_streams streams;
    dispatcher disp;
    restinio::running_server_handle_t<server_traits> server;
    restinio::running_server_handle_t<tls_server_traits> tls_server;
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

namespace {
template <class Traits>
restinio::server_settings_t<Traits> common_settings(const server_options& o, dispatcher& d) {
    auto s = restinio::server_settings_t<Traits>{};
    s.address(o.host)
        .port(o.port)
        .request_handler(build_router(d))
        .incoming_http_msg_limits(restinio::incoming_http_msg_limits_t{}.max_body_size(o.max_body_bytes))
        .max_parallel_connections(o.max_connections)
        .read_next_http_message_timelimit(std::chrono::seconds(60))
        .handle_request_timeout(std::chrono::seconds(120))
        .write_http_response_timelimit(std::chrono::seconds(120));
    return s;
}

// TLS 1.2 and later only, with the operator's certificate chain and key.
asio::ssl::context tls_context(const server_options& o) {
    asio::ssl::context tls(asio::ssl::context::tls_server);
    tls.set_options(asio::ssl::context::default_workarounds | asio::ssl::context::no_sslv2 |
                    asio::ssl::context::no_sslv3 | asio::ssl::context::no_tlsv1 | asio::ssl::context::no_tlsv1_1 |
                    asio::ssl::context::single_dh_use);
    tls.use_certificate_chain_file(o.tls_cert_file);
    tls.use_private_key_file(o.tls_key_file, asio::ssl::context::pem);
    return tls;
}
}  // namespace

status api_server::start() {
    const server_options& o = impl_->options;
    try {
        if (!o.tls_cert_file.empty()) {
            auto settings = common_settings<tls_server_traits>(o, impl_->disp);
            settings.tls_context(tls_context(o));
            impl_->tls_server = restinio::run_async<tls_server_traits>(restinio::own_io_context(),
                                                                       std::move(settings), o.io_threads);
        } else {
            impl_->server = restinio::run_async<server_traits>(
                restinio::own_io_context(), common_settings<server_traits>(o, impl_->disp), o.io_threads);
        }
    } catch (const std::exception& e) {
        return make_error(errc::unavailable, std::string(o.tls_cert_file.empty() ? "cannot listen on "
                                                                                  : "cannot serve HTTPS on ") +
                                                 o.host + ":" + std::to_string(o.port) + ": " + e.what());
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
    if (impl_->tls_server) {
        impl_->tls_server->stop();
        impl_->tls_server->wait();
    }
    impl_->pool.shutdown();
}

}  // namespace galley::http
