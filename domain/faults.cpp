#include "domain/faults.hpp"

#include <algorithm>
#include <charconv>

namespace galley {

namespace {
bool matches(const std::vector<fault_plan::throw_on>& faults, std::string_view filename, int attempt) {
    for (const auto& t : faults)
        if (filename.find(t.substring) != std::string_view::npos && attempt <= t.attempts) return true;
    return false;
}

int longest(const std::vector<fault_plan::slow>& faults, std::string_view filename) {
    int ms = 0;
    for (const auto& s : faults)
        if (filename.find(s.substring) != std::string_view::npos) ms = std::max(ms, s.millis);
    return ms;
}
}  // namespace

bool fault_plan::should_throw(std::string_view filename, int attempt) const { return matches(throws, filename, attempt); }

bool fault_plan::should_crash(std::string_view filename, int attempt) const { return matches(crashes, filename, attempt); }

int fault_plan::slow_millis(std::string_view filename) const { return longest(slows, filename); }

int fault_plan::slow_commit_millis(std::string_view filename) const { return longest(slow_commits, filename); }

int fault_plan::hold_commit_millis(std::string_view filename) const { return longest(held_commits, filename); }

int fault_plan::forward_delay_millis(std::string_view kind) const { return longest(forward_delays, kind); }

int fault_plan::membership_millis(std::string_view node_id) const { return longest(slow_members, node_id); }

result<fault_plan> parse_faults(std::string_view spec) {
    fault_plan plan;
    auto bad = [](std::string_view item) {
        return make_error(errc::invalid_argument,
                          "GALLEY_FAULTS: '" + std::string(item) +
                              "' is not throw_on=SUBSTR:N, crash_on=SUBSTR:N, slow_ms=SUBSTR:MS, slow_commit=SUBSTR:MS, hold_commit=SUBSTR:MS, delay_forward=KIND:MS or slow_member=NODE:MS",
                          "faults");
    };
    while (!spec.empty()) {
        auto comma = spec.find(',');
        std::string_view item = spec.substr(0, comma);
        spec = comma == std::string_view::npos ? std::string_view() : spec.substr(comma + 1);
        if (item.empty()) continue;
        auto eq = item.find('=');
        auto colon = item.rfind(':');
        if (eq == std::string_view::npos || colon == std::string_view::npos || colon < eq) return bad(item);
        std::string_view kind = item.substr(0, eq), substr = item.substr(eq + 1, colon - eq - 1),
                         number = item.substr(colon + 1);
        int n = 0;
        auto [p, ec] = std::from_chars(number.data(), number.data() + number.size(), n);
        if (ec != std::errc() || p != number.data() + number.size() || n < 0 || substr.empty()) return bad(item);
        if (kind == "throw_on")
            plan.throws.push_back({std::string(substr), n});
        else if (kind == "crash_on")
            plan.crashes.push_back({std::string(substr), n});
        else if (kind == "slow_ms")
            plan.slows.push_back({std::string(substr), n});
        else if (kind == "slow_commit")
            plan.slow_commits.push_back({std::string(substr), n});
        else if (kind == "hold_commit")
            plan.held_commits.push_back({std::string(substr), n});
        else if (kind == "delay_forward")
            plan.forward_delays.push_back({std::string(substr), n});
        else if (kind == "slow_member")
            plan.slow_members.push_back({std::string(substr), n});
        else
            return bad(item);
    }
    return plan;
}

}  // namespace galley
