#include "http/http_types.hpp"

namespace galley::http {

std::optional<std::string_view> http_request::header(std::string_view lower_name) const {
    for (const auto& [k, v] : headers)
        if (k == lower_name) return std::string_view(v);
    return std::nullopt;
}

std::optional<std::string_view> http_request::query_param(std::string_view name) const {
    for (const auto& [k, v] : query)
        if (k == name) return std::string_view(v);
    return std::nullopt;
}

}  // namespace galley::http
