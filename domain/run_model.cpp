#include "domain/run_model.hpp"

#include <nlohmann/json.hpp>

#include "domain/engine/catalogue.hpp"
#include "domain/validation.hpp"

namespace galley {

std::string to_json_text(const run_options& o) {
    return nlohmann::json{{"language", o.language},
                          {"rules_disabled", o.rules_disabled},
                          {"tracked_changes", o.tracked_changes}}
        .dump();
}

result<run_options> parse_run_options(std::string_view json_text) {
    auto bad = [](const char* field, std::string why) {
        return make_error(errc::invalid_argument, "options." + std::string(field) + " " + why,
                          std::string("options.") + field);
    };
    run_options o;
    if (json_text.empty()) return o;
    auto j = nlohmann::json::parse(json_text.begin(), json_text.end(), nullptr, false);
    if (j.is_discarded() || !j.is_object())
        return make_error(errc::invalid_argument, "options must be an object", "options");
    if (auto it = j.find("language"); it != j.end() && !it->is_null()) {
        if (!it->is_string() || !is_valid_language_setting(it->get<std::string>()))
            return bad("language", "must be auto, es or en");
        o.language = it->get<std::string>();
    }
    if (auto it = j.find("tracked_changes"); it != j.end() && !it->is_null()) {
        if (!it->is_boolean()) return bad("tracked_changes", "must be true or false");
        o.tracked_changes = it->get<bool>();
    }
    if (auto it = j.find("rules_disabled"); it != j.end() && !it->is_null()) {
        if (!it->is_array() || it->size() > 500) return bad("rules_disabled", "must be a list of rule ids");
        for (const auto& id : *it) {
            if (!id.is_string()) return bad("rules_disabled", "must be a list of rule ids");
            std::string rule = id.get<std::string>();
            if (!rule_index(rule)) return bad("rules_disabled", "names an unknown rule: " + rule.substr(0, 64));
            o.rules_disabled.push_back(rule);
        }
    }
    return o;
}

}  // namespace galley
