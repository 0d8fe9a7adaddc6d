// End-to-end cluster, one clock (#12 item 3): a node whose machine clock runs a minute ahead
// (libfaketime) follows the database's clock, so it neither recovers the live leases of its
// peers nor declares them dead, and the run finishes with every document corrected once.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

#include "tests/e2e/cluster_support.hpp"

using namespace galley::testing;
using nlohmann::json;

namespace {
// libfaketime's multi-threaded preload library (Debian faketime), wherever the multiarch path is.
std::string libfaketime() {
    std::error_code ec;
    for (const auto& dir : std::filesystem::directory_iterator("/usr/lib", ec)) {
        auto lib = dir.path() / "faketime" / "libfaketimeMT.so.1";
        if (std::filesystem::exists(lib, ec)) return lib.string();
    }
    return {};
}
}  // namespace

TEST(cluster, a_node_a_minute_ahead_recovers_nothing_and_declares_no_one_dead) {
    const std::string preload = libfaketime();
    if (preload.empty()) GTEST_SKIP() << "libfaketime is missing (Debian faketime; scripts/test.sh installs it)";
    three_node_cluster cluster;
    // The wall clock only: a machine whose clock is off still measures intervals right. `env`
    // execs galley itself (the faketime wrapper would fork, and stopping it would orphan galley).
    cluster.launchers[2] = {"env", "LD_PRELOAD=" + preload, "FAKETIME=+60s", "FAKETIME_DONT_FAKE_MONOTONIC=1"};
    GALLEY_START_CLUSTER_OR_SKIP(cluster, cluster_env(4, {{"GALLEY_FAULTS", "slow_ms=doc:2500"}, {"GALLEY_MAX_WORKERS", "2"}}));
    auto& nodes = cluster.nodes;
    auto admin = cluster.admin("clock@example.com");
    std::string project = create_project(*nodes[0], admin, "Reloj");
    for (int i = 0; i < 8; ++i)
        ASSERT_EQ(upload_raw(*nodes[i % 3], admin, project, "doc" + std::to_string(i) + ".txt",
                             "Documento " + std::to_string(i) + ", tambien.\n").status, 201);
    auto created = nodes[0]->request("POST", "/api/v1/projects/" + project + "/runs", {}, admin.access_token);
    ASSERT_EQ(created.status, 202) << created.body;
    const std::string run = json_of(created)["data"]["id"];

    // While the run goes on, the fast node declares no member dead.
    std::string declared_dead;
    ASSERT_TRUE(eventually([&] {
        auto seen = node_statuses(*nodes[2], admin.access_token);
        for (const auto& [id, status] : seen)
            if (status == "dead") declared_dead = id;
        auto r = json_of(nodes[1]->request("GET", "/api/v1/runs/" + run, {}, admin.access_token));
        return r.is_object() && r["data"]["status"] == "succeeded";
    }, std::chrono::seconds(120)));
    EXPECT_EQ(declared_dead, "") << "the fast node declared a live peer dead; node ids " << cluster.node_id(0) << " "
                                 << cluster.node_id(1) << " " << cluster.node_id(2) << "\n--- fast node:\n"
                                 << nodes[2]->log().substr(0, 3000);

    auto log = json_of(nodes[0]->request("GET", "/api/v1/runs/" + run + "/log?limit=500", {}, admin.access_token));
    int recovered = 0, succeeded = 0;
    for (const auto& line : log["data"]["items"]) {
        recovered += line["event"] == "recovered";
        succeeded += line["event"] == "succeeded";
    }
    EXPECT_EQ(recovered, 0) << "no live lease was taken for an orphan: " << log.dump();
    EXPECT_EQ(succeeded, 8);
    auto r = json_of(nodes[0]->request("GET", "/api/v1/runs/" + run, {}, admin.access_token));
    for (const auto& d : r["data"]["documents"]) EXPECT_EQ(d["attempts"], 1) << d.dump();
    EXPECT_NE(nodes[2]->log().find("clock is off the database's"), std::string::npos)
        << "the fast node reported and corrected its clock";
}
