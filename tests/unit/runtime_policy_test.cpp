// The fair-share policy, the document state machine, run status aggregation and retry backoff.
#include <gtest/gtest.h>

#include <map>
#include <random>

#include "domain/fair_share.hpp"
#include "domain/run_state.hpp"

using namespace galley;

namespace {
// Simulates `slots` workers serving users with unlimited backlogs for `rounds` dispatches and
// returns how many documents each user got.
std::map<std::string, int> simulate(std::vector<fair_share_candidate> users, int dispatches) {
    std::map<std::string, int> served;
    for (int i = 0; i < dispatches; ++i) {
        auto pick = pick_next(users);
        if (!pick) break;
        auto& u = users[*pick];
        served[u.user_id]++;
        u.virtual_time = advance_virtual_time(u.virtual_time, 1.0, u.weight);
    }
    return served;
}
}  // namespace

TEST(fair_share, weights_1_to_4_give_1_to_4_throughput_within_2_percent) {
    auto served = simulate({{"light", 0, 0, 0, 1, 0}, {"heavy", 0, 0, 0, 4, 0}}, 10'000);
    double ratio = static_cast<double>(served["heavy"]) / served["light"];
    EXPECT_NEAR(ratio, 4.0, 4.0 * 0.02);
    double jain_num = 0, jain_den = 0;
    for (auto [x, w] : {std::pair{served["light"] / 1.0, 1.0}, std::pair{served["heavy"] / 4.0, 4.0}}) {
        (void)w;
        jain_num += x;
        jain_den += x * x;
    }
    EXPECT_GE(jain_num * jain_num / (2 * jain_den), 0.98);
}

TEST(fair_share, a_newcomer_is_served_within_one_round) {
    std::vector<fair_share_candidate> users = {{"heavy", 0, 0, 0, 1, 0}};
    for (int i = 0; i < 40; ++i) users[0].virtual_time = advance_virtual_time(users[0].virtual_time, 1, 1);
    // The newcomer enters at the system floor (the heavy user's virtual time), not at zero...
    double floor = users[0].virtual_time;
    users.push_back({"light", activation_time(0.0, floor), 0, 0, 1, 1'000});
    // ...and is served within one round: at most one more heavy document goes first.
    int picks_until_light = 0;
    for (;; ++picks_until_light) {
        auto pick = pick_next(users);
        ASSERT_TRUE(pick);
        if (users[*pick].user_id == "light") break;
        users[*pick].virtual_time = advance_virtual_time(users[*pick].virtual_time, 1, 1);
    }
    EXPECT_LE(picks_until_light, 1);
}

TEST(fair_share, concurrency_caps_exclude_users_at_their_limit) {
    std::vector<fair_share_candidate> users = {{"capped", 0, 2, 2, 4, 0}, {"other", 5, 0, 1, 1, 0}};
    EXPECT_EQ(users[*pick_next(users)].user_id, "other");
    users[1].running = 1;
    EXPECT_FALSE(pick_next(users));
    users[0].max_concurrent = 0;
    EXPECT_EQ(users[*pick_next(users)].user_id, "capped") << "0 means unlimited";
}

TEST(fair_share, ties_go_to_the_oldest_document_then_the_user_id) {
    std::vector<fair_share_candidate> users = {{"b", 1, 0, 0, 1, 200}, {"a", 1, 0, 0, 1, 300}, {"c", 1, 0, 0, 1, 100}};
    EXPECT_EQ(users[*pick_next(users)].user_id, "c");
    users[2].oldest_ready = 200;
    EXPECT_EQ(users[*pick_next(users)].user_id, "b");
}

TEST(fair_share, a_batch_plans_each_users_share_and_respects_caps) {
    // Weights 1 and 4 (the pro user capped at 3 running, one running already), and a third user
    // far ahead in virtual time: a batch of 10 gives the pro user 2 (its cap), the free user the
    // rest until it passes the third user's virtual time.
    std::vector<fair_share_candidate> users = {{"free", 0, 0, 0, 1, 0}, {"pro", 0, 1, 3, 4, 0}, {"ahead", 6, 0, 0, 1, 0}};
    auto picks = planned_picks(users, 10);
    ASSERT_EQ(picks.size(), 3u);
    EXPECT_EQ(picks[1], 2) << "the cap bounds the pro user's picks";
    EXPECT_EQ(picks[0] + picks[1] + picks[2], 10) << "every slot is planned while someone is eligible";
    EXPECT_EQ(picks[0], 7) << "the free user is served up to the third user's virtual time";
    EXPECT_EQ(picks[2], 1);
    EXPECT_EQ(planned_picks(users, 0), (std::vector<int>{0, 0, 0}));
    users[0].max_concurrent = 1;
    users[0].running = 1;
    users[2].max_concurrent = 1;
    EXPECT_EQ(planned_picks(users, 10), (std::vector<int>{0, 2, 1})) << "a batch stops when every cap is reached";
}

TEST(doc_state_machine, every_state_and_event) {
    using S = doc_status;
    using E = doc_event;
    struct row { S from; E event; std::optional<S> to; };
    const std::vector<row> table = {
        {S::queued, E::claim, S::running},        {S::queued, E::cancel, S::cancelled},
        {S::queued, E::succeed, std::nullopt},    {S::queued, E::recover, std::nullopt},
        {S::retrying, E::claim, S::running},      {S::retrying, E::cancel, S::cancelled},
        {S::retrying, E::fail_final, std::nullopt},
        {S::running, E::succeed, S::succeeded},   {S::running, E::fail_retry, S::retrying},
        {S::running, E::fail_final, S::failed},   {S::running, E::cancel, S::cancelled},
        {S::running, E::recover, S::queued},      {S::running, E::claim, std::nullopt},
    };
    for (const auto& r : table) EXPECT_EQ(transition(r.from, r.event), r.to) << to_string(r.from);
    for (S terminal : {S::succeeded, S::failed, S::cancelled})
        for (E e : {E::claim, E::succeed, E::fail_retry, E::fail_final, E::cancel, E::recover})
            EXPECT_FALSE(transition(terminal, e)) << to_string(terminal);
    for (S s : {S::queued, S::running, S::retrying, S::succeeded, S::failed, S::cancelled})
        EXPECT_EQ(parse_doc_status(to_string(s)), s);
}

TEST(run_status, follows_from_its_documents) {
    EXPECT_EQ(aggregate_run_status({3, 0, 0, 0, 0, 0}, false), run_status::queued);
    EXPECT_EQ(aggregate_run_status({2, 1, 0, 0, 0, 0}, false), run_status::running);
    EXPECT_EQ(aggregate_run_status({0, 0, 1, 1, 0, 0}, false), run_status::running);
    EXPECT_EQ(aggregate_run_status({0, 0, 0, 3, 0, 0}, false), run_status::succeeded);
    EXPECT_EQ(aggregate_run_status({0, 0, 0, 2, 1, 0}, false), run_status::partial);
    EXPECT_EQ(aggregate_run_status({0, 0, 0, 0, 2, 0}, false), run_status::failed);
    EXPECT_EQ(aggregate_run_status({0, 1, 0, 1, 0, 2}, true), run_status::cancelling);
    EXPECT_EQ(aggregate_run_status({0, 0, 0, 1, 0, 2}, true), run_status::cancelled);
}

TEST(retry_delay, is_exponential_with_full_jitter_and_a_cap) {
    EXPECT_EQ(retry_delay(1, 0.999999), 499'999);
    EXPECT_EQ(retry_delay(2, 0.5), 500'000);
    EXPECT_EQ(retry_delay(3, 0.0), 0);
    EXPECT_LE(retry_delay(20, 0.999999), 30'000'000);
    EXPECT_GT(retry_delay(20, 0.999999), 29'000'000);
    std::mt19937 rng(7);
    std::uniform_real_distribution<double> u(0, 1);
    double sum = 0;
    for (int i = 0; i < 10'000; ++i) sum += retry_delay(4, u(rng));
    EXPECT_NEAR(sum / 10'000, 2'000'000, 100'000) << "mean of U(0, 4 s)";
}

#include "domain/faults.hpp"
#include "domain/placement.hpp"

TEST(placement, rendezvous_is_deterministic_and_moves_only_the_lost_nodes_users) {
    std::vector<std::string> nodes = {"10.0.0.1:7400", "10.0.0.2:7400", "10.0.0.3:7400"};
    std::map<std::string, std::string> before;
    std::map<std::string, int> load;
    for (int i = 0; i < 3000; ++i) {
        std::string user = "user-" + std::to_string(i);
        before[user] = *rendezvous_owner(user, nodes);
        load[before[user]]++;
        EXPECT_EQ(*rendezvous_owner(user, {nodes[2], nodes[0], nodes[1]}), before[user]) << "order-independent";
    }
    for (const auto& [node, n] : load) EXPECT_NEAR(n, 1000, 150) << node;
    std::vector<std::string> survivors = {nodes[0], nodes[2]};
    for (const auto& [user, owner] : before) {
        if (owner != nodes[1]) {
            EXPECT_EQ(*rendezvous_owner(user, survivors), owner) << "only node 2's users move";
        }
    }
    EXPECT_FALSE(rendezvous_owner("u", {}));
}

TEST(faults, parse_and_apply) {
    auto f = parse_faults("throw_on=flaky:2,slow_ms=slow:150,slow_commit=bulky:900,hold_commit=held:60000,delay_forward=create:25000,slow_member=127.0.0.1:9000");
    ASSERT_TRUE(f.ok()) << f.err().message;
    EXPECT_TRUE(f->should_throw("flaky.txt", 1));
    EXPECT_TRUE(f->should_throw("my-flaky-doc.docx", 2));
    EXPECT_FALSE(f->should_throw("flaky.txt", 3));
    EXPECT_FALSE(f->should_throw("fine.txt", 1));
    EXPECT_EQ(f->slow_millis("slow1.txt"), 150);
    EXPECT_EQ(f->slow_millis("fast.txt"), 0);
    EXPECT_EQ(f->slow_commit_millis("bulky.docx"), 900);
    EXPECT_EQ(f->slow_commit_millis("slow1.txt"), 0) << "a slow correction is not a slow commit";
    EXPECT_EQ(f->hold_commit_millis("held.docx"), 60000);
    EXPECT_EQ(f->hold_commit_millis("bulky.docx"), 0);
    EXPECT_EQ(f->forward_delay_millis("create"), 25000);
    EXPECT_EQ(f->forward_delay_millis("cancel"), 0);
    EXPECT_EQ(f->membership_millis("127.0.0.1:24001"), 9000);
    EXPECT_EQ(f->membership_millis("10.0.0.2:24001"), 0);
    EXPECT_TRUE(parse_faults("").ok());
    for (const char* bad : {"throw_on=x", "explode=x:1", "slow_ms=:5", "throw_on=x:-1", "throw_on=x:abc"})
        EXPECT_FALSE(parse_faults(bad).ok()) << bad;
}
