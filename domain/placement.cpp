#include "domain/placement.hpp"

#include <cstdint>

namespace galley {

namespace {
// 64-bit FNV-1a followed by a splitmix64 finaliser: fast, stable across platforms and builds.
std::uint64_t score(std::string_view node, std::string_view key) {
    std::uint64_t h = 1469598103934665603ull;
    auto mix = [&](std::string_view s) {
        for (unsigned char c : s) {
            h ^= c;
            h *= 1099511628211ull;
        }
    };
    mix(node);
    h ^= 0xff;
    mix(key);
    h += 0x9e3779b97f4a7c15ull;
    h = (h ^ (h >> 30)) * 0xbf58476d1ce4e5b9ull;
    h = (h ^ (h >> 27)) * 0x94d049bb133111ebull;
    return h ^ (h >> 31);
}
}  // namespace

std::optional<std::string> rendezvous_owner(std::string_view key, const std::vector<std::string>& nodes) {
    std::optional<std::string> best;
    std::uint64_t best_score = 0;
    for (const auto& n : nodes) {
        std::uint64_t s = score(n, key);
        if (!best || s > best_score || (s == best_score && n < *best)) {
            best = n;
            best_score = s;
        }
    }
    return best;
}

}  // namespace galley
