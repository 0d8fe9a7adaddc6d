#include "domain/fair_share.hpp"

#include <algorithm>

namespace galley {

std::optional<std::size_t> pick_next(std::span<const fair_share_candidate> candidates) {
    std::optional<std::size_t> best;
    for (std::size_t i = 0; i < candidates.size(); ++i) {
        const auto& c = candidates[i];
        if (c.max_concurrent > 0 && c.running >= c.max_concurrent) continue;
        if (!best) {
            best = i;
            continue;
        }
        const auto& b = candidates[*best];
        if (c.virtual_time < b.virtual_time ||
            (c.virtual_time == b.virtual_time &&
             (c.oldest_ready < b.oldest_ready ||
              (c.oldest_ready == b.oldest_ready && c.user_id < b.user_id))))
            best = i;
    }
    return best;
}

std::vector<int> planned_picks(std::span<const fair_share_candidate> candidates, int slots) {
    std::vector<fair_share_candidate> after(candidates.begin(), candidates.end());
    std::vector<int> picks(after.size(), 0);
    for (int i = 0; i < slots; ++i) {
        auto pick = pick_next(after);
        if (!pick) break;
        after[*pick].virtual_time = advance_virtual_time(after[*pick].virtual_time, 1.0, after[*pick].weight);
        after[*pick].running += 1;
        picks[*pick] += 1;
    }
    return picks;
}

double advance_virtual_time(double virtual_time, double work, int weight) {
    return virtual_time + work / static_cast<double>(std::max(weight, 1));
}

double activation_time(double own_virtual_time, double system_floor) {
    return std::max(own_virtual_time, system_floor);
}

}  // namespace galley
