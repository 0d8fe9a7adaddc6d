// The guest sweeper removes expired guests with their rows and stored files, and nothing else.
#include <gtest/gtest.h>

#include <filesystem>

#include "app/guest_sweeper.hpp"
#include "domain/ids.hpp"
#include "persistence/blob_store.hpp"
#include "persistence/project_repository.hpp"
#include "persistence/user_repository.hpp"
#include "tests/support/galley_process.hpp"
#include "tests/support/scratch_db.hpp"

using namespace galley;
using namespace galley::persistence;

TEST(guest_sweeper, removes_expired_guests_with_their_files_and_keeps_the_rest) {
    auto db = galley::testing::migrated_scratch_database(galley::testing::backend_kind::sqlite);
    ASSERT_TRUE(db);
    auto blobs = blob_store::open(galley::testing::make_temp_dir("galley-sweep") + "/storage");
    ASSERT_TRUE(blobs.ok());
    user_repository users(*db);
    micros now = now_micros();
    auto guest_with_a_file = [&](micros expires_at) {
        std::string id = new_uuid();
        user g{id, "guest-" + id + "@guest.invalid", "Guest", "!guest", "user", "guest", now, expires_at};
        EXPECT_TRUE(users.create(g).ok());
        project p{new_uuid(), id, "P", "auto", now, 0};
        EXPECT_TRUE(project_repository(*db).create(p).ok());
        EXPECT_TRUE(blobs->put(id, p.id, "draft text").ok());
        return id;
    };
    std::string expired = guest_with_a_file(now - 1), live = guest_with_a_file(now + 3'600'000'000LL);
    auto user_dir = [&](const std::string& id) { return blobs->root() / "users" / id; };
    ASSERT_TRUE(std::filesystem::exists(user_dir(expired)));

    EXPECT_EQ(app::guest_sweeper::sweep(*db, *blobs, now), 1);
    EXPECT_EQ(users.find_by_id(expired).err().code, errc::not_found);
    EXPECT_FALSE(std::filesystem::exists(user_dir(expired))) << "the expired guest's files are gone";
    EXPECT_TRUE(users.find_by_id(live).ok());
    EXPECT_TRUE(std::filesystem::exists(user_dir(live))) << "a live guest keeps its files";
    EXPECT_EQ(app::guest_sweeper::sweep(*db, *blobs, now), 0) << "a second pass finds nothing";
}
