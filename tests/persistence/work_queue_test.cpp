// The durable work queue's contract (DESIGN.md invariants 2, 3 and 6), on SQLite and PostgreSQL:
// fencing, recovery without using attempts, plan caps, fair share by weight, cancellation and
// publishing a run's artefacts exactly once.
#include "persistence/work_queue.hpp"
#include "persistence/job_log_repository.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <map>
#include <set>
#include <thread>

#include "domain/ids.hpp"
#include "persistence/database.hpp"
#include "persistence/document_repository.hpp"
#include "persistence/migrations.hpp"
#include "persistence/project_repository.hpp"
#include "persistence/run_repository.hpp"
#include "persistence/user_repository.hpp"
#include "tests/persistence/work_queue_fixture.hpp"

using namespace galley;
using namespace galley::persistence;
using namespace galley::testing;

TEST_P(work_queue_contract, a_fenced_out_claim_writes_nothing) {
    user u = make_user("fence@example.com");
    run_record run = make_run(u, 1);
    claimed_document old_claim = claim_expired("node-a/1");
    EXPECT_EQ(old_claim.attempts, 1);

    auto recovered = queue->recover_expired(now_micros());
    ASSERT_TRUE(recovered.ok()) << recovered.err().message;
    EXPECT_EQ(recovered->requeued, 1);
    claimed_document new_claim = claim("node-b/1");
    EXPECT_EQ(new_claim.document_id, old_claim.document_id);
    EXPECT_GT(new_claim.claim_epoch, old_claim.claim_epoch)
        << "every claim bumps the fencing token";
    EXPECT_EQ(new_claim.attempts, 1) << "the orphaned try was given back";

    // The job log tells it: the dead node's claim, the recovery, the new node's claim.
    auto log = job_log_repository(*db).list(u.id, run.id, std::nullopt, 50, std::nullopt);
    ASSERT_TRUE(log.ok()) << log.err().message;
    std::vector<std::string> steps;
    for (const auto& l : log->items) steps.push_back(l.event + "@" + l.node_id);
    EXPECT_EQ(steps, (std::vector<std::string>{"queued@", "claimed@node-a/1", "started@node-a/1", "recovered@node-a/1",
                                               "claimed@node-b/1", "started@node-b/1"}));

    auto late = queue->commit_success(
        old_claim, {an_export(run.id, old_claim.document_id, "corrections_jsonl")}, 100);
    ASSERT_FALSE(late.ok()) << "a late worker must never write";
    EXPECT_EQ(late.err().code, errc::conflict);
    EXPECT_TRUE(runs->exports(u.id, run.id)->empty());
    EXPECT_EQ(*user_repository(*db).chars_used(u.id, month_period(now_micros())), 0);
    EXPECT_EQ(queue->commit_failure(old_claim, "late", std::nullopt).err().code, errc::conflict);
    EXPECT_EQ(queue->commit_cancelled(old_claim).err().code, errc::conflict);
    EXPECT_EQ(queue->release(old_claim).err().code, errc::conflict);
    EXPECT_EQ(load(u, run.id).documents[0].status, doc_status::running)
        << "the late writes changed nothing";

    user_usage usage;
    ASSERT_TRUE(user_repository(*db).find_with_usage(u.id, month_period(now_micros()), usage).ok());
    EXPECT_EQ(usage.docs_running, 1) << "/users/me counts the document being corrected";
    EXPECT_EQ(usage.chars_used, 0);

    auto mine = an_export(run.id, new_claim.document_id, "corrections_jsonl");
    ASSERT_TRUE(queue->commit_success(new_claim, {mine}, 100).ok());
    ASSERT_TRUE(user_repository(*db).find_with_usage(u.id, month_period(now_micros()), usage).ok());
    EXPECT_EQ(usage.docs_running, 0);
    EXPECT_EQ(usage.chars_used, 100) << "the committed characters are charged to this month";
    auto exports = runs->exports(u.id, run.id);
    ASSERT_EQ(exports->size(), 1u);
    EXPECT_EQ((*exports)[0].id, mine.id);
    EXPECT_EQ(*user_repository(*db).chars_used(u.id, month_period(now_micros())), 100);
    auto after = load(u, run.id);
    EXPECT_EQ(after.documents[0].status, doc_status::succeeded);
    EXPECT_EQ(after.documents[0].attempts, 1);
    EXPECT_EQ(queue->commit_success(new_claim, {}, 100).err().code, errc::conflict)
        << "commits happen once";
}

// A document recovered from a dead node gives back the fair-share service its claim charged: its
// user is not pushed behind others for work that never completed.
TEST_P(work_queue_contract, recovery_refunds_the_fair_share_charge_of_the_lost_claim) {
    user first = make_user("first@example.com");
    user second = make_user("second@example.com");
    make_run(first, 2);
    make_run(second, 2);
    claimed_document lost = claim_expired("node-a/1");
    ASSERT_EQ(lost.user_id, first.id) << "equal service so far: the oldest ready work goes first";
    auto r = queue->recover_expired(now_micros());
    ASSERT_TRUE(r.ok()) << r.err().message;
    ASSERT_EQ(r->requeued, 1);
    claimed_document next = claim("node-b/1");
    EXPECT_EQ(next.user_id, first.id) << "the lost claim was not counted as service to its user";
    EXPECT_EQ(next.document_id, lost.document_id);
    claimed_document then = claim("node-c/1");  // node-b runs the recovered document alone
    EXPECT_EQ(then.user_id, second.id) << "the completed claim is counted";
}

// Recovery uses no attempt. A recovered document is quarantined: it runs alone on its node, and
// only crashes while it ran alone count; the second such crash fails it as poison.
TEST_P(work_queue_contract, recovery_uses_no_attempt_and_gives_up_after_two_crashes_alone) {
    user u = make_user("orphan@example.com");
    run_record run = make_run(u, 1);
    for (int recovery = 1; recovery <= 2; ++recovery) {
        claimed_document c = claim_expired("node-a/" + std::to_string(recovery));
        EXPECT_EQ(c.attempts, 1) << "recovery " << recovery;
        auto r = queue->recover_expired(now_micros());
        ASSERT_TRUE(r.ok()) << r.err().message;
        EXPECT_EQ(r->requeued, 1) << "recovery " << recovery;
        auto doc = load(u, run.id).documents[0];
        EXPECT_EQ(doc.status, doc_status::queued);
        EXPECT_EQ(doc.attempts, 0) << "recovery " << recovery << " used an attempt";
    }
    claim_expired("node-a/3");
    auto r = queue->recover_expired(now_micros());
    ASSERT_TRUE(r.ok()) << r.err().message;
    EXPECT_EQ(r->failed, 1) << "its process died twice while it ran alone: it is the cause";
    EXPECT_EQ(r->requeued, 0);
    auto doc = load(u, run.id).documents[0];
    EXPECT_EQ(doc.status, doc_status::failed);
    EXPECT_NE(doc.error.find("kills its worker process"), std::string::npos) << doc.error;
    EXPECT_FALSE(queue->claim_next("node-a/4", now_micros() + kSecond)->has_value());

    auto ready = queue->runs_ready_to_finish();
    ASSERT_TRUE(ready.ok());
    ASSERT_EQ(ready->size(), 1u);
    ASSERT_TRUE(queue->finish_run(run.id, {}).ok());
    EXPECT_EQ(load(u, run.id).status, run_status::failed);
}

// Neighbours that died with a poison document are quarantined too, but their crash did not
// happen alone, so it does not count against them: each runs alone once and can succeed.
TEST_P(work_queue_contract, a_quarantined_document_runs_alone_on_its_node) {
    user u = make_user("quarantine@example.com", "pro");
    make_run(u, 3);
    claimed_document first = claim_expired("node-a/1");
    claimed_document second = claim_expired("node-a/1");
    claimed_document busy = claim("node-b/1");  // the third, on a node that stays alive
    ASSERT_EQ(queue->recover_expired(now_micros())->requeued, 2) << "both died with their process";

    EXPECT_FALSE(queue->claim_next("node-b/1", now_micros() + kSecond)->has_value())
        << "a node with work running does not take a quarantined document";
    claimed_document alone = claim("node-c/1");
    EXPECT_TRUE(alone.document_id == first.document_id || alone.document_id == second.document_id);
    EXPECT_FALSE(queue->claim_next("node-c/1", now_micros() + kSecond)->has_value())
        << "while a quarantined document runs, its node claims nothing else";
    ASSERT_TRUE(queue->commit_success(alone, {}, 10).ok());
    claimed_document next = claim("node-c/1");
    EXPECT_TRUE(next.document_id == first.document_id || next.document_id == second.document_id);
    EXPECT_NE(next.document_id, alone.document_id);
    EXPECT_NE(busy.document_id, next.document_id);
}

TEST_P(work_queue_contract, a_live_lease_is_never_recovered_and_a_lost_one_cannot_be_renewed) {
    user u = make_user("renew@example.com");
    make_run(u, 1);
    claimed_document c = claim("node-a/1");
    ASSERT_TRUE(queue->renew(c, "node-a/1", now_micros() + 60 * kSecond).ok());
    EXPECT_EQ(queue->recover_expired(now_micros())->requeued, 0)
        << "a renewed lease is not an orphan";
    EXPECT_EQ(queue->renew(c, "node-a/2", now_micros() + 60 * kSecond).err().code, errc::conflict)
        << "a restarted node never takes its previous incarnation's lease for its own";

    ASSERT_TRUE(queue->renew(c, "node-a/1", now_micros() - 1).ok());  // let it lapse
    EXPECT_EQ(queue->recover_expired(now_micros())->requeued, 1);
    auto lost = queue->renew(c, "node-a/1", now_micros() + 60 * kSecond);
    ASSERT_FALSE(lost.ok());
    EXPECT_EQ(lost.err().code, errc::conflict);
}

TEST_P(work_queue_contract, a_plan_cap_bounds_a_users_running_documents) {
    user u = make_user("capped@example.com");  // free: max_concurrent 2
    make_run(u, 6);
    std::vector<claimed_document> held;
    int done = 0;
    for (int step = 0; step < 20 && done < 6; ++step) {
        while (true) {
            auto c = queue->claim_next("node-a/1", now_micros() + 60 * kSecond);
            ASSERT_TRUE(c.ok()) << c.err().message;
            if (!c->has_value()) break;
            held.push_back(**c);
            ASSERT_LE(*runs->running_documents(u.id), 2) << "free is capped at 2 running documents";
        }
        EXPECT_EQ(held.size(), std::min<std::size_t>(2, 6 - done))
            << "the cap is filled, not exceeded";
        ASSERT_FALSE(held.empty());
        ASSERT_TRUE(queue->commit_success(held.front(), {}, 0).ok());
        held.erase(held.begin());
        ++done;
    }
    for (const auto& c : held) ASSERT_TRUE(queue->commit_success(c, {}, 0).ok());
}

TEST_P(work_queue_contract, workers_go_to_users_in_proportion_to_their_weights) {
    user light = make_user("light@example.com");         // free: weight 1
    user heavy = make_user("heavy@example.com", "pro");  // pro: weight 4
    for (int i = 0; i < 6; ++i) make_run(light, 10);     // free allows 10 documents per run
    make_run(heavy, 60);
    std::map<std::string, int> served;
    for (int i = 0; i < 50; ++i) {
        auto c = queue->claim_next("node-a/1", now_micros() + 60 * kSecond);
        ASSERT_TRUE(c.ok() && c->has_value()) << "claim " << i;
        ++served[(*c)->user_id];
        ASSERT_TRUE(queue->commit_success(**c, {}, 0).ok());
    }
    EXPECT_EQ(served[light.id] + served[heavy.id], 50);
    EXPECT_GE(served[heavy.id], 38)
        << "pro (weight 4) got " << served[heavy.id] << ", free got " << served[light.id];
    EXPECT_LE(served[heavy.id], 42)
        << "pro (weight 4) got " << served[heavy.id] << ", free got " << served[light.id];
    EXPECT_GE(served[light.id], 8) << "the light user is never starved";
}

TEST_P(work_queue_contract, concurrent_claims_never_hand_out_one_document_twice) {
    user u = make_user("many@example.com", "pro");  // pro: 8 at once
    make_run(u, 8);
    std::mutex m;
    std::vector<claimed_document> got;
    std::vector<std::thread> workers;
    for (int w = 0; w < 4; ++w)
        workers.emplace_back([&, w] {
            for (int i = 0; i < 4; ++i) {
                auto c = queue->claim_next("node-" + std::to_string(w) + "/1",
                                           now_micros() + 60 * kSecond);
                if (c.ok() && c->has_value()) {
                    std::lock_guard lock(m);
                    got.push_back(**c);
                }
            }
        });
    for (auto& t : workers) t.join();
    std::set<std::string> distinct;
    for (const auto& c : got) distinct.insert(c.document_id);
    EXPECT_EQ(distinct.size(), got.size()) << "a document was claimed twice";
    EXPECT_EQ(got.size(), 8u);
}

TEST_P(work_queue_contract,
       cancelling_cancels_queued_documents_at_once_and_running_ones_at_commit) {
    user u = make_user("stop@example.com");
    run_record run = make_run(u, 3);
    claimed_document running = claim("node-a/1");
    auto cancelling = runs->request_cancel(u.id, run.id);
    ASSERT_TRUE(cancelling.ok()) << cancelling.err().message;
    EXPECT_EQ(cancelling->status, run_status::cancelling);
    EXPECT_EQ(cancelling->counts.cancelled, 2) << "queued documents are cancelled at once";
    EXPECT_EQ(cancelling->counts.running, 1);
    EXPECT_TRUE(*queue->cancel_requested(run.id));
    EXPECT_FALSE(queue->claim_next("node-a/1", now_micros() + kSecond)->has_value());
    EXPECT_EQ(runs->request_cancel(u.id, run.id).err().code, errc::conflict)
        << "already being cancelled";

    ASSERT_TRUE(queue->commit_cancelled(running).ok());
    auto after = load(u, run.id);
    EXPECT_EQ(after.status, run_status::cancelled) << "nothing runs any more: the run is cancelled";
    EXPECT_GT(after.finished_at, 0);
    EXPECT_EQ(after.counts.cancelled, 3);
    EXPECT_EQ(runs->request_cancel(u.id, run.id).err().code, errc::conflict) << "a finished run";
    auto ready = queue->runs_ready_to_finish();
    ASSERT_TRUE(ready.ok());
    EXPECT_TRUE(ready->empty());
    EXPECT_TRUE(runs->exports(u.id, run.id)->empty());
}

TEST_P(work_queue_contract, a_run_is_finished_and_its_artefacts_published_once) {
    user u = make_user("finish@example.com");
    run_record run = make_run(u, 1);
    claimed_document c = claim("node-a/1");
    ASSERT_TRUE(
        queue->commit_success(c, {an_export(run.id, c.document_id, "corrections_jsonl")}, 10).ok());
    EXPECT_EQ(load(u, run.id).status, run_status::running)
        << "not finished before its artefacts exist";
    auto ready = queue->runs_ready_to_finish();
    ASSERT_TRUE(ready.ok());
    ASSERT_EQ(*ready, std::vector<std::string>{run.id});

    // Two nodes notice the run at once: exactly one set of run-level artefacts is published.
    std::atomic<int> ok{0};
    std::vector<std::thread> finishers;
    for (int i = 0; i < 2; ++i)
        finishers.emplace_back([&] {
            auto s = queue->finish_run(run.id, {an_export(run.id, "", "changelog_csv"),
                                                an_export(run.id, "", "summary_md")});
            ok += s.ok();
        });
    for (auto& t : finishers) t.join();
    EXPECT_EQ(ok, 2) << "finishing a finished run is ok and a no-op";
    ASSERT_TRUE(queue->finish_run(run.id, {an_export(run.id, "", "changelog_csv")}).ok());

    auto exports = runs->exports(u.id, run.id);
    ASSERT_TRUE(exports.ok());
    EXPECT_EQ(count_kind(*exports, "changelog_csv"), 1);
    EXPECT_EQ(count_kind(*exports, "summary_md"), 1);
    EXPECT_EQ(exports->size(), 3u);
    auto done = load(u, run.id);
    EXPECT_EQ(done.status, run_status::succeeded);
    EXPECT_GT(done.finished_at, 0);
    EXPECT_TRUE(queue->runs_ready_to_finish()->empty());
}

INSTANTIATE_TEST_SUITE_P(backends, work_queue_contract,
                         ::testing::Values(backend_kind::sqlite, backend_kind::postgresql),
                         [](const auto& info) {
                             return galley::testing::backend_label(info.param);
                         });
