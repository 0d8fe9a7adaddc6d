#include "domain/review/review_model.hpp"

#include "domain/utf8.hpp"

namespace galley {

std::string_view review_state_name(review_state s) {
    switch (s) {
        case review_state::pending:
            return "pending";
        case review_state::accepted:
            return "accepted";
        case review_state::rejected:
            return "rejected";
    }
    return "pending";
}

std::optional<review_state> parse_review_state(std::string_view s) {
    if (s == "pending") return review_state::pending;
    if (s == "accepted") return review_state::accepted;
    if (s == "rejected") return review_state::rejected;
    return std::nullopt;
}

std::optional<std::string> final_replacement(const suggestion_record& r) {
    if (r.edited_replacement) return r.edited_replacement;
    return r.s.replacement;
}

bool is_suggestion_id(std::string_view s) {
    if (s.size() != 32) return false;
    for (char c : s)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    return true;
}

status validate_replacement(std::string_view text, const std::string& field) {
    if (!utf8::is_valid(text))
        return make_error(errc::invalid_argument, "the replacement must be UTF-8 text", field);
    if (utf8::count(text) > 1000)
        return make_error(errc::invalid_argument, "the replacement is longer than 1000 characters",
                          field);
    for (unsigned char c : text)
        if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7F)
            return make_error(errc::invalid_argument, "the replacement holds control characters",
                              field);
    return {};
}

bool is_rule_id_shape(std::string_view s) {
    if (s.empty() || s.size() > 100) return false;
    for (char c : s)
        if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
              c == '_' || c == '.' || c == '-'))
            return false;
    return true;
}

}  // namespace galley
