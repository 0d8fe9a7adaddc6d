#pragma once
// One JSON line per request on stdout: time, request id, method, route template, status,
// latency and user. Lines are written with one call each, so threads never interleave them.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace galley::http {

/// `ids` are extra (name, value) pairs such as ("run_id", "...") naming what the request was about.
void log_request(std::string_view request_id, std::string_view method, std::string_view route,
                 int status, double latency_ms, std::string_view user_id,
                 const std::vector<std::pair<std::string, std::string>>& ids = {});

/// The resource ids a request names: project_id, document_id, run_id (and the like) from the path
/// parameters of `route` (a template such as "/api/v1/runs/{run_id}/log"), plus ?document_id=.
std::vector<std::pair<std::string, std::string>> request_ids(std::string_view route,
                                                             const std::vector<std::string>& params,
                                                             std::string_view document_id_query);

/// Escapes `s` for a JSON string body (quotes, backslashes, control characters).
void append_json_escaped(std::string& out, std::string_view s);

}  // namespace galley::http
