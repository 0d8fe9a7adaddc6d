// The admin's repositories on SQLite and PostgreSQL: the audit log (filters, paging, pruning) and
// accounts (search with usage, changes, session revocation, usage per plan).
#include <gtest/gtest.h>

#include "domain/ids.hpp"
#include "persistence/account_admin_repository.hpp"
#include "persistence/audit_repository.hpp"
#include "persistence/document_repository.hpp"
#include "persistence/feature_flag_repository.hpp"
#include "persistence/rate_bucket_repository.hpp"
#include "persistence/project_repository.hpp"
#include "persistence/refresh_token_repository.hpp"
#include "persistence/user_repository.hpp"
#include "tests/support/scratch_db.hpp"

using namespace galley;
using namespace galley::persistence;
using galley::testing::backend_kind;

class admin_repositories : public galley::testing::scratch_database_test {
protected:
    user make_user(const std::string& email, const std::string& name, const std::string& plan, micros created) {
        user u{new_uuid(), email, name, "hash", "user", plan, created};
        EXPECT_TRUE(user_repository(*db).create(u).ok());
        return u;
    }
    audit_entry line(micros at, const std::string& actor, const std::string& action) {
        return {new_uuid(), at, actor, action, "target", "req-1", "192.0.2.1", R"({"n": 1})"};
    }
};

TEST_P(admin_repositories, audit_lines_are_filtered_paged_in_time_order_and_pruned) {
    audit_repository log(*db);
    const micros t0 = 1'800'000'000'000'000;
    const std::string ana = new_uuid(), ben = new_uuid();
    for (int i = 0; i < 6; ++i)
        ASSERT_TRUE(log.record(line(t0 + i * 1'000'000, i % 2 ? ben : ana, i < 3 ? "document.upload" : "run.create")).ok());
    ASSERT_TRUE(log.record(line(t0 + 10'000'000, "", "auth.login_failed")).ok());

    std::vector<micros> seen;
    std::optional<cursor_key> after;
    for (int pages = 0; pages < 10; ++pages) {
        auto pg = log.list({}, 3, after);
        ASSERT_TRUE(pg.ok()) << pg.err().message;
        for (const auto& e : pg->items) seen.push_back(e.at);
        if (pg->next_cursor.empty()) break;
        after = decode_cursor(pg->next_cursor);
    }
    ASSERT_EQ(seen.size(), 7u);
    EXPECT_TRUE(std::is_sorted(seen.begin(), seen.end()));

    auto by_ana = log.list({ana, std::nullopt, std::nullopt, std::nullopt}, 50, std::nullopt);
    ASSERT_TRUE(by_ana.ok());
    EXPECT_EQ(by_ana->items.size(), 3u);
    auto uploads = log.list({std::nullopt, std::string("document.upload"), std::nullopt, std::nullopt}, 50, std::nullopt);
    EXPECT_EQ(uploads->items.size(), 3u);
    auto window = log.list({ben, std::nullopt, t0 + 1'000'000, t0 + 5'000'000}, 50, std::nullopt);
    ASSERT_EQ(window->items.size(), 2u) << "since is inclusive, until exclusive";
    EXPECT_EQ(window->items[0].at, t0 + 1'000'000);
    EXPECT_EQ(window->items[0].details, R"({"n": 1})");
    EXPECT_EQ(window->items[0].client_address, "192.0.2.1");
    auto anonymous = log.list({std::nullopt, std::string("auth.login_failed"), std::nullopt, std::nullopt}, 50, std::nullopt);
    ASSERT_EQ(anonymous->items.size(), 1u);
    EXPECT_EQ(anonymous->items[0].actor_id, "") << "no actor stays empty, not another line's";

    auto pruned = log.prune(t0 + 3'000'000, 2);
    ASSERT_TRUE(pruned.ok());
    EXPECT_EQ(*pruned, 2) << "a batch at a time";
    EXPECT_EQ(*log.prune(t0 + 3'000'000, 2), 1);
    EXPECT_EQ(*log.prune(t0 + 3'000'000, 2), 0);
    EXPECT_EQ(log.list({}, 50, std::nullopt)->items.size(), 4u);
}

TEST_P(admin_repositories, accounts_are_searched_with_usage_changed_and_revoked) {
    account_admin_repository accounts(*db);
    const micros t0 = now_micros();
    user ana = make_user("ana@example.com", "Ana Ozores", "free", t0);
    user ben = make_user("ben_50%@example.com", "Benito", "pro", t0 + 1);
    make_user("carla@example.org", "Carla", "free", t0 + 2);
    project p{new_uuid(), ana.id, "P", "auto", t0, 0};
    ASSERT_TRUE(project_repository(*db).create(p).ok());
    document d{new_uuid(), p.id, ana.id, "a.txt", "txt", 1234, std::string(64, 'a'), "es", 2, t0, 10};
    ASSERT_TRUE(document_repository(*db).create(d).ok());

    auto all = accounts.search("", "", "2026-11", 2, std::nullopt);
    ASSERT_TRUE(all.ok()) << all.err().message;
    ASSERT_EQ(all->items.size(), 2u);
    EXPECT_EQ(all->items[0].account.id, ana.id);
    EXPECT_EQ(all->items[0].documents, 1);
    EXPECT_EQ(all->items[0].stored_bytes, 1234);
    auto rest = accounts.search("", "", "2026-11", 2, decode_cursor(all->next_cursor));
    ASSERT_EQ(rest->items.size(), 1u);
    EXPECT_TRUE(rest->next_cursor.empty());

    EXPECT_EQ(accounts.search("OZORES", "", "2026-11", 50, std::nullopt)->items.size(), 1u) << "names, any case";
    EXPECT_EQ(accounts.search("example.org", "", "2026-11", 50, std::nullopt)->items.size(), 1u);
    EXPECT_EQ(accounts.search("50%", "", "2026-11", 50, std::nullopt)->items.size(), 1u);
    EXPECT_EQ(accounts.search("_", "", "2026-11", 50, std::nullopt)->items.size(), 1u) << "wildcards are literal";
    EXPECT_EQ(accounts.search("", "pro", "2026-11", 50, std::nullopt)->items.at(0).account.id, ben.id);

    account_change change;
    change.plan = "pro";
    change.disabled = true;
    auto changed = accounts.update(ana.id, change);
    ASSERT_TRUE(changed.ok());
    EXPECT_EQ(changed->plan, "pro");
    EXPECT_TRUE(changed->disabled);
    EXPECT_EQ(accounts.update(new_uuid(), change).err().code, errc::not_found);

    refresh_token_repository tokens(*db);
    ASSERT_TRUE(tokens.insert("h1", ana.id, "fam", t0 + 3'600'000'000LL).ok());
    auto revoked = accounts.revoke_sessions(ana.id);
    ASSERT_TRUE(revoked.ok());
    EXPECT_EQ(revoked->session_generation, changed->session_generation + 1);
    EXPECT_EQ(tokens.rotate("h1", "h2", t0, t0 + 1).err().code, errc::unauthorized);
    EXPECT_EQ(accounts.revoke_sessions(new_uuid()).err().code, errc::not_found);

    auto usage = accounts.usage_by_plan("2026-11", t0 - 1, t0 + 1'000'000);
    ASSERT_TRUE(usage.ok()) << usage.err().message;
    ASSERT_EQ(usage->size(), 2u);
    EXPECT_EQ((*usage)[0].plan, "free");
    EXPECT_EQ((*usage)[0].users, 1);
    EXPECT_EQ((*usage)[1].plan, "pro");
    EXPECT_EQ((*usage)[1].users, 2);
    EXPECT_EQ((*usage)[1].documents, 1);
}

// Every node reads flags through its cache: another node's change shows once the copy is older
// than the refresh interval; a change through this node's cache shows at once.
TEST_P(admin_repositories, flag_settings_reach_every_cache_within_the_refresh_interval) {
    user ana = make_user("flags@example.com", "Ana", "free", now_micros());
    feature_flag_repository flags(*db);
    auto t = std::chrono::steady_clock::time_point{} + std::chrono::hours(1);
    feature_flag_cache node_a(*db, std::chrono::seconds(2), [&] { return t; });
    feature_flag_cache node_b(*db, std::chrono::seconds(2), [&] { return t; });
    const std::string flag(kTrackedChangesExport);
    EXPECT_TRUE(node_a.enabled(flag, ana.id));
    EXPECT_TRUE(node_b.enabled(flag, ana.id));

    ASSERT_TRUE(flags.apply({{flag, ana.id, false}}, "admin", now_micros()).ok());
    node_a.invalidate();  // the node that took the change
    EXPECT_FALSE(node_a.enabled(flag, ana.id));
    t += std::chrono::milliseconds(1900);
    EXPECT_TRUE(node_b.enabled(flag, ana.id)) << "still its copy, younger than the interval";
    t += std::chrono::milliseconds(200);
    EXPECT_FALSE(node_b.enabled(flag, ana.id)) << "reloaded past the interval";
    EXPECT_TRUE(node_b.enabled(flag, "someone else"));

    ASSERT_TRUE(flags.apply({{flag, "", false}, {flag, ana.id, std::nullopt}}, "admin", now_micros()).ok());
    auto all = flags.all();
    ASSERT_TRUE(all.ok());
    ASSERT_EQ(all->size(), 1u) << "null removes a setting";
    EXPECT_EQ((*all)[0].user_id, "");
    EXPECT_EQ((*all)[0].updated_by, "admin");
    EXPECT_EQ(flags.apply({{flag, "00000000-0000-4000-8000-000000000000", true}}, "admin", now_micros()).err().code,
              errc::not_found);
}

INSTANTIATE_TEST_SUITE_P(backends, admin_repositories,
                         ::testing::Values(backend_kind::sqlite, backend_kind::postgresql),
                         [](const auto& info) { return galley::testing::backend_label(info.param); });

// The cluster's request buckets (PostgreSQL only): a new bucket starts full, leases never give
// more than it holds, and an empty bucket says how far it is from the next token.
TEST(rate_buckets, leases_take_what_the_shared_bucket_holds_and_no_more) {
    auto db = galley::testing::migrated_scratch_database(backend_kind::postgresql);
    if (!db) GTEST_SKIP() << "GALLEY_TEST_PG is not set (scripts/test.sh sets it)";
    rate_bucket_repository buckets(*db);
    ASSERT_TRUE(buckets.shared());
    int taken = 0;
    for (int i = 0; i < 10; ++i) {
        auto l = buckets.lease("user:ana", 10, 0.001, 3);  // a 10-token bucket that barely refills
        ASSERT_TRUE(l.ok()) << l.err().message;
        taken += l->granted;
        EXPECT_LE(l->granted, 3);
    }
    EXPECT_EQ(taken, 10) << "two nodes or twenty, the bucket gives what it holds";
    auto empty = buckets.lease("user:ana", 10, 0.001, 1);
    ASSERT_TRUE(empty.ok());
    EXPECT_EQ(empty->granted, 0);
    EXPECT_LT(empty->remaining, 1.0);
    EXPECT_EQ(buckets.lease("user:ben", 10, 0.001, 3)->granted, 3) << "buckets are per key";
    EXPECT_EQ(*buckets.prune_idle(3600), 0) << "both were used just now";
}

TEST(rate_buckets, sqlite_keeps_no_shared_buckets) {
    auto db = galley::testing::migrated_scratch_database(backend_kind::sqlite);
    ASSERT_TRUE(db);
    rate_bucket_repository buckets(*db);
    EXPECT_FALSE(buckets.shared());
    EXPECT_EQ(buckets.lease("k", 10, 60, 1).err().code, errc::unavailable);
}
