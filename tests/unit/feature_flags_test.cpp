// Feature flags: a user's setting beats the global one, which beats the flag's default.
#include "domain/feature_flags.hpp"

#include <gtest/gtest.h>

using namespace galley;

TEST(feature_flags, a_users_setting_beats_the_global_one_which_beats_the_default) {
    flag_snapshot s;
    EXPECT_TRUE(s.enabled(kTrackedChangesExport, "ana")) << "tracked changes are on by default";
    s.set(std::string(kTrackedChangesExport), "", false);
    EXPECT_FALSE(s.enabled(kTrackedChangesExport, "ana"));
    EXPECT_FALSE(s.enabled(kTrackedChangesExport, ""));
    s.set(std::string(kTrackedChangesExport), "ana", true);
    EXPECT_TRUE(s.enabled(kTrackedChangesExport, "ana"));
    EXPECT_FALSE(s.enabled(kTrackedChangesExport, "ben"));
    EXPECT_FALSE(s.enabled("no_such_flag", "ana")) << "an unknown flag is off";
}

TEST(feature_flags, every_known_flag_is_found_by_name_and_described) {
    ASSERT_FALSE(known_feature_flags().empty());
    for (const auto& f : known_feature_flags()) {
        EXPECT_EQ(find_feature_flag(f.name), &f);
        EXPECT_FALSE(f.description.empty()) << f.name;
    }
    EXPECT_EQ(find_feature_flag("tracked_changes"), nullptr);
}
