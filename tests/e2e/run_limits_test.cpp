// End-to-end limits on runs, on SQLite and PostgreSQL: what one user may hold (documents,
// storage, queued documents, event streams), the share of the node's queue, and the deadline of
// an attempt. The suite is instantiated in runs_test.cpp.
#include <future>

#include "tests/e2e/runs_fixture.hpp"

using namespace galley::testing;
using nlohmann::json;
using namespace std::chrono_literals;

// What one user may hold (plans: max_documents, max_stored_mb, max_queued_docs,
// max_event_streams): 402 for documents, storage and queued documents, 429 for streams.
TEST_P(runs, per_user_limits_on_documents_storage_queue_and_event_streams) {
    launch({{"GALLEY_FAULTS", "slow_ms=slow:30000"}, {"GALLEY_MAX_WORKERS", "1"}},
           R"({"free": {"requests_per_minute": 0, "max_documents": 4, "max_stored_mb": 1,
                        "max_queued_docs": 2, "max_event_streams": 1}})");
    auto ana = register_user(*g, "limits@example.com");
    std::string project = create_project(*g, ana, "Limits");
    std::vector<std::string> ids = upload_texts(ana, project, {"slow1.txt", "slow2.txt", "slow3.txt"});
    std::string big = upload(ana, project, "big.txt", std::string(600'000, 'a') + "\n");

    auto fifth = upload_raw(*g, ana, project, "fifth.txt", "Uno más.\n");
    EXPECT_EQ(fifth.status, 402) << fifth.body;
    EXPECT_EQ(json_of(fifth)["error"]["code"], "quota_exceeded");
    EXPECT_NE(json_of(fifth)["error"]["message"].get<std::string>().find("4 documents"), std::string::npos);
    ASSERT_EQ(g->request("DELETE", "/api/v1/documents/" + big, {}, ana.access_token).status, 200);
    auto huge = upload_raw(*g, ana, project, "huge.txt", std::string(1'100'000, 'b') + "\n");
    EXPECT_EQ(huge.status, 402) << "over the plan's 1 MB of storage: " << huge.body;
    EXPECT_NE(json_of(huge)["error"]["message"].get<std::string>().find("storage"), std::string::npos);
    ids.push_back(upload(ana, project, "slow4.txt", "Texto del cuarto.\n"));

    auto three = start_run(ana, project, {ids[0], ids[1], ids[2]});
    EXPECT_EQ(three.status, 402) << "three queued documents over a limit of two: " << three.body;
    auto first = start_run(ana, project, {ids[0], ids[1]});
    ASSERT_EQ(first.status, 202) << first.body;
    std::string run_id = json_of(first)["data"]["id"];
    wait_run(ana, run_id, [](const json& r) { return r["counts"]["running"].get<int>() >= 1; });
    ASSERT_EQ(start_run(ana, project, {ids[2]}).status, 202) << "one running, one queued: room for one";
    auto over = start_run(ana, project, {ids[3]});
    EXPECT_EQ(over.status, 402) << over.body;
    EXPECT_EQ(json_of(over)["error"]["code"], "quota_exceeded");

    // One event stream at a time: whichever of two streams comes second is refused with 429.
    auto open_stream = [&](int timeout_ms) { return open_events(ana, run_id, timeout_ms); };
    auto first_stream = std::async(std::launch::async, open_stream, 60'000);
    http_reply refused;
    for (auto until = std::chrono::steady_clock::now() + 30s; std::chrono::steady_clock::now() < until;) {
        refused = open_stream(1'000);  // admitted streams outlive the timeout and come back as 0
        if (refused.status == 429) break;
        if (first_stream.wait_for(0s) == std::future_status::ready) break;  // the other one was second
    }
    ASSERT_EQ(g->request("POST", "/api/v1/runs/" + run_id + "/cancel", {}, ana.access_token).status, 200);
    http_reply other = first_stream.get();
    if (refused.status != 429) refused = other;
    EXPECT_EQ(refused.status, 429) << refused.body;
    EXPECT_EQ(json_of(refused)["error"]["code"], "rate_limited");
    EXPECT_FALSE(refused.header("retry-after").empty());
    // The refusal is counted as what the client got, not as the stream it asked for.
    EXPECT_NE(g->request("GET", "/metrics").body.find(
                  "galley_http_requests_total{method=\"GET\",route=\"/api/v1/runs/{run_id}/events\",status=\"429\"}"),
              std::string::npos);
}

// No user holds more than half of the node-wide queue; another user still gets in.
TEST_P(runs, one_user_cannot_fill_the_whole_queue) {
    launch({{"GALLEY_FAULTS", "slow_ms=slow:30000"}, {"GALLEY_MAX_WORKERS", "1"}, {"GALLEY_MAX_QUEUED", "4"}},
           R"({"free": {"requests_per_minute": 0, "max_queued_docs": 0}})");
    auto ana = register_user(*g, "hog@example.com");
    std::string project = create_project(*g, ana, "Hog");
    std::vector<std::string> ids = upload_texts(ana, project, {"slow1.txt", "slow2.txt", "slow3.txt"});
    auto hog = start_run(ana, project, ids);
    EXPECT_EQ(hog.status, 503) << "three of a queue of four: " << hog.body;
    EXPECT_EQ(json_of(hog)["error"]["code"], "over_capacity");
    ASSERT_EQ(start_run(ana, project, {ids[0], ids[1]}).status, 202);
    auto bob = register_user(*g, "fair@example.com");
    std::string other = create_project(*g, bob, "Fair");
    std::string doc = upload(bob, other, "slow-b.txt", "Texto de Bob.\n");
    auto fair = start_run(bob, other, {doc});
    EXPECT_EQ(fair.status, 202) << fair.body;
}

// An attempt that runs past its deadline is abandoned and counts as a failed attempt: retried
// while the plan allows, then failed; the run ends and the worker is free for the next document.
TEST_P(runs, an_attempt_past_its_deadline_fails_and_is_retried) {
    launch({{"GALLEY_FAULTS", "slow_ms=slow:600000"},
            {"GALLEY_ATTEMPT_DEADLINE_SECONDS", "2"},
            {"GALLEY_HEARTBEAT_SECONDS", "1"},
            {"GALLEY_MAX_WORKERS", "1"}},
           R"({"free": {"requests_per_minute": 0, "max_attempts": 2}})");
    auto u = register_user(*g, "deadline@example.com");
    std::string project = create_project(*g, u, "Deadline");
    upload(u, project, "slow.txt", "Un texto que nunca termina de corregirse.\n");
    upload(u, project, "quick.txt", "Un texto breve.\n");
    auto created = start_run(u, project, {});
    ASSERT_EQ(created.status, 202) << created.body;
    json run = wait_final(u, json_of(created)["data"]["id"]);
    ASSERT_EQ(run["status"], "partial") << run.dump(1) << g->log();
    auto docs = documents_by_name(run);
    EXPECT_EQ(docs["slow.txt"]["status"], "failed") << docs["slow.txt"].dump();
    EXPECT_EQ(docs["slow.txt"]["attempts"], 2) << "retried once, like any failed attempt";
    EXPECT_NE(docs["slow.txt"]["error"].get<std::string>().find("deadline"), std::string::npos)
        << docs["slow.txt"].dump();
    EXPECT_EQ(docs["quick.txt"]["status"], "succeeded") << "the one worker was freed";
}
