// The review page: GET /, /app.js and /app.css, served from the copies embedded at build time.
// They run inline on the I/O thread (no blocking: the bytes are already in memory).
#include "http/handlers.hpp"
#include "http/web_assets.hpp"

namespace galley::http {

namespace {
http_response asset(const char* content_type, std::string_view body) {
    http_response r;
    r.content_type = content_type;
    r.body = std::string(body);
    return r;
}
}  // namespace

http_response serve_web_index(const http_request&, service_context&) {
    return asset("text/html; charset=utf-8", web_index_html());
}

http_response serve_web_app_js(const http_request&, service_context&) {
    return asset("application/javascript; charset=utf-8", web_app_js());
}

http_response serve_web_app_css(const http_request&, service_context&) {
    return asset("text/css; charset=utf-8", web_app_css());
}

}  // namespace galley::http
