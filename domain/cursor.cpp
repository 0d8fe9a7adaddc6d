#include "domain/cursor.hpp"

#include <charconv>

#include "domain/ids.hpp"

namespace galley {

// Shape: "<created_at>.<uuid>", which needs no escaping in a URL.
std::string encode_cursor(const cursor_key& key) {
    return std::to_string(key.created_at) + "." + key.id;
}

std::optional<cursor_key> decode_cursor(std::string_view text) {
    auto dot = text.find('.');
    if (dot == std::string_view::npos || dot == 0 || dot > 20) return std::nullopt;
    cursor_key key;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + dot, key.created_at);
    if (ec != std::errc() || ptr != text.data() + dot || key.created_at < 0) return std::nullopt;
    std::string_view id = text.substr(dot + 1);
    if (!is_uuid(id)) return std::nullopt;
    key.id = std::string(id);
    return key;
}

}  // namespace galley
