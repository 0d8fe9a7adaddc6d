#include "domain/feature_flags.hpp"

#include <array>

namespace galley {

namespace {
constexpr std::array<feature_flag, 1> kFlags{{
    {kTrackedChangesExport,
     "Runs write a DOCX with every suggestion as a Word tracked change (tracked_docx). Off: new runs "
     "skip it, whatever their options say.",
     true},
}};
}  // namespace

std::span<const feature_flag> known_feature_flags() { return kFlags; }

const feature_flag* find_feature_flag(std::string_view name) {
    for (const auto& f : kFlags)
        if (f.name == name) return &f;
    return nullptr;
}

void flag_snapshot::set(const std::string& name, const std::string& user_id, bool enabled) {
    settings_[{name, user_id}] = enabled;
}

bool flag_snapshot::enabled(std::string_view name, std::string_view user_id) const {
    if (!user_id.empty())
        if (auto it = settings_.find(std::pair{std::string(name), std::string(user_id)}); it != settings_.end())
            return it->second;
    if (auto it = settings_.find(std::pair{std::string(name), std::string()}); it != settings_.end()) return it->second;
    const feature_flag* f = find_feature_flag(name);
    return f && f->default_enabled;
}

}  // namespace galley
