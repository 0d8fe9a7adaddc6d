#pragma once
// The request and response shapes handlers work with. They carry no RESTinio type, so handlers
// compile fast and can be tested without a server; only server.cpp and routes.cpp see RESTinio.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace galley::http {

struct http_request {
    std::string method;          // "GET", "POST", ...
    std::string route;           // the route template, e.g. /api/v1/projects/{project_id}
    std::string target;          // path as received, without the query
    std::vector<std::pair<std::string, std::string>> query;    // decoded
    std::vector<std::pair<std::string, std::string>> headers;  // names lower-cased
    std::vector<std::string> params;  // path parameters, in template order
    std::string_view body;            // owned by the server's request object
    std::string request_id;
    std::string remote_ip;

    /// First header of that (lower-case) name, or nullopt.
    std::optional<std::string_view> header(std::string_view lower_name) const;
    /// First query parameter of that name, or nullopt.
    std::optional<std::string_view> query_param(std::string_view name) const;
    const std::string& param(std::size_t i) const { return params.at(i); }
};

struct http_response {
    int status = 200;
    std::string content_type = "application/json";
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;
    std::string user_id;  // for the request log, when the request was authenticated
    std::string event_stream_run;  // set: answer with the run's server-sent event stream instead
    int event_streams_per_user = 0;  // the caller's plan limit on open streams (0: unlimited)
    /// Set: the body is produced piece by piece and sent chunked as it comes (after `body`).
    /// Each call appends the next piece to its argument and returns false once nothing is left.
    /// Called on the handler-pool thread that ran the handler; must not throw.
    std::function<bool(std::string&)> stream;
};

}  // namespace galley::http
