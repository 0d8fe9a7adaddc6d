#include "domain/engine/resolve.hpp"

#include <algorithm>
#include <tuple>

namespace galley::engine_detail {

namespace {

bool overlaps(const finding& a, const finding& b) {
    if (a.offset == b.offset) return true;
    return a.offset < b.offset + b.length && b.offset < a.offset + a.length;
}

}  // namespace

std::vector<finding> resolve_overlaps(std::vector<finding> findings) {
    std::sort(findings.begin(), findings.end(), [](const finding& a, const finding& b) {
        return std::make_tuple(-a.confidence, a.rule, a.offset, a.length, a.replacement) <
               std::make_tuple(-b.confidence, b.rule, b.offset, b.length, b.replacement);
    });
    std::vector<finding> kept;
    for (auto& f : findings) {
        bool clash =
            std::any_of(kept.begin(), kept.end(), [&](const finding& k) { return overlaps(k, f); });
        if (!clash) kept.push_back(std::move(f));
    }
    std::sort(kept.begin(), kept.end(), [](const finding& a, const finding& b) {
        return std::tie(a.offset, a.length) < std::tie(b.offset, b.length);
    });
    return kept;
}

}  // namespace galley::engine_detail
