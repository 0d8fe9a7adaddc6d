#include "domain/review/review_cursor.hpp"

#include <charconv>
#include <vector>

#include "domain/auth/base64url.hpp"
#include "domain/review/review_model.hpp"

namespace galley {

namespace {
bool parse_int(std::string_view s, std::int32_t& out) {
    if (s.empty() || s.size() > 10) return false;
    auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && ptr == s.data() + s.size() && out >= 0;
}
}  // namespace

std::string encode_suggestion_cursor(const suggestion_position& p) {
    std::string raw = "s1:" + std::to_string(p.document_position) + ":" + std::to_string(p.story) +
                      ":" + std::to_string(p.paragraph) + ":" + std::to_string(p.offset) + ":" +
                      p.id;
    return auth::base64url_encode(raw);
}

std::optional<suggestion_position> decode_suggestion_cursor(std::string_view text) {
    if (text.empty() || text.size() > 200) return std::nullopt;
    auto raw = auth::base64url_decode(text);
    if (!raw) return std::nullopt;
    std::vector<std::string_view> parts;
    std::string_view rest = *raw;
    while (true) {
        auto colon = rest.find(':');
        parts.push_back(rest.substr(0, colon));
        if (colon == std::string_view::npos) break;
        rest = rest.substr(colon + 1);
    }
    if (parts.size() != 6 || parts[0] != "s1") return std::nullopt;
    suggestion_position p;
    if (!parse_int(parts[1], p.document_position) || !parse_int(parts[2], p.story) ||
        !parse_int(parts[3], p.paragraph) || !parse_int(parts[4], p.offset))
        return std::nullopt;
    if (p.story > 5 || !is_suggestion_id(parts[5])) return std::nullopt;
    p.id = std::string(parts[5]);
    if (encode_suggestion_cursor(p) != text) return std::nullopt;  // e.g. "007" or padding
    return p;
}

}  // namespace galley
