#pragma once
// A small blocking HTTP/1.1 client for end-to-end tests: one connection per request
// (Connection: close), Content-Length and chunked responses, generous timeouts.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace galley::testing {

struct http_reply {
    int status = 0;                              // 0 when the connection failed
    std::map<std::string, std::string> headers;  // names lower-cased
    std::string body;
    std::string header(const std::string& lower_name) const;
};

struct http_call {
    std::string method = "GET";
    std::string target;  // path and query
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;
    bool send_content_length = true;
};

http_reply send_http(const std::string& host, std::uint16_t port, const http_call& call,
                     int timeout_ms = 30'000);

/// A multipart/form-data body with one `file` part; sets `content_type` for it.
std::string multipart_file(const std::string& filename, const std::string& bytes,
                           std::string& content_type);

}  // namespace galley::testing
