// The repository contract, run on SQLite and on PostgreSQL (GALLEY_TEST_PG): both must agree.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "domain/ids.hpp"
#include "domain/sha256.hpp"
#include "persistence/blob_references.hpp"
#include "persistence/blob_store.hpp"
#include "persistence/database.hpp"
#include "persistence/document_repository.hpp"
#include "persistence/migrations.hpp"
#include "persistence/project_repository.hpp"
#include "persistence/refresh_token_repository.hpp"
#include "persistence/user_repository.hpp"
#include "tests/support/galley_process.hpp"
#include "tests/support/scratch_db.hpp"

using namespace galley;
using namespace galley::persistence;
using galley::testing::backend_kind;

class repositories : public galley::testing::scratch_database_test {
protected:

    user make_user(const std::string& email) {
        user u{new_uuid(), email, "Name", "hash", "user", "free", now_micros()};
        EXPECT_TRUE(user_repository(*db).create(u).ok());
        return u;
    }

};

TEST_P(repositories, migrations_are_recorded_and_safe_to_run_twice) {
    auto again = apply_migrations(*db);
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(*again, 0);
    auto versions = applied_migrations(*db);
    ASSERT_TRUE(versions.ok());
    EXPECT_EQ(versions->size(), all_migrations().size());
    EXPECT_EQ(versions->front(), 1);
}

TEST_P(repositories, users_are_unique_by_email_and_found_by_id_or_email) {
    user_repository users(*db);
    user u = make_user("ana@example.com");
    user dup{new_uuid(), "ana@example.com", "Other", "h", "user", "free", now_micros()};
    auto s = users.create(dup);
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.err().code, errc::conflict);
    EXPECT_EQ(users.find_by_email("ana@example.com")->id, u.id);
    EXPECT_EQ(users.find_by_id(u.id)->email, "ana@example.com");
    EXPECT_EQ(users.find_by_id(new_uuid()).err().code, errc::not_found);
    ASSERT_TRUE(users.set_plan("ana@example.com", "pro").ok());
    ASSERT_TRUE(users.set_role("ana@example.com", "admin").ok());
    EXPECT_EQ(users.find_by_id(u.id)->plan, "pro");
    EXPECT_EQ(users.find_by_id(u.id)->role, "admin");
    EXPECT_EQ(users.set_plan("nobody@example.com", "pro").err().code, errc::not_found);
    EXPECT_EQ(*users.chars_used(u.id, "2026-11"), 0);
}

// The lookups every request makes keep their statements prepared per pooled session: each call
// must still see its own parameters and the current rows, from many threads at once.
TEST_P(repositories, user_lookups_from_many_threads_each_get_their_own_user) {
    std::vector<user> people;
    for (int i = 0; i < 6; ++i) people.push_back(make_user("reader" + std::to_string(i) + "@example.com"));
    std::atomic<int> wrong{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 6; ++t)
        threads.emplace_back([&, t] {
            user_repository users(*db);
            for (int i = 0; i < 150; ++i) {
                const user& want = people[(t + i) % people.size()];
                user_usage usage{-1, -1};
                auto with = users.find_with_usage(want.id, "2026-11", usage);
                if (!with || with->email != want.email || usage.chars_used != 0 || usage.docs_running != 0) ++wrong;
                auto plain = users.find_by_id(want.id);
                if (!plain || plain->email != want.email || plain->created_at != want.created_at) ++wrong;
                auto missing = users.find_by_id(new_uuid());
                if (missing || missing.err().code != errc::not_found) ++wrong;
            }
        });
    for (auto& th : threads) th.join();
    EXPECT_EQ(wrong.load(), 0);

    user_repository users(*db);
    ASSERT_TRUE(users.set_plan(people[0].email, "pro").ok());
    EXPECT_EQ(users.find_by_id(people[0].id)->plan, "pro") << "a kept statement reads the current row";
}

// Guests (POST /auth/guest) expire with everything they own unless claimed first.
TEST_P(repositories, expired_guests_are_removed_and_live_ones_can_be_claimed) {
    user_repository users(*db);
    micros now = now_micros();
    auto guest = [&](micros expires_at) {
        std::string id = new_uuid();
        user g{id, "guest-" + id + "@guest.invalid", "Guest", "!guest", "user", "guest", now, expires_at};
        EXPECT_TRUE(users.create(g).ok());
        return g;
    };
    user gone = guest(now - 1);
    user live = guest(now + 3'600'000'000LL);
    user member = make_user("member@example.com");
    project p{new_uuid(), gone.id, "P", "auto", now, 0};
    ASSERT_TRUE(project_repository(*db).create(p).ok());

    auto found = users.find_by_id(live.id);
    ASSERT_TRUE(found.ok());
    EXPECT_TRUE(found->guest());
    EXPECT_EQ(found->expires_at, live.expires_at);
    EXPECT_FALSE(users.find_by_id(member.id)->guest());

    auto removed = users.remove_expired_guests(now, 100);
    ASSERT_TRUE(removed.ok()) << removed.err().message;
    ASSERT_EQ(removed->size(), 1u);
    EXPECT_EQ((*removed)[0], gone.id);
    EXPECT_EQ(users.find_by_id(gone.id).err().code, errc::not_found);
    EXPECT_EQ(project_repository(*db).get(gone.id, p.id).err().code, errc::not_found)
        << "the guest's projects go with it";
    EXPECT_TRUE(users.remove_expired_guests(now, 100)->empty());

    EXPECT_EQ(users.claim_guest(live.id, "member@example.com", "h", now).err().code, errc::conflict)
        << "a taken email";
    ASSERT_TRUE(users.claim_guest(live.id, "claimed@example.com", "h2", now).ok());
    auto claimed = users.find_by_id(live.id);
    ASSERT_TRUE(claimed.ok());
    EXPECT_FALSE(claimed->guest());
    EXPECT_EQ(claimed->plan, "free");
    EXPECT_EQ(claimed->email, "claimed@example.com");
    EXPECT_EQ(users.find_by_email("claimed@example.com")->id, live.id);
    EXPECT_EQ(users.claim_guest(live.id, "again@example.com", "h", now).err().code, errc::conflict)
        << "a claimed account is no longer a guest";
    EXPECT_EQ(users.claim_guest(member.id, "other@example.com", "h", now).err().code, errc::conflict);
    EXPECT_TRUE(users.remove_expired_guests(now + 7'200'000'000LL, 100)->empty()) << "claimed users never expire";
}

// A kept (prepared once) lookup must not leave its SQLite session inside a read transaction:
// the session's next write would fail at once (SQLITE_BUSY_SNAPSHOT) after another commit.
TEST(repositories_sqlite, a_kept_lookup_leaves_no_read_transaction_open) {
    std::string url = galley::testing::scratch_database_url(backend_kind::sqlite);
    auto first = database::open(url, 1), second = database::open(url, 1);
    ASSERT_TRUE(first.ok() && second.ok());
    ASSERT_TRUE(apply_migrations(**first).ok());
    user_repository a(**first), b(**second);
    user u{new_uuid(), "reader@example.com", "R", "h", "user", "free", now_micros()};
    ASSERT_TRUE(a.create(u).ok());
    for (int round = 0; round < 3; ++round) {
        ASSERT_TRUE(a.find_by_id(u.id).ok());
        user_usage usage;
        ASSERT_TRUE(a.find_with_usage(u.id, "2026-11", usage).ok());
        user other{new_uuid(), "w" + std::to_string(round) + "@example.com", "W", "h", "user", "free", now_micros()};
        ASSERT_TRUE(b.create(other).ok()) << "another session commits";
        user mine{new_uuid(), "a" + std::to_string(round) + "@example.com", "A", "h", "user", "free", now_micros()};
        auto s = a.create(mine);
        EXPECT_TRUE(s.ok()) << "the reading session writes next: " << (s.ok() ? "" : s.err().message);
    }
}

TEST_P(repositories, concurrent_registrations_of_one_email_let_exactly_one_win) {
    std::atomic<int> wins{0}, conflicts{0};
    std::vector<std::thread> threads;
    for (int i = 0; i < 4; ++i)
        threads.emplace_back([&] {
            user u{new_uuid(), "race@example.com", "R", "h", "user", "free", now_micros()};
            auto s = user_repository(*db).create(u);
            (s.ok() ? wins : conflicts)++;
        });
    for (auto& t : threads) t.join();
    EXPECT_EQ(wins.load(), 1);
    EXPECT_EQ(conflicts.load(), 3);
}

TEST_P(repositories, refresh_tokens_rotate_once_and_reuse_revokes_the_family) {
    user u = make_user("tok@example.com");
    refresh_token_repository tokens(*db);
    micros now = now_micros(), later = now + 3'600'000'000;
    ASSERT_TRUE(tokens.insert("h1", u.id, "fam", later).ok());
    auto g = tokens.rotate("h1", "h2", now, later);
    ASSERT_TRUE(g.ok()) << g.err().message;
    EXPECT_EQ(g->user_id, u.id);
    // h1 again: reuse → the whole family, h2 included, is revoked.
    EXPECT_EQ(tokens.rotate("h1", "h3", now, later).err().code, errc::unauthorized);
    EXPECT_EQ(tokens.rotate("h2", "h4", now, later).err().code, errc::unauthorized);
    EXPECT_EQ(tokens.rotate("unknown", "h5", now, later).err().code, errc::unauthorized);
    ASSERT_TRUE(tokens.insert("e1", u.id, "fam2", now - 1).ok());
    EXPECT_EQ(tokens.rotate("e1", "e2", now, later).err().code, errc::unauthorized) << "expired";
    ASSERT_TRUE(tokens.insert("l1", u.id, "fam3", later).ok());
    ASSERT_TRUE(tokens.revoke_family_of("l1").ok());
    EXPECT_FALSE(tokens.rotate("l1", "l2", now, later).ok()) << "logged out";
}

TEST_P(repositories, projects_are_private_paginated_and_cascade_their_documents) {
    user a = make_user("a@example.com"), b = make_user("b@example.com");
    project_repository projects(*db);
    document_repository documents(*db);
    std::vector<std::string> ids;
    for (int i = 0; i < 5; ++i) {
        project p{new_uuid(), a.id, "P" + std::to_string(i), "auto", now_micros() + i, 0};
        ASSERT_TRUE(projects.create(p).ok());
        ids.push_back(p.id);
    }
    std::vector<std::string> seen;
    std::optional<cursor_key> after;
    for (int pages = 0; pages < 10; ++pages) {
        auto pg = projects.list(a.id, 2, after);
        ASSERT_TRUE(pg.ok()) << pg.err().message;
        for (const auto& p : pg->items) seen.push_back(p.id);
        if (pg->next_cursor.empty()) break;
        after = decode_cursor(pg->next_cursor);
    }
    EXPECT_EQ(seen, ids) << "pages follow creation order with no gaps or repeats";
    EXPECT_TRUE(projects.list(b.id, 50, std::nullopt)->items.empty());
    EXPECT_EQ(projects.get(b.id, ids[0]).err().code, errc::not_found) << "never reveal others' projects";
    EXPECT_EQ(projects.update(b.id, ids[0], std::string("stolen"), std::nullopt).err().code, errc::not_found);
    EXPECT_EQ(projects.remove(b.id, ids[0]).err().code, errc::not_found);

    document d{new_uuid(), ids[0], a.id, "a.txt", "txt", 10, std::string(64, 'a'), "es", 2, now_micros()};
    ASSERT_TRUE(documents.create(d).ok());
    EXPECT_EQ(projects.get(a.id, ids[0])->document_count, 1);
    EXPECT_EQ(documents.get(b.id, d.id).err().code, errc::not_found);
    EXPECT_EQ(documents.list(a.id, ids[0], 50, std::nullopt)->items.size(), 1u);
    EXPECT_TRUE(*persistence::blob_referenced(*db, ids[0], d.sha256));
    EXPECT_EQ(persistence::referenced_blobs(*db, ids[0])->count(d.sha256), 1u);
    EXPECT_FALSE(*persistence::blob_referenced(*db, ids[1], d.sha256)) << "blobs are per project";
    ASSERT_TRUE(projects.remove(a.id, ids[0]).ok());
    EXPECT_FALSE(*persistence::blob_referenced(*db, ids[0], d.sha256));
    EXPECT_EQ(documents.get(a.id, d.id).err().code, errc::not_found) << "documents go with their project";
    auto renamed = projects.update(a.id, ids[1], std::string("Renamed"), std::string("es"));
    ASSERT_TRUE(renamed.ok());
    EXPECT_EQ(renamed->name, "Renamed");
    EXPECT_EQ(renamed->language, "es");
}

TEST_P(repositories, document_removal_returns_the_row_once) {
    user a = make_user("d@example.com");
    project p{new_uuid(), a.id, "P", "auto", now_micros(), 0};
    ASSERT_TRUE(project_repository(*db).create(p).ok());
    document_repository documents(*db);
    document d{new_uuid(), p.id, a.id, "a.docx", "docx", 10, std::string(64, 'b'), "en", 2, now_micros()};
    ASSERT_TRUE(documents.create(d).ok());
    auto removed = documents.remove(a.id, d.id);
    ASSERT_TRUE(removed.ok());
    EXPECT_EQ(removed->filename, "a.docx");
    EXPECT_EQ(documents.remove(a.id, d.id).err().code, errc::not_found);
}

INSTANTIATE_TEST_SUITE_P(backends, repositories,
                         ::testing::Values(backend_kind::sqlite, backend_kind::postgresql),
                         [](const auto& info) { return galley::testing::backend_label(info.param); });

TEST(blob_store, writes_atomically_by_content_and_removes_projects) {
    auto dir = galley::testing::make_temp_dir("galley-blobs");
    auto store = blob_store::open(dir);
    ASSERT_TRUE(store.ok());
    std::string u = new_uuid(), p = new_uuid();
    auto sha = store->put(u, p, "manuscript bytes");
    ASSERT_TRUE(sha.ok());
    EXPECT_EQ(*sha, sha256_hex("manuscript bytes"));
    EXPECT_EQ(*store->get(u, p, *sha), "manuscript bytes");
    for (const auto& e : std::filesystem::recursive_directory_iterator(dir))
        EXPECT_EQ(e.path().filename().string().find(".tmp-"), std::string::npos) << "no temp files left";
    EXPECT_EQ(store->put("../../etc", p, "x").err().code, errc::invalid_argument);
    EXPECT_EQ(store->get(u, p, "../../../etc/passwd").err().code, errc::not_found);
    EXPECT_TRUE(store->probe().ok());
    ASSERT_TRUE(store->remove_project(u, p).ok());
    EXPECT_EQ(store->get(u, p, *sha).err().code, errc::not_found);
}
