#pragma once
// The one table from errc to API.md error codes and HTTP statuses, and the JSON envelopes.
#include <string>
#include <string_view>

#include <nlohmann/json_fwd.hpp>

#include "domain/result.hpp"
#include "http/http_types.hpp"

namespace galley::http {

struct api_error_code {
    int status;
    std::string_view code;
};

/// errc → {HTTP status, API.md code}; exhaustive.
api_error_code api_code_of(errc e);

/// A rate_limited error whose Retry-After is `seconds`.
inline error retry_later(int seconds, std::string message) {
    error e = make_error(errc::rate_limited, std::move(message));
    e.retry_after_seconds = seconds;
    return e;
}

/// {"ok": true, "data": data, "request_id": ...} with `status`.
http_response json_ok(const nlohmann::json& data, const std::string& request_id, int status = 200);

/// {"ok": false, "error": {code, message, details}, "request_id": ...}; details.field is set for
/// invalid_argument. Internal errors never carry the cause (it is logged instead).
http_response json_error(const error& e, const std::string& request_id);

}  // namespace galley::http
