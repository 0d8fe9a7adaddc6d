#pragma once
// Overlap resolution: at most one finding per span of a paragraph.
#include <vector>

#include "domain/engine/rule_context.hpp"

namespace galley::engine_detail {

/// Keeps a deterministic subset with no two findings overlapping (sharing a code point or the
/// same start): higher confidence wins, then the rule earlier in catalogue(), then the earlier
/// and shorter span. Returns the kept findings sorted by offset.
std::vector<finding> resolve_overlaps(std::vector<finding> findings);

}  // namespace galley::engine_detail
