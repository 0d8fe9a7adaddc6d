#pragma once
// The rule catalogue: every rule id the engine can report, what `rules_disabled` may name and
// what GET /api/v1/rules lists. Its order is the fixed priority used to break overlap ties.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/engine/suggestion.hpp"

namespace galley {

struct rule_info {
    std::string id;
    category cat = category::spelling;
    std::string language;  // "es", "en" or "any" (language-independent)
    std::string description;
    std::string example;  // "wrong → right" (or just the flagged text for notes)
};

/// Every rule, most specific first. Ids are unique and stable across releases.
const std::vector<rule_info>& catalogue();

/// Rules that apply to `language` ("es", "en"): that language's rules plus the "any" ones.
std::vector<rule_info> catalogue_for(std::string_view language);

/// Position of `id` in catalogue() (its priority: lower wins), or nullopt for unknown ids.
std::optional<std::size_t> rule_index(std::string_view id);

}  // namespace galley
