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
                 int status, double latency_ms, std::string_view user_id,
                 const std::vector<std::pair<std::string, std::string>>& ids) {
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
    for (const auto& [name, value] : ids) {
        line += ",\"";
        append_json_escaped(line, name);
        line += "\":\"";
        append_json_escaped(line, value);
        line += '"';
    }
    line += "}\n";
    std::fwrite(line.data(), 1, line.size(), stdout);
}

std::vector<std::pair<std::string, std::string>> request_ids(std::string_view route,
                                                             const std::vector<std::string>& params,
                                                             std::string_view document_id_query) {
    std::vector<std::pair<std::string, std::string>> out;
    std::size_t i = 0, pos = 0;
    while (i < params.size()) {
        auto open = route.find('{', pos);
        if (open == std::string_view::npos) break;
        auto close = route.find('}', open);
        if (close == std::string_view::npos) break;
        out.emplace_back(std::string(route.substr(open + 1, close - open - 1)), params[i++]);
        pos = close + 1;
    }
    bool has_document = false;
    for (const auto& [name, value] : out) has_document = has_document || name == "document_id";
    if (!has_document && !document_id_query.empty() && document_id_query.size() <= 64)
        out.emplace_back("document_id", std::string(document_id_query));
    return out;
}

}  // namespace galley::http
