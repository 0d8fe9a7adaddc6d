// /readyz, /metrics and /api/v1/openapi.json.
#include <nlohmann/json.hpp>

#include "http/errors.hpp"
#include "http/handlers.hpp"
#include "http/openapi_document.hpp"

namespace galley::http {

http_response readyz(const http_request& req, service_context& ctx) {
    auto db = ctx.db.ping();
    auto storage = ctx.blobs.probe();
    nlohmann::json checks = {{"database", db.ok() ? "ok" : "unavailable"},
                             {"storage", storage.ok() ? "ok" : "unavailable"}};
    http_response r;
    r.status = db.ok() && storage.ok() ? 200 : 503;
    r.body = nlohmann::json{{"status", r.status == 200 ? "ready" : "not_ready"}, {"checks", checks}}.dump();
    return r;
}

http_response metrics(const http_request&, service_context& ctx) {
    http_response r;
    r.content_type = "text/plain; version=0.0.4; charset=utf-8";
    r.body = ctx.metrics.render();
    return r;
}

http_response openapi(const http_request&, service_context&) {
    http_response r;
    r.body = std::string(openapi_document());
    return r;
}

}  // namespace galley::http
