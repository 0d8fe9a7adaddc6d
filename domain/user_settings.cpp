#include "domain/user_settings.hpp"

#include <nlohmann/json.hpp>

#include "domain/engine/catalogue.hpp"
#include "domain/validation.hpp"

namespace galley {

namespace {
bool is_variant(std::string_view v) {
    static const char* kVariants[] = {"es_ES", "es_MX", "es_AR", "es_CO", "es_CL", "es_PE", "es_VE", "es_US",
                                      "en_US", "en_GB"};
    for (const char* k : kVariants)
        if (v == k) return true;
    return false;
}

bool is_web_url(std::string_view u) {
    if (u.size() > 2048) return false;
    std::string_view rest;
    if (u.rfind("https://", 0) == 0) rest = u.substr(8);
    else if (u.rfind("http://", 0) == 0) rest = u.substr(7);
    else return false;
    if (rest.empty() || rest.front() == '/') return false;
    for (unsigned char c : u)
        if (c <= 0x20 || c >= 0x7F) return false;
    return true;
}
}  // namespace

std::string to_json_text(const user_settings& s) {
    return nlohmann::json{{"language", s.language},
                          {"variant", s.variant ? nlohmann::json(*s.variant) : nlohmann::json()},
                          {"rules_disabled", s.rules_disabled},
                          {"tracked_changes", s.tracked_changes},
                          {"webhook_url", s.webhook_url ? nlohmann::json(*s.webhook_url) : nlohmann::json()}}
        .dump();
}

result<user_settings> parse_user_settings(std::string_view text) {
    auto bad = [](const char* field, const char* why) {
        return make_error(errc::invalid_argument, std::string(field) + " " + why, field);
    };
    auto j = nlohmann::json::parse(text.begin(), text.end(), nullptr, false);
    if (j.is_discarded() || !j.is_object()) return make_error(errc::bad_request, "the body must be a JSON object");
    user_settings s;
    if (auto it = j.find("language"); it != j.end() && !it->is_null()) {
        if (!it->is_string() || !is_valid_language_setting(it->get<std::string>()))
            return bad("language", "must be auto, es or en");
        s.language = it->get<std::string>();
    }
    if (auto it = j.find("variant"); it != j.end() && !it->is_null()) {
        if (!it->is_string() || !is_variant(it->get<std::string>()))
            return bad("variant", "must be null or a variant such as es_ES, es_MX, en_US or en_GB");
        s.variant = it->get<std::string>();
    }
    if (auto it = j.find("rules_disabled"); it != j.end() && !it->is_null()) {
        if (!it->is_array() || it->size() > 500) return bad("rules_disabled", "must be a list of rule ids");
        for (const auto& r : *it) {
            if (!r.is_string() || !rule_index(r.get<std::string>()))
                return bad("rules_disabled", "must list rule ids from GET /api/v1/rules");
            s.rules_disabled.push_back(r.get<std::string>());
        }
    }
    if (auto it = j.find("tracked_changes"); it != j.end() && !it->is_null()) {
        if (!it->is_boolean()) return bad("tracked_changes", "must be true or false");
        s.tracked_changes = it->get<bool>();
    }
    if (auto it = j.find("webhook_url"); it != j.end() && !it->is_null()) {
        if (!it->is_string() || !is_web_url(it->get<std::string>()))
            return bad("webhook_url", "must be null or an http(s) URL of at most 2048 characters");
        s.webhook_url = it->get<std::string>();
    }
    return s;
}

run_options default_run_options(const user_settings& s) {
    return run_options{s.language, s.rules_disabled, s.tracked_changes};
}

}  // namespace galley
