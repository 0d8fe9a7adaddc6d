#pragma once
// Opaque, URL-safe list cursors over (created_at, id) keys, so pagination stays stable while
// rows are inserted. Clients must treat them as opaque; a tampered cursor is rejected.
#include <optional>
#include <string>
#include <string_view>

#include "domain/clock.hpp"

namespace galley {

struct cursor_key {
    micros created_at = 0;
    std::string id;
};

std::string encode_cursor(const cursor_key& key);
/// nullopt when `text` is not a cursor this server produced.
std::optional<cursor_key> decode_cursor(std::string_view text);

}  // namespace galley
