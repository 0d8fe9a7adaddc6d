#include "http/cors.hpp"

#include "domain/utf8.hpp"

#include <algorithm>
#include <cctype>

namespace galley::http {

namespace {
std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

// scheme "://" host [":" port], as browsers send Origin: no path, query, user or trailing slash.
bool is_origin(std::string_view o) {
    auto sep = o.find("://");
    if (sep == std::string_view::npos || sep == 0) return false;
    for (char c : o.substr(0, sep))
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '-' && c != '.') return false;
    std::string_view rest = o.substr(sep + 3);
    if (rest.empty() || rest.size() > 253) return false;
    for (char c : rest)
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '.' && c != ':' && c != '[' && c != ']')
            return false;
    return true;
}

constexpr const char* kMethods = "GET, POST, PUT, PATCH, DELETE";
constexpr const char* kRequestHeaders = "Authorization, Content-Type, X-Request-Id, Idempotency-Key";
// What a script may read of a response besides the CORS-safelisted headers.
constexpr const char* kExposed = "X-Request-Id, Retry-After, Content-Disposition";
}  // namespace

result<cors_policy> cors_policy::parse(std::string_view list) {
    cors_policy p;
    std::size_t start = 0;
    while (start <= list.size()) {
        std::size_t comma = list.find(',', start);
        std::string_view item = trim(list.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start));
        if (!item.empty()) {
            if (item == "*") {
                p.any_ = true;
            } else if (is_origin(item)) {
                p.origins_.push_back(utf8::ascii_lower(item));
            } else {
                return make_error(errc::invalid_argument,
                                  "'" + std::string(item) + "' is not an origin (scheme://host[:port]) or *",
                                  "cors-origins");
            }
        }
        if (comma == std::string_view::npos) break;
        start = comma + 1;
    }
    return p;
}

bool cors_policy::allows(std::string_view origin) const {
    if (origin.empty()) return false;
    if (any_) return true;
    const std::string o = utf8::ascii_lower(origin);
    return std::find(origins_.begin(), origins_.end(), o) != origins_.end();
}

header_list cors_policy::response_headers(std::string_view origin) const {
    if (!enabled()) return {};
    if (!allows(origin)) return {{"Vary", "Origin"}};
    if (any_ && std::find(origins_.begin(), origins_.end(), utf8::ascii_lower(origin)) == origins_.end())
        return {{"Access-Control-Allow-Origin", "*"}, {"Access-Control-Expose-Headers", kExposed}};
    return {{"Access-Control-Allow-Origin", std::string(origin)},
            {"Access-Control-Allow-Credentials", "true"},
            {"Access-Control-Expose-Headers", kExposed},
            {"Vary", "Origin"}};
}

header_list cors_policy::preflight_headers() const {
    return {{"Access-Control-Allow-Methods", kMethods},
            {"Access-Control-Allow-Headers", kRequestHeaders},
            {"Access-Control-Max-Age", "600"}};
}

}  // namespace galley::http
