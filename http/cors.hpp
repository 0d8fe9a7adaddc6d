#pragma once
// Cross-origin access for browser clients served from other origins (GALLEY_CORS_ORIGINS /
// --cors-origins): an allow-list of exact origins, or "*" for any origin without credentials.
// An allowed origin is echoed back, never wildcarded, so credentials stay bound to the origins
// an operator named; without a list no CORS header is ever sent (same-origin only). Pure: the
// dispatcher asks and appends what it gets.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/result.hpp"

namespace galley::http {

using header_list = std::vector<std::pair<std::string, std::string>>;

class cors_policy {
public:
    /// Comma-separated origins ("https://app.example.com, http://localhost:5173") or "*";
    /// invalid_argument (field "cors-origins") for anything that is not scheme://host[:port].
    static result<cors_policy> parse(std::string_view list);

    bool enabled() const { return any_ || !origins_.empty(); }
    bool allows(std::string_view origin) const;

    /// Headers for an ordinary response to a request that sent `origin` (empty: none apply).
    header_list response_headers(std::string_view origin) const;

    /// What a preflight (OPTIONS with Access-Control-Request-Method) from an allowed origin
    /// gets on top of response_headers: the methods and request headers the API takes.
    header_list preflight_headers() const;

private:
    std::vector<std::string> origins_;  // lower-cased
    bool any_ = false;
};

}  // namespace galley::http
