#pragma once
// The headers every response carries (API.md, last line): content type, X-Request-Id, nosniff,
// no framing, no referrer, no caching, and a restrictive CSP on HTML. One place for all response
// kinds (plain, chunked, event streams), so none can drift.
#include <string>
#include <string_view>

namespace galley::http {

inline constexpr std::string_view kHtmlContentSecurityPolicy =
    "default-src 'self'; img-src 'self' data:; object-src 'none'; frame-ancestors 'none'; "
    "base-uri 'none'; form-action 'self'";

/// REQUIRES: `Builder` is a RESTinio response builder.
template <class Builder>
void append_standard_headers(Builder& rb, const std::string& content_type, const std::string& request_id) {
    rb.append_header("Content-Type", content_type);
    rb.append_header("X-Request-Id", request_id);
    rb.append_header("X-Content-Type-Options", "nosniff");
    rb.append_header("X-Frame-Options", "DENY");
    rb.append_header("Referrer-Policy", "no-referrer");
    rb.append_header("Cache-Control", "no-store");
    if (content_type.rfind("text/html", 0) == 0)
        rb.append_header("Content-Security-Policy", std::string(kHtmlContentSecurityPolicy));
}

}  // namespace galley::http
