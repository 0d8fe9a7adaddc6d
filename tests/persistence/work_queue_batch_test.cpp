// The durable work queue in batches, on SQLite and PostgreSQL: one claim transaction taking a
// node's free slots in fair-share order, and commits grouped into one transaction, each fenced on
// its own claim.
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <thread>

#include "persistence/job_log_repository.hpp"
#include "tests/persistence/work_queue_fixture.hpp"

using namespace galley;
using namespace galley::persistence;
using namespace galley::testing;

namespace {
// The queue's contract fixture under a suite of its own, so each file instantiates its own tests.
class work_queue_batching : public work_queue_contract {};
}  // namespace

TEST_P(work_queue_batching, a_batch_claim_takes_fair_shares_oldest_first_within_caps) {
    user light = make_user("batch-light@example.com");         // free: weight 1, 2 at once
    user heavy = make_user("batch-heavy@example.com", "pro");  // pro: weight 4, 8 at once
    run_record light_run = make_run(light, 5);
    run_record heavy_run = make_run(heavy, 20);
    auto batch = queue->claim_batch("node-a/1", now_micros() + 60 * kSecond, 12);
    ASSERT_TRUE(batch.ok()) << batch.err().message;
    ASSERT_EQ(batch->size(), 10u) << "the caps (2 + 8) bound the batch below the 12 asked for";
    std::map<std::string, std::vector<std::string>> taken;  // run → documents, in claim order
    std::set<std::string> distinct;
    for (const auto& c : *batch) {
        taken[c.run_id].push_back(c.document_id);
        distinct.insert(c.document_id);
        EXPECT_EQ(c.attempts, 1);
        EXPECT_EQ(c.claim_epoch, 1);
        EXPECT_EQ(c.lease_owner, "node-a/1");
        EXPECT_FALSE(c.filename.empty()) << "a batch claim describes each document as a single claim does";
        EXPECT_EQ(c.format, "txt");
        EXPECT_EQ(c.chars, 100);
    }
    EXPECT_EQ(distinct.size(), batch->size()) << "no document twice";
    ASSERT_EQ(taken[light_run.id].size(), 2u);
    ASSERT_EQ(taken[heavy_run.id].size(), 8u);
    auto light_docs = load(light, light_run.id).documents;
    EXPECT_EQ(taken[light_run.id], (std::vector<std::string>{light_docs[0].document_id, light_docs[1].document_id}))
        << "each user's oldest documents, in run order";
    auto heavy_docs = load(heavy, heavy_run.id).documents;
    for (std::size_t i = 0; i < 8; ++i) EXPECT_EQ(taken[heavy_run.id][i], heavy_docs[i].document_id);
    EXPECT_EQ(load(heavy, heavy_run.id).status, run_status::running);
    EXPECT_EQ(*runs->running_documents(heavy.id), 8);

    auto log = job_log_repository(*db).list(light.id, light_run.id, std::nullopt, 50, std::nullopt);
    ASSERT_TRUE(log.ok()) << log.err().message;
    int claimed = 0, started = 0;
    for (const auto& l : log->items) {
        claimed += l.event == "claimed";
        started += l.event == "started";
    }
    EXPECT_EQ(claimed, 2);
    EXPECT_EQ(started, 2);

    EXPECT_TRUE(queue->claim_batch("node-a/1", now_micros() + 60 * kSecond, 5)->empty())
        << "every user is at its cap";
    ASSERT_TRUE(queue->commit_success(batch->front(), {}, 0).ok());
    auto next = queue->claim_batch("node-a/1", now_micros() + 60 * kSecond, 5);
    ASSERT_EQ(next->size(), 1u) << "one slot freed, one claim";
    EXPECT_EQ(next->front().user_id, batch->front().user_id);
}

TEST_P(work_queue_batching, a_batch_claim_takes_a_quarantined_document_alone) {
    user u = make_user("batch-quarantine@example.com", "pro");
    make_run(u, 4);
    claimed_document orphan = claim_expired("node-a/1");
    ASSERT_EQ(queue->recover_expired(now_micros())->requeued, 1);
    auto batch = queue->claim_batch("node-b/1", now_micros() + 60 * kSecond, 4);
    ASSERT_TRUE(batch.ok()) << batch.err().message;
    ASSERT_EQ(batch->size(), 1u) << "a quarantined document runs alone on its node";
    EXPECT_EQ(batch->front().document_id, orphan.document_id);
    EXPECT_TRUE(queue->claim_batch("node-b/1", now_micros() + 60 * kSecond, 4)->empty());
    EXPECT_EQ(queue->claim_batch("node-c/1", now_micros() + 60 * kSecond, 4)->size(), 3u)
        << "another node takes the rest";
}

TEST_P(work_queue_batching, a_group_commit_skips_a_fenced_out_document_and_publishes_the_others) {
    user u = make_user("group@example.com", "pro");
    run_record run = make_run(u, 3);
    claimed_document lost = claim_expired("node-a/1");
    ASSERT_EQ(queue->recover_expired(now_micros())->requeued, 1);
    claimed_document again = claim("node-b/1");  // the recovered one, alone (quarantined)
    ASSERT_EQ(again.document_id, lost.document_id);
    ASSERT_TRUE(queue->commit_success(again, {}, 7).ok());
    claimed_document first = claim("node-b/1");
    claimed_document second = claim("node-b/1");
    std::vector<export_record> first_exports{an_export(run.id, first.document_id, "corrections_jsonl")};
    std::vector<export_record> lost_exports{an_export(run.id, lost.document_id, "corrections_jsonl")};
    std::vector<export_record> second_exports{an_export(run.id, second.document_id, "corrections_jsonl")};
    std::vector<suggestion_record> none;
    std::vector<document_success> group{{first, first_exports, 100, none},
                                        {lost, lost_exports, 1000, none},
                                        {second, second_exports, 10, none}};
    auto results = queue->commit_successes(group);
    ASSERT_EQ(results.size(), 3u);
    EXPECT_TRUE(results[0].ok()) << results[0].err().message;
    ASSERT_FALSE(results[1].ok()) << "a late worker must never write, in a group as alone";
    EXPECT_EQ(results[1].err().code, errc::conflict);
    EXPECT_TRUE(results[2].ok()) << results[2].err().message;
    EXPECT_EQ(*user_repository(*db).chars_used(u.id, month_period(now_micros())), 7 + 100 + 10)
        << "only the committed documents are charged";
    auto exports = runs->exports(u.id, run.id);
    ASSERT_TRUE(exports.ok());
    std::set<std::string> published;
    for (const auto& e : *exports) published.insert(e.id);
    EXPECT_EQ(published, (std::set<std::string>{first_exports[0].id, second_exports[0].id}));
    for (const auto& d : load(u, run.id).documents) EXPECT_EQ(d.status, doc_status::succeeded);
}

TEST_P(work_queue_batching, threads_committing_at_once_each_get_their_own_outcome) {
    user u = make_user("threads@example.com", "pro");
    run_record run = make_run(u, 8);
    auto batch = queue->claim_batch("node-a/1", now_micros() + 60 * kSecond, 8);
    ASSERT_EQ(batch->size(), 8u);
    claimed_document stale = (*batch)[3];
    stale.claim_epoch -= 1;  // a claim some older worker held: fenced out
    std::vector<status> outcomes(8);
    std::vector<std::thread> committers;
    for (std::size_t i = 0; i < 8; ++i)
        committers.emplace_back([&, i] {
            const claimed_document& c = i == 3 ? stale : (*batch)[i];
            outcomes[i] = queue->commit_success(c, {an_export(run.id, c.document_id, "corrected_txt")}, 1);
        });
    for (auto& t : committers) t.join();
    for (std::size_t i = 0; i < 8; ++i) {
        if (i == 3) {
            ASSERT_FALSE(outcomes[i].ok());
            EXPECT_EQ(outcomes[i].err().code, errc::conflict);
        } else {
            EXPECT_TRUE(outcomes[i].ok()) << i << ": " << outcomes[i].err().message;
        }
    }
    EXPECT_EQ(*user_repository(*db).chars_used(u.id, month_period(now_micros())), 7);
    EXPECT_EQ(runs->exports(u.id, run.id)->size(), 7u);
}

INSTANTIATE_TEST_SUITE_P(backends, work_queue_batching,
                         ::testing::Values(backend_kind::sqlite, backend_kind::postgresql),
                         [](const auto& info) {
                             return galley::testing::backend_label(info.param);
                         });
