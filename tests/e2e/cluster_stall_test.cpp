// End-to-end, a node paused mid-commit (#12 item 1, PostgreSQL): node A is stopped with SIGSTOP
// while its commit transaction holds a document's row (fault hold_commit). Node B, on the same
// database and storage, keeps claiming and finishing other work, recovers the paused node's
// document once its lease runs out and corrects it; when A resumes, its late commit is refused
// and nothing is published twice. The nodes share only the database here: the queue, the leases
// and the locks are what this is about, not membership.
#include <gtest/gtest.h>

#include <signal.h>

#include "tests/e2e/cluster_support.hpp"
#include "tests/e2e/runs_fixture.hpp"

using namespace galley::testing;
using nlohmann::json;

namespace {
// Resumes a stopped process whatever the test's outcome, so stopping it at the end works.
struct resume_on_exit {
    pid_t pid;
    ~resume_on_exit() {
        if (pid > 0) ::kill(pid, SIGCONT);
    }
};

json run_of(const galley_process& g, const api_user& u, const std::string& run) {
    return json_of(g.request("GET", "/api/v1/runs/" + run, {}, u.access_token));
}

bool run_is(const galley_process& g, const api_user& u, const std::string& run, const std::string& status) {
    auto r = run_of(g, u, run);
    return r.is_object() && r.value("ok", false) && r["data"]["status"] == status;
}

std::string start_run(const galley_process& g, const api_user& u, const std::string& project) {
    auto created = g.request("POST", "/api/v1/projects/" + project + "/runs", {}, u.access_token);
    EXPECT_EQ(created.status, 202) << created.body;
    auto j = json_of(created);
    return j.is_object() && j.value("ok", false) ? j["data"]["id"].get<std::string>() : std::string();
}
}  // namespace

TEST(cluster, a_node_paused_mid_commit_neither_stops_the_others_nor_publishes_twice) {
    const std::string db = scratch_database_url(backend_kind::postgresql);
    if (db.empty()) GTEST_SKIP() << "GALLEY_TEST_PG is not set (scripts/test.sh sets it)";
    const std::string storage = make_temp_dir("galley-stall") + "/storage";
    std::map<std::string, std::string> env = {{"GALLEY_LOCK_TTL_SECONDS", "4"},
                                              {"GALLEY_HEARTBEAT_SECONDS", "1"},
                                              {"GALLEY_MAX_WORKERS", "2"},
                                              {"GALLEY_JWT_SECRET", "stall-test-secret-stall-test-secret-0042"}};
    auto env_a = env;
    env_a["GALLEY_FAULTS"] = "hold_commit=held:15000";
    // B's documents take 2.5 s each, so its work spans the moment A's lease runs out and B's
    // recovery meets the row A's transaction holds.
    auto env_b = env;
    env_b["GALLEY_FAULTS"] = "slow_ms=other:2500";
    galley_process a(make_temp_dir("galley-node-a"), db, env_a), b(make_temp_dir("galley-node-b"), db, env_b);
    a.set_extra_args({"--storage", storage});
    b.set_extra_args({"--storage", storage});
    ASSERT_TRUE(a.start()) << a.log();

    auto u = register_user(a, "stall@example.com");
    std::string project = create_project(a, u, "Pausa");
    ASSERT_EQ(upload_raw(a, u, project, "held.txt", "Un documento que se queda a medias, tambien.\n").status, 201);
    const std::string held_run = start_run(a, u, project);
    ASSERT_FALSE(held_run.empty());
    ASSERT_TRUE(eventually([&] { return a.log().find("holding the commit transaction") != std::string::npos; },
                           std::chrono::seconds(60)))
        << a.log();
    ASSERT_EQ(::kill(a.pid(), SIGSTOP), 0);
    resume_on_exit resume{a.pid()};

    // B starts after A stopped, so only B can claim from now on: new work goes through at once...
    ASSERT_TRUE(b.start()) << b.log();
    std::string other = create_project(b, u, "Otra");
    for (int i = 0; i < 6; ++i)
        ASSERT_EQ(upload_raw(b, u, other, "other" + std::to_string(i) + ".txt", "Otro texto, tambien.\n").status, 201);
    const std::string other_run = start_run(b, u, other);
    ASSERT_FALSE(other_run.empty());
    EXPECT_TRUE(eventually([&] { return run_is(b, u, other_run, "succeeded"); }, std::chrono::seconds(60)))
        << run_of(b, u, other_run).dump() << "\n--- B:\n" << b.log().substr(0, 4000);
    // ...and the paused node's document is recovered once its lease ran out, and corrected by B.
    EXPECT_TRUE(eventually([&] { return run_is(b, u, held_run, "succeeded"); }, std::chrono::seconds(90)))
        << run_of(b, u, held_run).dump() << "\n--- B:\n" << b.log().substr(0, 4000);

    // A resumes: its commit, still inside the old transaction, must not land.
    ASSERT_EQ(::kill(a.pid(), SIGCONT), 0);
    EXPECT_TRUE(eventually([&] { return a.log().find("success not committed") != std::string::npos; },
                           std::chrono::seconds(60)))
        << a.log();
    auto exports = json_of(b.request("GET", "/api/v1/runs/" + held_run + "/exports", {}, u.access_token));
    ASSERT_TRUE(exports.is_object() && exports.value("ok", false)) << exports.dump();
    const auto doc = run_of(b, u, held_run)["data"]["documents"][0];
    EXPECT_EQ(doc["status"], "succeeded");
    EXPECT_EQ(count_exports(exports["data"]["items"], "corrections_jsonl", doc["document_id"]), 1) << exports.dump(1);
    EXPECT_EQ(count_exports(exports["data"]["items"], "corrected_txt", doc["document_id"]), 1) << exports.dump(1);
    auto log = json_of(b.request("GET", "/api/v1/runs/" + held_run + "/log?limit=100", {}, u.access_token));
    int recovered = 0, succeeded = 0;
    for (const auto& line : log["data"]["items"]) {
        recovered += line["event"] == "recovered";
        succeeded += line["event"] == "succeeded";
    }
    EXPECT_EQ(recovered, 1) << log.dump();
    EXPECT_EQ(succeeded, 1) << log.dump();
}
