#pragma once
// This node's membership in the cluster (DESIGN.md, Cluster). It records the node in the `nodes`
// table and heartbeats it, publishes the node's relay actor on the cluster port (with address
// reuse, so a node restarted after kill -9 binds again at once), connects to the --join members
// and to every live node the table lists, and detects failures from two signals: the middleman
// connection going down (the node becomes suspect) and heartbeats older than the lease TTL (the
// node is declared dead and its leases expire, so the survivors re-run its documents).
// Cancels are relayed to every connected node, so they reach the node running the document.
// CAF-free header; construct after the runtime, destroy before it.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "actors/runtime.hpp"
#include "domain/result.hpp"
#include "persistence/database.hpp"

namespace prometheus {
class Registry;
}

namespace galley::cluster {

struct cluster_options {
    std::string node_id;
    std::string host = "127.0.0.1";  // advertised host
    std::uint16_t cluster_port = 0;  // 0: a single node (still recorded and heartbeated)
    std::string http_address;
    std::vector<std::string> join;   // host:port of members
    int heartbeat_seconds = 2;
    int ttl_seconds = 10;
};

class cluster_node {
public:
    /// Announces the node and starts the membership actor; unavailable when the cluster port
    /// cannot be bound.
    static result<std::unique_ptr<cluster_node>> start(cluster_options options, actors::runtime& rt,
                                                        persistence::database& db,
                                                        std::shared_ptr<prometheus::Registry> metrics);
    ~cluster_node();

private:
    cluster_node() = default;
    struct impl;
    std::unique_ptr<impl> impl_;
};

/// The node id DESIGN.md prescribes when --node-id is not given: the advertised host:cluster-port
/// (host:http-port for a node without a cluster port). Never derived from shared storage.
std::string default_node_id(const std::string& host, std::uint16_t cluster_port, std::uint16_t http_port);

}  // namespace galley::cluster
