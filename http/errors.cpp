#include "http/errors.hpp"

#include <nlohmann/json.hpp>

namespace galley::http {

api_error_code api_code_of(errc e) {
    switch (e) {
        case errc::not_found: return {404, "not_found"};
        case errc::invalid_argument: return {422, "validation_error"};
        case errc::bad_request: return {400, "bad_request"};
        case errc::conflict: return {409, "conflict"};
        case errc::forbidden: return {403, "forbidden"};
        case errc::unauthorized: return {401, "unauthorized"};
        case errc::quota_exceeded: return {402, "quota_exceeded"};
        case errc::payload_too_large: return {413, "payload_too_large"};
        case errc::unsupported_media: return {415, "unsupported_media_type"};
        case errc::unsafe_input: return {422, "unsafe_document"};
        case errc::rate_limited: return {429, "rate_limited"};
        case errc::over_capacity: return {503, "over_capacity"};
        // API.md has no code of its own for a dependency outage: it is an `internal` error, but
        // one the client may retry, so it keeps its message and gets Retry-After.
        case errc::unavailable: return {500, "internal"};
        case errc::internal: return {500, "internal"};
    }
    return {500, "internal"};
}

http_response json_ok(const nlohmann::json& data, const std::string& request_id, int status) {
    http_response r;
    r.status = status;
    r.body = nlohmann::json{{"ok", true}, {"data", data}, {"request_id", request_id}}.dump(
        -1, ' ', false, nlohmann::json::error_handler_t::replace);
    return r;
}

http_response json_error(const error& e, const std::string& request_id) {
    api_error_code c = api_code_of(e.code);
    nlohmann::json details = nlohmann::json::object();
    if (!e.field.empty()) details["field"] = e.field;
    std::string message = e.message.empty() ? std::string(c.code) : e.message;
    if (e.code == errc::internal) message = "an internal error occurred";
    http_response r;
    r.status = c.status;
    r.body = nlohmann::json{{"ok", false},
                            {"error", {{"code", c.code}, {"message", message}, {"details", details}}},
                            {"request_id", request_id}}
                 .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    if (e.code == errc::rate_limited || e.code == errc::over_capacity || e.code == errc::unavailable)
        r.headers.emplace_back("Retry-After", e.code != errc::rate_limited ? "5"
                                              : e.retry_after_seconds > 0 ? std::to_string(e.retry_after_seconds)
                                                                          : "60");
    return r;
}

}  // namespace galley::http
