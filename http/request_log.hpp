#pragma once
// One JSON line per request on stdout: time, request id, method, route template, status,
// latency and user. Lines are written with one call each, so threads never interleave them.
#include <string_view>

namespace galley::http {

void log_request(std::string_view request_id, std::string_view method, std::string_view route,
                 int status, double latency_ms, std::string_view user_id);

/// Escapes `s` for a JSON string body (quotes, backslashes, control characters).
void append_json_escaped(std::string& out, std::string_view s);

}  // namespace galley::http
