#pragma once
// GALLEY_PLANS_FILE: JSON {"plan": {"weight": 1, "max_concurrent": 2, ...}, ...} whose plans
// replace the defaults of the same name (DESIGN.md, Plans). Unknown fields are errors, so a
// typo does not silently leave a default in force.
#include <string>
#include <string_view>

#include "domain/plans.hpp"
#include "domain/result.hpp"

namespace galley::app {

/// Parses the text of a plans file over the default table.
result<plan_table> parse_plans(std::string_view json_text);
/// Reads and parses a plans file; invalid_argument (field `plans`) with the reason.
result<plan_table> load_plans_file(const std::string& path);

}  // namespace galley::app
