#pragma once
// A user's correction defaults (API.md, GET|PUT /users/me/settings): the language and variant,
// rules switched off, whether runs write tracked-changes copies, and a webhook URL. Runs created
// without options take these.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/result.hpp"
#include "domain/run_model.hpp"

namespace galley {

struct user_settings {
    std::string language = "auto";       // "auto" | "es" | "en"
    std::optional<std::string> variant;  // es_ES, es_MX, ..., en_US, en_GB
    std::vector<std::string> rules_disabled;
    bool tracked_changes = true;
    std::optional<std::string> webhook_url;  // http(s)://, at most 2048 bytes
};

std::string to_json_text(const user_settings& s);
/// Parses a full settings object; invalid_argument naming the field for bad values (unknown
/// language, variant or rule, a non-http(s) webhook, wrong types). Missing fields keep defaults.
result<user_settings> parse_user_settings(std::string_view json_text);

/// The run options a user's defaults imply.
run_options default_run_options(const user_settings& s);

}  // namespace galley
