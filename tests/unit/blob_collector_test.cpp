// The blob collector removes stored files no document or export uses once their grace period
// is over, with leftovers of failed writes, and never a file a row uses or a put just touched.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>

#include "app/blob_collector.hpp"
#include "domain/ids.hpp"
#include "domain/sha256.hpp"
#include "persistence/blob_store.hpp"
#include "persistence/document_repository.hpp"
#include "persistence/project_repository.hpp"
#include "persistence/user_repository.hpp"
#include "tests/support/galley_process.hpp"
#include "tests/support/scratch_db.hpp"

using namespace galley;
using namespace galley::persistence;
namespace fs = std::filesystem;

namespace {
void age(const fs::path& path, std::chrono::hours by) {
    fs::last_write_time(path, fs::file_time_type::clock::now() - by);
}
}  // namespace

TEST(blob_collector, removes_only_old_files_that_no_row_uses) {
    auto db = galley::testing::migrated_scratch_database(galley::testing::backend_kind::sqlite);
    ASSERT_TRUE(db);
    auto blobs = blob_store::open(galley::testing::make_temp_dir("galley-collect") + "/storage");
    ASSERT_TRUE(blobs.ok());
    micros now = now_micros();
    user u{new_uuid(), "owner@example.com", "Owner", "hash", "user", "free", now, 0};
    ASSERT_TRUE(user_repository(*db).create(u).ok());
    project p{new_uuid(), u.id, "P", "auto", now, 0};
    ASSERT_TRUE(project_repository(*db).create(p).ok());
    auto used = blobs->put(u.id, p.id, "a document's text");
    auto orphan = blobs->put(u.id, p.id, "a deleted document's text");
    auto fresh = blobs->put(u.id, p.id, "an upload whose row is being written");
    auto touched = blobs->put(u.id, p.id, "content uploaded again");
    ASSERT_TRUE(used && orphan && fresh && touched);
    document d{new_uuid(), p.id, u.id, "a.txt", "txt", 17, *used, "en", 3, now};
    ASSERT_TRUE(document_repository(*db).create(d).ok());
    const fs::path dir = blobs->root() / "users" / u.id / "projects" / p.id;
    const fs::path leftover = dir / (*orphan + ".tmp-" + new_uuid());
    { std::ofstream(leftover) << "half a write"; }
    for (const auto& sha : {*used, *orphan, *touched}) age(dir / sha, std::chrono::hours(2));
    age(leftover, std::chrono::hours(2));
    ASSERT_TRUE(blobs->put(u.id, p.id, "content uploaded again").ok()) << "touches the old file";

    EXPECT_EQ(app::blob_collector::collect(*db, *blobs, std::chrono::hours(1)), 2);
    EXPECT_TRUE(fs::exists(dir / *used)) << "a document uses it";
    EXPECT_FALSE(fs::exists(dir / *orphan)) << "nobody uses it and it is old";
    EXPECT_FALSE(fs::exists(leftover)) << "a write that never finished";
    EXPECT_TRUE(fs::exists(dir / *fresh)) << "within its grace period";
    EXPECT_TRUE(fs::exists(dir / *touched)) << "a put restarted its grace period";
    EXPECT_EQ(app::blob_collector::collect(*db, *blobs, std::chrono::hours(1)), 0);
}

TEST(blob_collector, restores_a_file_left_aside_by_an_interrupted_pass) {
    auto blobs = blob_store::open(galley::testing::make_temp_dir("galley-collect-aside") + "/storage");
    ASSERT_TRUE(blobs.ok());
    std::string u = new_uuid(), p = new_uuid();
    auto sha = blobs->put(u, p, "kept text");
    ASSERT_TRUE(sha);
    const fs::path dir = blobs->root() / "users" / u / "projects" / p;
    const std::string aside = *sha + ".gc-" + new_uuid();
    fs::rename(dir / *sha, dir / aside);
    auto r = blobs->remove_if_unused(u, p, aside, std::chrono::hours(1), [] { return result<bool>(true); });
    ASSERT_TRUE(r.ok());
    EXPECT_FALSE(*r);
    EXPECT_EQ(*blobs->get(u, p, *sha), "kept text");
}
