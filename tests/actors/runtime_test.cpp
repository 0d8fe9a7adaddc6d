// The actor runtime in-process, with real CAF actors and a real SQLite database: supervision
// with retries and backoff, cancellation of a running corrector, and fencing of a stale claim.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

#include <prometheus/registry.h>

#include "actors/runtime.hpp"
#include "domain/ids.hpp"
#include "persistence/blob_store.hpp"
#include "persistence/database.hpp"
#include "persistence/document_repository.hpp"
#include "persistence/migrations.hpp"
#include "persistence/project_repository.hpp"
#include "persistence/run_repository.hpp"
#include "persistence/user_repository.hpp"
#include "persistence/work_queue.hpp"
#include "tests/support/galley_process.hpp"

using namespace galley;
using namespace galley::persistence;

namespace {
class runtime_fixture : public ::testing::Test {
protected:
    void SetUp() override {
        dir = galley::testing::make_temp_dir("galley-actors");
        db = std::move(database::open("sqlite://" + dir + "/g.db", 4).value());
        ASSERT_TRUE(apply_migrations(*db).ok());
        blobs = std::make_unique<blob_store>(blob_store::open(dir + "/storage").value());
        auto loaded = engine::load();
        ASSERT_TRUE(loaded.ok());
        eng = std::make_shared<const engine>(std::move(*loaded));
        u = user{new_uuid(), "actor@example.com", "A", "x", "user", "pro", now_micros()};
        ASSERT_TRUE(user_repository(*db).create(u).ok());
        p = project{new_uuid(), u.id, "P", "auto", now_micros(), 0};
        ASSERT_TRUE(project_repository(*db).create(p).ok());
    }

    std::string add_document(const std::string& filename, const std::string& text) {
        auto sha = blobs->put(u.id, p.id, text);
        document d{new_uuid(), p.id, u.id, filename, "txt", static_cast<std::int64_t>(text.size()), *sha, "es", 5,
                   now_micros(), static_cast<std::int64_t>(text.size())};
        EXPECT_TRUE(document_repository(*db).create(d).ok());
        return d.id;
    }

    std::unique_ptr<actors::runtime> start(const std::string& faults) {
        actors::runtime_options o;
        o.node_id = "test-node";
        o.incarnation = new_uuid().substr(0, 8);
        o.max_workers = 2;
        o.heartbeat_seconds = 1;
        o.lock_ttl_seconds = 3;
        o.faults = parse_faults(faults).value();
        return std::make_unique<actors::runtime>(o, *db, *blobs, plans, eng, std::make_shared<prometheus::Registry>());
    }

    run_record wait_for(const std::string& run_id, std::initializer_list<run_status> done) {
        auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
        run_record r;
        while (std::chrono::steady_clock::now() < deadline) {
            r = run_repository(*db).get_any(run_id).value();
            for (auto s : done)
                if (r.status == s) return r;
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        ADD_FAILURE() << "run did not finish; status " << to_string(r.status);
        return r;
    }

    std::string dir;
    std::unique_ptr<database> db;
    std::unique_ptr<blob_store> blobs;
    std::shared_ptr<const engine> eng;
    plan_table plans = plan_table::defaults();
    user u;
    project p;
};
}  // namespace

TEST_F(runtime_fixture, a_crashing_corrector_is_restarted_with_backoff_until_it_succeeds) {
    auto rt = start("throw_on=flaky:2");
    std::string flaky = add_document("flaky.txt", "Hola, tambien es un dia bonito.\n");
    auto run = rt->create_run(u.id, "pro", p.id, {flaky}, run_options{});
    ASSERT_TRUE(run.ok()) << run.err().message;
    auto started = std::chrono::steady_clock::now();
    auto done = wait_for(run->id, {run_status::succeeded, run_status::partial, run_status::failed});
    EXPECT_EQ(done.status, run_status::succeeded);
    ASSERT_EQ(done.documents.size(), 1u);
    EXPECT_EQ(done.documents[0].attempts, 3) << "two crashes, then success";
    // Full jitter over 0.5 s and 1 s: the retries fit well inside 1.5 s of backoff plus work.
    EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(30));
}

TEST_F(runtime_fixture, a_poison_document_fails_after_the_plans_attempts_without_blocking_others) {
    auto rt = start("throw_on=poison:99");
    std::string poison = add_document("poison.txt", "Texto.\n");
    std::string fine = add_document("fine.txt", "Hola, tambien.\n");
    auto run = rt->create_run(u.id, "pro", p.id, {poison, fine}, run_options{});
    ASSERT_TRUE(run.ok());
    auto done = wait_for(run->id, {run_status::partial, run_status::failed, run_status::succeeded});
    EXPECT_EQ(done.status, run_status::partial);
    for (const auto& d : done.documents) {
        if (d.document_id == poison) {
            EXPECT_EQ(d.status, doc_status::failed);
            EXPECT_EQ(d.attempts, plans.find("pro")->max_attempts);
            EXPECT_NE(d.error.find("injected"), std::string::npos);
        } else {
            EXPECT_EQ(d.status, doc_status::succeeded);
            EXPECT_EQ(d.attempts, 1);
        }
    }
}

TEST_F(runtime_fixture, cancel_stops_a_running_corrector_at_its_next_checkpoint) {
    auto rt = start("slow_ms=slow:30000");
    std::string a = add_document("slow-a.txt", "Uno.\n"), b = add_document("slow-b.txt", "Dos.\n"),
                c = add_document("slow-c.txt", "Tres.\n");
    auto run = rt->create_run(u.id, "pro", p.id, {a, b, c}, run_options{});
    ASSERT_TRUE(run.ok());
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (run_repository(*db).get_any(run->id).value().counts.running == 0 && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    auto cancelled_at = std::chrono::steady_clock::now();
    auto c1 = rt->cancel_run(u.id, run->id);
    ASSERT_TRUE(c1.ok()) << c1.err().message;
    auto done = wait_for(run->id, {run_status::cancelled});
    EXPECT_LT(std::chrono::steady_clock::now() - cancelled_at, std::chrono::seconds(2));
    for (const auto& d : done.documents) EXPECT_EQ(d.status, doc_status::cancelled);
    EXPECT_EQ(rt->cancel_run(u.id, run->id).err().code, errc::conflict);
}

TEST_F(runtime_fixture, a_stale_claim_cannot_commit_after_the_document_moved_on) {
    std::string doc = add_document("fenced.txt", "Hola.\n");
    run_admission admission{plans.find("pro"), 1000};
    auto run = run_repository(*db).create(u.id, p.id, {doc}, run_options{}, admission);
    ASSERT_TRUE(run.ok());
    work_queue q(*db, plans);
    // A worker claims with a lease that has already run out (its node "died")...
    auto stale = q.claim_next("dead-node/1", now_micros() - 1);
    ASSERT_TRUE(stale.ok() && *stale);
    // ...the runtime recovers the orphan and finishes the document itself.
    auto rt = start("");
    auto done = wait_for(run->id, {run_status::succeeded});
    EXPECT_EQ(done.documents[0].attempts, 1) << "recovery does not use an attempt";
    // The stale worker's late commit is refused and publishes nothing.
    auto late = q.commit_success(**stale, {}, 0);
    ASSERT_FALSE(late.ok());
    EXPECT_EQ(late.err().code, errc::conflict);
    EXPECT_EQ(run_repository(*db).get_any(run->id).value().documents[0].status, doc_status::succeeded);
}

// A commit that takes longer than the lease TTL (a large outcome on a slow disk) keeps its lease:
// the document actor renews while a committer stores the outcome, so another node looking for
// expired leases the whole time finds nothing to take, and the work is committed once.
TEST_F(runtime_fixture, a_commit_slower_than_the_lease_ttl_keeps_its_lease) {
    auto rt = start("slow_commit=bulky:7000");  // TTL 3 s, heartbeat 1 s
    std::string doc = add_document("bulky.txt", "Hola, tambien es un dia bonito.\n");
    auto run = rt->create_run(u.id, "pro", p.id, {doc}, run_options{});
    ASSERT_TRUE(run.ok()) << run.err().message;
    std::atomic<bool> done_flag{false};
    std::atomic<int> taken{0};
    std::thread other_node([&] {
        work_queue q(*db, plans);
        while (!done_flag) {
            auto r = q.recover_expired(now_micros(), "another-node/1");
            if (r) taken += r->requeued + r->failed + r->cancelled;
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
    });
    auto done = wait_for(run->id, {run_status::succeeded, run_status::partial, run_status::failed});
    done_flag = true;
    other_node.join();
    EXPECT_EQ(taken.load(), 0) << "the other node recovered a document whose commit was under way";
    EXPECT_EQ(done.status, run_status::succeeded);
    ASSERT_EQ(done.documents.size(), 1u);
    EXPECT_EQ(done.documents[0].attempts, 1);
}
