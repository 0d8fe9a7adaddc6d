// End-to-end partition: one of three nodes runs in its own network namespace, joined to the host
// by a veth pair. Taking the link down cuts it off from the database and from its peers while it
// keeps running. The survivors must declare it dead, take over its documents and finish the run
// with every document once; when the link comes back the partitioned node must not publish
// anything for documents that moved on (fencing), and it rejoins as alive.
// Needs root and `ip netns`; skipped with a message where the machine does not allow it.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <iostream>
#include <map>

#include "tests/e2e/cluster_support.hpp"

using namespace galley::testing;
using nlohmann::json;

namespace {
int sh(const std::string& command) { return std::system((command + " >/dev/null 2>&1").c_str()); }

// A network namespace with a veth pair: host side HOST_IP/24, namespace side NS_IP/24.
struct veth_namespace {
    std::string name, host_if, ns_if, host_ip, ns_ip;
    bool made = false;

    bool create() {
        int id = static_cast<int>(::getpid() % 200) + 20;
        name = "galley-part-" + std::to_string(::getpid());
        host_if = "gph" + std::to_string(::getpid());
        ns_if = "gpn" + std::to_string(::getpid());
        host_ip = "10.231." + std::to_string(id) + ".1";
        ns_ip = "10.231." + std::to_string(id) + ".2";
        if (sh("ip netns add " + name) != 0) return false;
        made = true;
        return sh("ip link add " + host_if + " type veth peer name " + ns_if) == 0 &&
               sh("ip link set " + ns_if + " netns " + name) == 0 &&
               sh("ip addr add " + host_ip + "/24 dev " + host_if) == 0 && sh("ip link set " + host_if + " up") == 0 &&
               sh("ip netns exec " + name + " ip addr add " + ns_ip + "/24 dev " + ns_if) == 0 &&
               sh("ip netns exec " + name + " ip link set " + ns_if + " up") == 0 &&
               sh("ip netns exec " + name + " ip link set lo up") == 0;
    }
    bool cut() { return sh("ip link set " + host_if + " down") == 0; }
    bool heal() { return sh("ip link set " + host_if + " up") == 0; }
    ~veth_namespace() {
        if (!made) return;
        sh("ip link del " + host_if);
        sh("ip netns del " + name);
    }
};

// A PostgreSQL of the test's own that also listens on the host side of the veth pair.
struct reachable_postgres {
    std::string dir = make_temp_dir("galley-pgpart");
    std::string script = std::string(GALLEY_SOURCE_DIR) + "/scripts/pg_throwaway.sh";
    std::string url;
    bool start(const std::string& also_listen) {
        std::string out = dir + "/dsn";
        if (std::system(("GALLEY_PG_ALSO_LISTEN=" + also_listen + " bash " + script + " start " + dir + " > " + out).c_str()) != 0)
            return false;
        url = slurp(out);
        url.erase(url.find_last_not_of("\n") + 1);
        auto at = url.find("@127.0.0.1:");
        if (at == std::string::npos) return false;
        url.replace(at + 1, 9, also_listen);
        return true;
    }
    ~reachable_postgres() { std::system(("bash " + script + " stop " + dir + " >/dev/null 2>&1").c_str()); }
};

std::map<std::string, json> nodes_by_id(const galley_process& g, const std::string& token) {
    std::map<std::string, json> out;
    auto j = json_of(g.request("GET", "/api/v1/admin/nodes", {}, token));
    if (!j.is_object() || !j.value("ok", false)) return out;
    for (const auto& n : j["data"]["items"]) out[n["node_id"]] = n;
    return out;
}
}  // namespace

TEST(cluster, a_partitioned_node_loses_its_work_and_publishes_nothing_late) {
    if (test_pg_dsn().empty()) GTEST_SKIP() << "GALLEY_TEST_PG is not set (scripts/test.sh sets it)";
    if (::geteuid() != 0) GTEST_SKIP() << "the partition test needs root for ip netns; skipped";
    veth_namespace ns;
    if (!ns.create()) GTEST_SKIP() << "this machine does not allow network namespaces with veth pairs (ip netns); skipped";
    reachable_postgres pg;
    ASSERT_TRUE(pg.start(ns.host_ip)) << "PostgreSQL on " << ns.host_ip;

    std::string shared = make_temp_dir("galley-partition");
    std::map<std::string, std::string> env = {{"GALLEY_FAULTS", "slow_ms=doc:2500"},
                                              {"GALLEY_LOCK_TTL_SECONDS", "4"},
                                              {"GALLEY_HEARTBEAT_SECONDS", "1"},
                                              {"GALLEY_MAX_WORKERS", "2"},
                                              {"GALLEY_JWT_SECRET", "partition-test-secret-partition-test-secret"}};
    std::vector<std::uint16_t> cluster_ports = {free_port(), free_port(), free_port()};
    std::vector<std::unique_ptr<galley_process>> nodes;
    for (int i = 0; i < 3; ++i) {
        auto g = std::make_unique<galley_process>(make_temp_dir("galley-node"), pg.url, env);
        // Node 1 lives in the namespace; the others serve on the host side of the veth pair.
        g->set_host(i == 1 ? ns.ns_ip : ns.host_ip);
        if (i == 1) g->set_launcher({"ip", "netns", "exec", ns.name});
        g->set_extra_args({"--storage", shared + "/storage", "--cluster-port", std::to_string(cluster_ports[i]),
                           "--join", ns.host_ip + ":" + std::to_string(cluster_ports[0])});
        ASSERT_TRUE(g->start()) << g->log();
        nodes.push_back(std::move(g));
    }
    std::string cut_id = ns.ns_ip + ":" + std::to_string(cluster_ports[1]);
    auto& survivor = *nodes[0];

    auto admin = register_user(survivor, "ops@example.com");
    for (const char* cmd : {"set-role", "set-plan"}) {
        std::string value = std::string(cmd) == "set-role" ? "admin" : "pro";
        ASSERT_EQ(std::system((galley_binary() + " admin " + cmd + " --db " + pg.url + " ops@example.com " + value +
                               " >/dev/null").c_str()), 0);
    }
    ASSERT_TRUE(eventually([&] {
        for (const auto& g : nodes)
            if (metric(*g, "galley_cluster_members{status=\"alive\"}") != 3 ||
                metric(*g, "galley_cluster_peers_connected") != 2)
                return false;
        return true;
    })) << "three members, each connected to both peers";

    std::string project = create_project(survivor, admin, "Particion");
    for (int i = 0; i < 18; ++i)
        ASSERT_EQ(upload_raw(survivor, admin, project, "doc" + std::to_string(i) + ".txt",
                             "Documento " + std::to_string(i) + ". Tambien hay un dia.\n").status, 201);
    auto created = survivor.request("POST", "/api/v1/projects/" + project + "/runs", {}, admin.access_token);
    ASSERT_EQ(created.status, 202) << created.body;
    std::string run = json_of(created)["data"]["id"];
    auto run_state = [&] { return json_of(survivor.request("GET", "/api/v1/runs/" + run, {}, admin.access_token)); };

    // Cut the link while the namespaced node is correcting documents.
    ASSERT_TRUE(eventually([&] {
        auto n = nodes_by_id(survivor, admin.access_token);
        return n.count(cut_id) && n[cut_id].value("running", 0) > 0;
    })) << "the namespaced node takes work";
    ASSERT_TRUE(ns.cut());
    auto cut_at = std::chrono::steady_clock::now();
    auto since_cut = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - cut_at).count(); };

    EXPECT_TRUE(eventually([&] { return nodes_by_id(survivor, admin.access_token)[cut_id].value("status", "") == "dead"; },
                           std::chrono::seconds(60)))
        << "the survivors declare the unreachable node dead";
    std::cout << "[ figures  ] partitioned node declared dead " << since_cut() << " s after the cut\n";
    ASSERT_TRUE(eventually([&] {
        auto r = run_state();
        return r.is_object() && r["data"]["status"] == "succeeded";
    })) << "the survivors finish the run without the partitioned node: " << run_state().dump();
    std::cout << "[ figures  ] run finished " << since_cut() << " s after the cut (TTL 4 s)\n";

    // Heal: the partitioned node comes back, finds its leases gone and publishes nothing late.
    ASSERT_TRUE(ns.heal());
    // Its TCP connections resume on the next retransmission, which backs off while the link is down.
    EXPECT_TRUE(eventually([&] { return nodes_by_id(survivor, admin.access_token)[cut_id].value("status", "") == "alive"; },
                           std::chrono::seconds(150)))
        << "the partitioned node rejoins once it reaches the database again";
    EXPECT_TRUE(eventually([&] {
        std::string log = nodes[1]->log();
        return log.find("lease lost; attempt discarded") != std::string::npos ||
               log.find("not committed") != std::string::npos;
    }, std::chrono::seconds(150))) << "the partitioned node's in-flight attempts are refused:\n" << nodes[1]->log();

    auto r = run_state();
    EXPECT_EQ(r["data"]["status"], "succeeded");
    for (const auto& d : r["data"]["documents"]) {
        EXPECT_EQ(d["status"], "succeeded");
        EXPECT_EQ(d["attempts"], 1) << "losing a node is not a failed attempt";
    }
    auto exports = json_of(survivor.request("GET", "/api/v1/runs/" + run + "/exports?limit=500", {}, admin.access_token));
    std::map<std::pair<std::string, std::string>, int> per_kind;
    for (const auto& e : exports["data"]["items"])
        per_kind[{e["document_id"].is_null() ? "" : e["document_id"].get<std::string>(), e["kind"]}]++;
    EXPECT_EQ(per_kind.size(), 18u * 2 + 2) << "corrections + corrected per document, changelog + summary";
    for (const auto& [key, n] : per_kind) EXPECT_EQ(n, 1) << key.first << " " << key.second;
    // The nodes are killed before the namespace goes (declared after it).
}
