// End-to-end cluster: three nodes on loopback share one PostgreSQL and one storage directory.
// A 30-document run survives kill -9 of a node mid-run: every document succeeds exactly once,
// no artefact is duplicated, the dead node shows as dead, and restarting it rejoins it.
#include <gtest/gtest.h>

#include <chrono>
#include <iostream>
#include <map>
#include <thread>

#include "tests/support/api_session.hpp"
#include "tests/support/scratch_db.hpp"

using namespace galley::testing;
using nlohmann::json;

namespace {
template <class Pred>
bool eventually(Pred pred, std::chrono::seconds limit = std::chrono::seconds(90)) {
    auto deadline = std::chrono::steady_clock::now() + limit;
    while (std::chrono::steady_clock::now() < deadline) {
        if (pred()) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return false;
}

std::map<std::string, std::string> node_statuses(const galley_process& g, const std::string& token) {
    std::map<std::string, std::string> out;
    auto j = json_of(g.request("GET", "/api/v1/admin/nodes", {}, token));
    if (!j.is_object() || !j.value("ok", false)) return out;
    for (const auto& n : j["data"]["items"]) out[n["node_id"]] = n["status"];
    return out;
}
}  // namespace

TEST(cluster, three_nodes_finish_a_run_exactly_once_after_kill_9) {
    std::string db = scratch_database_url(backend_kind::postgresql);
    if (db.empty()) GTEST_SKIP() << "GALLEY_TEST_PG is not set (scripts/test.sh sets it)";
    std::string shared = make_temp_dir("galley-cluster");
    std::vector<std::uint16_t> cluster_ports = {free_port(), free_port(), free_port()};
    std::map<std::string, std::string> env = {{"GALLEY_FAULTS", "slow_ms=doc:600"},
                                              {"GALLEY_LOCK_TTL_SECONDS", "4"},
                                              {"GALLEY_HEARTBEAT_SECONDS", "1"},
                                              {"GALLEY_MAX_WORKERS", "2"},
                                              {"GALLEY_JWT_SECRET", "cluster-test-secret-cluster-test-secret-42"}};
    std::vector<std::unique_ptr<galley_process>> nodes;
    for (int i = 0; i < 3; ++i) {
        std::string dir = make_temp_dir("galley-node");
        auto g = std::make_unique<galley_process>(dir, db, env);
        g->set_extra_args({"--storage", shared + "/storage", "--cluster-port", std::to_string(cluster_ports[i]),
                           "--join", "127.0.0.1:" + std::to_string(cluster_ports[0])});
        ASSERT_TRUE(g->start()) << g->log();
        nodes.push_back(std::move(g));
    }
    // Any node serves any client: register on one, administer from another.
    auto admin = register_user(*nodes[0], "ops@example.com");
    ASSERT_EQ(std::system((galley_binary() + " admin set-role --db " + db + " ops@example.com admin >/dev/null").c_str()), 0);
    ASSERT_EQ(std::system((galley_binary() + " admin set-plan --db " + db + " ops@example.com pro >/dev/null").c_str()), 0);
    ASSERT_TRUE(eventually([&] {
        auto s = node_statuses(*nodes[1], admin.access_token);
        return s.size() == 3 && s.begin()->second == "alive" && std::next(s.begin())->second == "alive" &&
               std::prev(s.end())->second == "alive";
    })) << "three alive members";

    std::string project = create_project(*nodes[2], admin, "Cluster");
    for (int i = 0; i < 30; ++i)
        ASSERT_EQ(upload_raw(*nodes[i % 3], admin, project, "doc" + std::to_string(i) + ".txt",
                             "Documento " + std::to_string(i) + ". Tambien hay un dia.\n").status, 201);
    auto created = nodes[1]->request("POST", "/api/v1/projects/" + project + "/runs", {}, admin.access_token);
    ASSERT_EQ(created.status, 202) << created.body;
    std::string run = json_of(created)["data"]["id"];
    auto run_state = [&](const galley_process& g) { return json_of(g.request("GET", "/api/v1/runs/" + run, {}, admin.access_token)); };

    // Kill node 2 once it holds work and some documents are done.
    ASSERT_TRUE(eventually([&] {
        auto s = node_statuses(*nodes[0], admin.access_token);
        auto r = run_state(*nodes[0]);
        return r.is_object() && r["data"]["counts"]["succeeded"].get<int>() >= 3;
    }));
    nodes[2]->kill_hard();
    auto killed_at = std::chrono::steady_clock::now();

    ASSERT_TRUE(eventually([&] {
        auto r = run_state(*nodes[0]);
        return r.is_object() && r["data"]["status"] == "succeeded";
    })) << run_state(*nodes[0]).dump();
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - killed_at).count();
    std::cout << "[ figures  ] run finished " << seconds << " s after kill -9 of one of three nodes\n";

    auto r = run_state(*nodes[1]);
    for (const auto& d : r["data"]["documents"]) {
        EXPECT_EQ(d["status"], "succeeded");
        EXPECT_EQ(d["attempts"], 1) << "recovering from a dead node is not a failed attempt";
    }
    auto exports = json_of(nodes[0]->request("GET", "/api/v1/runs/" + run + "/exports", {}, admin.access_token));
    std::map<std::pair<std::string, std::string>, int> per_kind;
    for (const auto& e : exports["data"]["items"])
        per_kind[{e["document_id"].is_null() ? "" : e["document_id"].get<std::string>(), e["kind"]}]++;
    EXPECT_EQ(per_kind.size(), 30u * 2 + 2) << "corrections + corrected per document, changelog + summary";
    for (const auto& [key, n] : per_kind) EXPECT_EQ(n, 1) << key.first << " " << key.second;

    std::string dead_id = "127.0.0.1:" + std::to_string(cluster_ports[2]);
    EXPECT_TRUE(eventually([&] { return node_statuses(*nodes[0], admin.access_token)[dead_id] == "dead"; },
                           std::chrono::seconds(30)));
    // Restarted on the same cluster port (address reuse), it rejoins.
    ASSERT_TRUE(nodes[2]->start()) << nodes[2]->log();
    EXPECT_TRUE(eventually([&] { return node_statuses(*nodes[1], admin.access_token)[dead_id] == "alive"; },
                           std::chrono::seconds(30)));
    auto metrics = nodes[0]->request("GET", "/metrics");
    EXPECT_NE(metrics.body.find("galley_cluster_members{status=\"alive\"}"), std::string::npos);
}

TEST(cluster, admin_nodes_needs_the_admin_role) {
    galley_process g(make_temp_dir("galley-admin-nodes"));
    ASSERT_TRUE(g.start()) << g.log();
    auto u = register_user(g, "plain@example.com");
    auto r = g.request("GET", "/api/v1/admin/nodes", {}, u.access_token);
    EXPECT_EQ(r.status, 403);
    EXPECT_EQ(json_of(r)["error"]["code"], "forbidden");
}
