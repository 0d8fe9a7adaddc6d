#pragma once
// Feature flags (API.md, Operations): switches an admin turns on or off for everyone or for one
// user without a deploy. The flags galley knows are listed here with their defaults; a per-user
// setting beats the global one, which beats the default. Pure: persistence/ stores the settings
// and caches a snapshot.
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>

namespace galley {

struct feature_flag {
    std::string_view name;
    std::string_view description;
    bool default_enabled;
};

/// Every flag galley reads, in name order.
std::span<const feature_flag> known_feature_flags();

/// The flag called `name`, if galley knows it.
const feature_flag* find_feature_flag(std::string_view name);

inline constexpr std::string_view kTrackedChangesExport = "tracked_changes_export";

/// The stored settings at one moment.
class flag_snapshot {
public:
    /// `user_id` empty: the global setting.
    void set(const std::string& name, const std::string& user_id, bool enabled);
    /// The user's setting, else the global one, else the flag's default (false for an unknown flag).
    bool enabled(std::string_view name, std::string_view user_id) const;

private:
    std::map<std::pair<std::string, std::string>, bool, std::less<>> settings_;  // (name, user or "")
};

}  // namespace galley
