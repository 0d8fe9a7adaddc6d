// End-to-end: the job log of a run (API.md GET /runs/{id}/log) on SQLite and PostgreSQL: every
// document's queueing, claim by a node, attempts, a retry with its error, success with its
// counts, and cancellation before and during work — oldest first, per document, in pages.
#include "tests/e2e/runs_fixture.hpp"

using namespace galley::testing;

namespace {
std::vector<std::string> events_of(const json& lines, const std::string& document_id) {
    std::vector<std::string> out;
    for (const auto& l : lines)
        if (l["document_id"] == document_id) out.push_back(l["event"]);
    return out;
}
}  // namespace

class job_log : public runs {
protected:
    // Every line of the run's log (optionally of one document), following next_cursor in pages of 3.
    json log_of(const api_user& u, const std::string& run_id, const std::string& document_id = {}) {
        json out = json::array();
        std::string cursor;
        for (int pages = 0; pages < 100; ++pages) {
            std::string target = "/api/v1/runs/" + run_id + "/log?limit=3" +
                                 (document_id.empty() ? "" : "&document_id=" + document_id) +
                                 (cursor.empty() ? "" : "&cursor=" + cursor);
            auto r = g->request("GET", target, {}, u.access_token);
            EXPECT_EQ(r.status, 200) << r.body;
            auto data = json_of(r)["data"];
            for (auto& l : data["items"]) out.push_back(l);
            if (!data["next_cursor"].is_string()) break;
            cursor = data["next_cursor"];
        }
        return out;
    }
};

TEST_P(job_log, tells_each_documents_life_from_queue_to_outcome) {
    launch({{"GALLEY_FAULTS", "throw_on=flaky:1"}});
    auto u = register_user(*g, "log@example.com");
    std::string project = create_project(*g, u, "Bitacora");
    auto ids = upload_texts(u, project, {"flaky.txt", "fine.txt"}, "Yo tambien escribo ");
    auto created = start_run(u, project, ids);
    ASSERT_EQ(created.status, 202) << created.body;
    std::string run_id = json_of(created)["data"]["id"];
    ASSERT_EQ(wait_final(u, run_id)["status"], "succeeded");

    json lines = log_of(u, run_id);
    EXPECT_EQ(events_of(lines, ids[0]), (std::vector<std::string>{"queued", "claimed", "started", "retried", "claimed",
                                                                   "started", "succeeded"}));
    EXPECT_EQ(events_of(lines, ids[1]), (std::vector<std::string>{"queued", "claimed", "started", "succeeded"}));
    for (std::size_t i = 1; i < lines.size(); ++i) EXPECT_LE(lines[i - 1]["at"], lines[i]["at"]) << "oldest first";
    for (const auto& l : lines) {
        if (l["event"] == "queued") {
            EXPECT_TRUE(l["node_id"].is_null()) << "a request queued it, not a node";
        } else {
            EXPECT_TRUE(l["node_id"].is_string() && !l["node_id"].get<std::string>().empty()) << l.dump();
        }
        if (l["event"] == "retried") {
            EXPECT_EQ(l["attempt"], 1);
            EXPECT_NE(l["detail"].get<std::string>().find("next attempt"), std::string::npos) << l.dump();
        }
        if (l["event"] == "succeeded") {
            EXPECT_NE(l["detail"].get<std::string>().find("suggestions"), std::string::npos);
        }
    }
    auto only_fine = log_of(u, run_id, ids[1]);
    EXPECT_EQ(only_fine.size(), 4u);
    EXPECT_EQ(events_of(only_fine, ids[1]).back(), "succeeded");

    auto stranger = register_user(*g, "other@example.com");
    EXPECT_EQ(g->request("GET", "/api/v1/runs/" + run_id + "/log", {}, stranger.access_token).status, 404);
    EXPECT_EQ(g->request("GET", "/api/v1/runs/" + run_id + "/log?document_id=nope", {}, u.access_token).status, 400);
}

TEST_P(job_log, records_cancellation_of_queued_and_running_documents) {
    launch({{"GALLEY_FAULTS", "slow_ms=slow:30000"}, {"GALLEY_MAX_WORKERS", "1"}});
    auto u = register_user(*g, "cancel-log@example.com");
    std::string project = create_project(*g, u, "Cancelada");
    auto ids = upload_texts(u, project, {"slow.txt", "waiting.txt"});
    auto created = start_run(u, project, ids);
    ASSERT_EQ(created.status, 202);
    std::string run_id = json_of(created)["data"]["id"];
    wait_run(u, run_id, [](const json& r) { return r["counts"]["running"] == 1; });
    ASSERT_EQ(g->request("POST", "/api/v1/runs/" + run_id + "/cancel", {}, u.access_token).status, 200);
    ASSERT_EQ(wait_final(u, run_id)["status"], "cancelled");
    json lines = log_of(u, run_id);
    EXPECT_EQ(events_of(lines, ids[0]), (std::vector<std::string>{"queued", "claimed", "started", "cancelled"}));
    EXPECT_EQ(events_of(lines, ids[1]), (std::vector<std::string>{"queued", "cancelled"}));
}

INSTANTIATE_TEST_SUITE_P(backends, job_log, ::testing::Values(backend_kind::sqlite, backend_kind::postgresql),
                         [](const auto& info) { return backend_label(info.param); });
