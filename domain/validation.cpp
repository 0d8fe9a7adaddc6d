#include "domain/validation.hpp"

#include "domain/utf8.hpp"

namespace galley {

namespace {
bool is_control(char32_t c) { return c < 0x20 || (c >= 0x7F && c < 0xA0); }

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}
}  // namespace

result<std::string> normalize_email(std::string_view email) {
    auto bad = [] { return make_error(errc::invalid_argument, "email is not a valid address", "email"); };
    if (email.size() < 3 || email.size() > 254 || !utf8::is_valid(email)) return bad();
    auto at = email.find('@');
    if (at == 0 || at == std::string_view::npos || email.find('@', at + 1) != std::string_view::npos)
        return bad();
    std::string_view domain = email.substr(at + 1);
    auto dot = domain.find('.');
    if (dot == std::string_view::npos || dot == 0 || domain.back() == '.') return bad();
    // RFC 2606 reserves .invalid: no mail reaches it, and guests' placeholder addresses live there.
    if (domain.size() >= 8 && domain.substr(domain.size() - 8) == ".invalid") return bad();
    std::string out;
    out.reserve(email.size());
    for (char c : email) {
        auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u == 0x7F) return bad();
        out.push_back((c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c);
    }
    return out;
}

status validate_password(std::string_view password) {
    if (password.size() < 8)
        return make_error(errc::invalid_argument, "password must have at least 8 characters", "password");
    if (password.size() > 1024 || !utf8::is_valid(password))
        return make_error(errc::invalid_argument, "password must be at most 1024 bytes of UTF-8", "password");
    return {};
}

result<std::string> validate_label(std::string_view value, std::string_view field, std::size_t max) {
    std::string f(field);
    if (!utf8::is_valid(value)) return make_error(errc::invalid_argument, f + " must be UTF-8", f);
    std::string_view t = trim(value);
    if (t.empty()) return make_error(errc::invalid_argument, f + " must not be empty", f);
    std::size_t n = 0;
    for (std::size_t i = 0; i < t.size(); ++n) {
        if (is_control(utf8::next(t, i)))
            return make_error(errc::invalid_argument, f + " must not contain control characters", f);
    }
    if (n > max)
        return make_error(errc::invalid_argument, f + " must have at most " + std::to_string(max) + " characters", f);
    return std::string(t);
}

std::string sanitize_filename(std::string_view name) {
    auto slash = name.find_last_of("/\\");
    if (slash != std::string_view::npos) name = name.substr(slash + 1);
    std::string out;
    if (utf8::is_valid(name)) {
        for (std::size_t i = 0; i < name.size();) {
            std::size_t at = i;
            char32_t c = utf8::next(name, i);
            if (is_control(c) || c == '"') continue;
            if (out.size() + (i - at) > 255) break;
            out.append(name.substr(at, i - at));
        }
    }
    std::string_view t = trim(out);
    if (t.empty() || t == "." || t == "..") return "document";
    return std::string(t);
}

bool is_valid_language_setting(std::string_view lang) {
    return lang == "auto" || lang == "es" || lang == "en";
}

}  // namespace galley
