#include "http/request_log.hpp"

#include <cstdio>
#include <string>

#include "domain/clock.hpp"

namespace galley::http {

void append_json_escaped(std::string& out, std::string_view s) {
    static constexpr char kHex[] = "0123456789abcdef";
    for (unsigned char c : s) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += static_cast<char>(c);
        } else if (c < 0x20) {
            out += "\\u00";
            out += kHex[c >> 4];
            out += kHex[c & 15];
        } else {
            out += static_cast<char>(c);
        }
    }
}

void log_request(std::string_view request_id, std::string_view method, std::string_view route,
                 int status, double latency_ms, std::string_view user_id) {
    std::string line;
    line.reserve(256);
    line += "{\"ts\":\"" + to_rfc3339(now_micros()) + "\",\"level\":\"info\",\"msg\":\"request\",\"request_id\":\"";
    append_json_escaped(line, request_id);
    line += "\",\"method\":\"";
    append_json_escaped(line, method);
    line += "\",\"route\":\"";
    append_json_escaped(line, route);
    line += "\",\"status\":" + std::to_string(status);
    char latency[32];
    std::snprintf(latency, sizeof latency, "%.3f", latency_ms);
    line += ",\"latency_ms\":";
    line += latency;
    if (!user_id.empty()) {
        line += ",\"user_id\":\"";
        append_json_escaped(line, user_id);
        line += '"';
    }
    line += "}\n";
    std::fwrite(line.data(), 1, line.size(), stdout);
}

}  // namespace galley::http
