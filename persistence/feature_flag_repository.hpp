#pragma once
// Feature flag settings (domain/feature_flags.hpp) as stored, and a cache every node reads them
// through. The cache reloads the whole table when its copy is older than the refresh interval
// (2 s), so a change made on any node is seen by every node within that interval plus one read;
// a change made through this node's cache is seen at once. Reads never wait on the database
// while a fresh-enough copy exists; when a reload fails the old copy stays in use.
#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "domain/clock.hpp"
#include "domain/feature_flags.hpp"
#include "domain/result.hpp"
#include "persistence/database.hpp"

namespace galley::persistence {

struct flag_setting {
    std::string name;
    std::string user_id;  // empty: global
    bool enabled = false;
    micros updated_at = 0;
    std::string updated_by;
};

/// One entry of PUT /admin/feature-flags: `enabled` nullopt removes the setting.
struct flag_change {
    std::string name;
    std::string user_id;
    std::optional<bool> enabled;
};

class feature_flag_repository {
public:
    static constexpr int kMaxSettings = 10'000;

    explicit feature_flag_repository(database& db) : db_(db) {}

    /// Every setting, by (name, user_id) with the global one first.
    result<std::vector<flag_setting>> all();

    /// Applies `changes` in one transaction; not_found when a user_id names no user;
    /// invalid_argument past kMaxSettings.
    status apply(const std::vector<flag_change>& changes, const std::string& updated_by, micros now);

private:
    database& db_;
};

class feature_flag_cache {
public:
    using clock_fn = std::function<std::chrono::steady_clock::time_point()>;

    explicit feature_flag_cache(database& db, std::chrono::milliseconds refresh = std::chrono::seconds(2),
                                clock_fn clock = [] { return std::chrono::steady_clock::now(); });

    bool enabled(std::string_view name, std::string_view user_id);
    /// The next read reloads (after a change through this node).
    void invalidate();

private:
    std::shared_ptr<const flag_snapshot> current();

    feature_flag_repository repo_;
    std::chrono::milliseconds refresh_;
    clock_fn clock_;
    std::mutex mutex_;  // guards snapshot_ and loaded_at_
    std::shared_ptr<const flag_snapshot> snapshot_;
    std::optional<std::chrono::steady_clock::time_point> loaded_at_;
    std::mutex reload_;  // one reload at a time; readers keep the old copy meanwhile
};

}  // namespace galley::persistence
