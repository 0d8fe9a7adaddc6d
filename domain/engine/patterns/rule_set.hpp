#pragma once
// The rules written as data: the rule files linked into the binary (rules/*.rules), parsed
// once on first use and shared, with one matcher per language. The catalogue lists them.
#include <vector>

#include "domain/engine/patterns/matcher.hpp"
#include "domain/engine/patterns/pattern_rule.hpp"
#include "domain/engine/rule_context.hpp"

namespace galley::engine_detail {

/// Every rule of every embedded rule file. A file that fails to parse contributes no rules
/// (the test suite parses every file strictly, so a broken file never ships).
const std::vector<pattern_rule>& pattern_rules();

/// The matcher of `l` (es or en). Thread-safe after first use.
const pattern_matcher& pattern_matcher_for(lang l);

}  // namespace galley::engine_detail
