#pragma once
// Reading request input: JSON bodies (400 when malformed, 422 naming the field when a field is
// missing or invalid) and the list parameters of API.md (?limit=, ?cursor=).
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "domain/cursor.hpp"
#include "domain/result.hpp"
#include "http/http_types.hpp"

namespace galley::http {

/// The body as a JSON object; bad_request when absent, malformed, not an object or over 1 MiB.
/// An empty body is an empty object when `empty_ok`.
result<nlohmann::json> parse_json_object(const http_request& req, bool empty_ok = false);

/// A string field; invalid_argument (field named) when missing, not a string or too long.
result<std::string> required_string(const nlohmann::json& obj, std::string_view field,
                                    std::size_t max_bytes = 4096);
/// Like required_string, but nullopt when absent or null.
result<std::optional<std::string>> optional_string(const nlohmann::json& obj,
                                                   std::string_view field,
                                                   std::size_t max_bytes = 4096);

/// ?limit= (default 50, 1..500); bad_request otherwise.
result<int> list_limit(const http_request& req);
/// ?cursor=; bad_request when present but not one of ours.
result<std::optional<cursor_key>> list_cursor(const http_request& req);

}  // namespace galley::http
