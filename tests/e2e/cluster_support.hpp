#pragma once
// Shared by the cluster end-to-end tests: condition waits, the admin view of the members and a
// /metrics reader, plus a three-node cluster on loopback ports over one PostgreSQL database.
#include <chrono>
#include <map>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "tests/support/api_session.hpp"
#include "tests/support/scratch_db.hpp"

namespace galley::testing {

template <class Pred>
bool eventually(Pred pred, std::chrono::seconds limit = std::chrono::seconds(90)) {
    auto deadline = std::chrono::steady_clock::now() + limit;
    while (std::chrono::steady_clock::now() < deadline) {
        if (pred()) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));  // polling interval
    }
    return false;
}

/// node id → status, as GET /api/v1/admin/nodes on `g` reports them (empty when it fails).
inline std::map<std::string, std::string> node_statuses(const galley_process& g, const std::string& token) {
    std::map<std::string, std::string> out;
    auto j = json_of(g.request("GET", "/api/v1/admin/nodes", {}, token));
    if (!j.is_object() || !j.value("ok", false)) return out;
    for (const auto& n : j["data"]["items"]) out[n["node_id"]] = n["status"];
    return out;
}

/// The value of the series `series` (name with labels, exactly as exposed) in g's /metrics; -1 if absent.
inline double metric(const galley_process& g, const std::string& series) {
    std::string body = g.request("GET", "/metrics").body;
    auto at = body.find("\n" + series + " ");
    if (at == std::string::npos) return -1;
    return std::stod(body.substr(at + series.size() + 2));
}

/// `extra` plus heartbeats every second and a lease TTL of `ttl_seconds`: failures are noticed
/// within seconds.
inline std::map<std::string, std::string> cluster_env(int ttl_seconds, std::map<std::string, std::string> extra = {}) {
    extra.emplace("GALLEY_HEARTBEAT_SECONDS", "1");
    extra.emplace("GALLEY_LOCK_TTL_SECONDS", std::to_string(ttl_seconds));
    return extra;
}

/// Three nodes on loopback cluster ports sharing one PostgreSQL and one storage directory; node
/// ids are 127.0.0.1:<cluster port>. `env` adds GALLEY_* settings to every node (and a shared
/// JWT secret unless it names one).
struct three_node_cluster {
    std::string db;
    std::vector<std::uint16_t> cluster_ports;
    std::vector<std::unique_ptr<galley_process>> nodes;
    std::map<int, std::vector<std::string>> launchers;  // node index → command prefix (e.g. faketime)
    std::string also_join;  // an address every node is told to join before node 0 (e.g. a dead one)

    bool start(std::map<std::string, std::string> env) {
        env.emplace("GALLEY_JWT_SECRET", "cluster-test-secret-cluster-test-secret-42");  // shared by the nodes
        db = scratch_database_url(backend_kind::postgresql);
        if (db.empty()) return false;
        std::string shared = make_temp_dir("galley-cluster");
        cluster_ports = {free_port(), free_port(), free_port()};
        for (int i = 0; i < 3; ++i) {
            auto g = std::make_unique<galley_process>(make_temp_dir("galley-node"), db, env);
            g->set_extra_args({"--storage", shared + "/storage", "--cluster-port", std::to_string(cluster_ports[i]),
                               "--join", (also_join.empty() ? "" : also_join + ",") + "127.0.0.1:" +
                                             std::to_string(cluster_ports[0])});
            if (auto l = launchers.find(i); l != launchers.end()) g->set_launcher(l->second);
            if (!g->start()) {
                ADD_FAILURE() << g->log();
                return false;
            }
            nodes.push_back(std::move(g));
        }
        return true;
    }
    std::string node_id(int i) const { return "127.0.0.1:" + std::to_string(cluster_ports[i]); }
    /// Registers `email` and makes it an admin on the pro plan (admin commands on the database).
    api_user admin(const std::string& email) {
        auto u = register_user(*nodes[0], email);
        EXPECT_EQ(std::system((galley_binary() + " admin set-role --db " + db + " " + email + " admin >/dev/null").c_str()), 0);
        EXPECT_EQ(std::system((galley_binary() + " admin set-plan --db " + db + " " + email + " pro >/dev/null").c_str()), 0);
        return u;
    }
    /// Watches every node's view of the members for `window`: "" when each saw all three alive
    /// throughout, else what first went wrong. A node whose heartbeat stalls past the TTL is
    /// declared dead within one TTL, so a window of a few TTLs catches it.
    std::string first_member_trouble(const std::string& admin_token, std::chrono::seconds window) {
        const auto until = std::chrono::steady_clock::now() + window;
        while (std::chrono::steady_clock::now() < until) {
            for (std::size_t i = 0; i < nodes.size(); ++i) {
                auto seen = node_statuses(*nodes[i], admin_token);
                if (seen.size() != 3) return "node " + std::to_string(i) + " sees " + std::to_string(seen.size()) + " members";
                for (const auto& [id, status] : seen)
                    if (status != "alive") return "node " + std::to_string(i) + " sees " + id + " " + status;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(200));  // polling interval
        }
        return "";
    }
    /// Every node sees three alive members and holds connections to both peers.
    bool wait_until_formed() {
        return eventually([&] {
            for (const auto& g : nodes)
                if (metric(*g, "galley_cluster_members{status=\"alive\"}") != 3 ||
                    metric(*g, "galley_cluster_peers_connected") != 2)
                    return false;
            return true;
        });
    }
};

}  // namespace galley::testing

/// Starts `cluster` with the environment given (a cluster_env(...) or a braced map), or ends the
/// test: skipped without a PostgreSQL (GALLEY_TEST_PG), failed when the nodes do not come up.
#define GALLEY_START_CLUSTER_OR_SKIP(cluster, ...)                                                     \
    do {                                                                                              \
        if (!(cluster).start(__VA_ARGS__)) {                                                          \
            if ((cluster).db.empty()) GTEST_SKIP() << "GALLEY_TEST_PG is not set (scripts/test.sh sets it)"; \
            FAIL() << "the cluster did not start";                                                    \
        }                                                                                             \
    } while (0)
