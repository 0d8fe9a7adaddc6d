#include "http/json_input.hpp"

#include <charconv>

namespace galley::http {

result<nlohmann::json> parse_json_object(const http_request& req, bool empty_ok) {
    if (req.body.empty()) {
        if (empty_ok) return nlohmann::json::object();
        return make_error(errc::bad_request, "a JSON body is required");
    }
    if (req.body.size() > (1u << 20)) return make_error(errc::bad_request, "the JSON body is too large");
    auto j = nlohmann::json::parse(req.body.begin(), req.body.end(), nullptr, false);
    if (j.is_discarded()) return make_error(errc::bad_request, "the body is not valid JSON");
    if (!j.is_object()) return make_error(errc::bad_request, "the body must be a JSON object");
    return j;
}

result<std::optional<std::string>> optional_string(const nlohmann::json& obj, std::string_view field,
                                                   std::size_t max_bytes) {
    std::string f(field);
    auto it = obj.find(f);
    if (it == obj.end() || it->is_null()) return std::optional<std::string>();
    if (!it->is_string()) return make_error(errc::invalid_argument, f + " must be a string", f);
    const auto& s = it->get_ref<const std::string&>();
    if (s.size() > max_bytes) return make_error(errc::invalid_argument, f + " is too long", f);
    return std::optional<std::string>(s);
}

result<std::string> required_string(const nlohmann::json& obj, std::string_view field,
                                    std::size_t max_bytes) {
    auto v = optional_string(obj, field, max_bytes);
    if (!v) return v.err();
    if (!*v) return make_error(errc::invalid_argument, std::string(field) + " is required", std::string(field));
    return std::move(**v);
}

result<int> list_limit(const http_request& req) {
    auto raw = req.query_param("limit");
    if (!raw) return 50;
    int n = 0;
    auto [p, ec] = std::from_chars(raw->data(), raw->data() + raw->size(), n);
    if (ec != std::errc() || p != raw->data() + raw->size() || n < 1 || n > 500)
        return make_error(errc::bad_request, "limit must be an integer between 1 and 500");
    return n;
}

result<std::optional<cursor_key>> list_cursor(const http_request& req) {
    auto raw = req.query_param("cursor");
    if (!raw || raw->empty()) return std::optional<cursor_key>();
    auto key = decode_cursor(*raw);
    if (!key) return make_error(errc::bad_request, "cursor is not valid");
    return std::optional<cursor_key>(std::move(*key));
}

}  // namespace galley::http
