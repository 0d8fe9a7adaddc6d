#pragma once
// Cluster membership as the database records it (DESIGN.md, Cluster): one row per node with its
// cluster address, boot incarnation, status and heartbeat. Any node may declare another dead
// when its heartbeat is older than the TTL; declaring a node dead expires its leases at once so
// the survivors recover its documents (fencing keeps a merely partitioned node from writing).
#include <string>
#include <vector>

#include "domain/clock.hpp"
#include "domain/result.hpp"
#include "persistence/database.hpp"

namespace galley::persistence {

struct node_record {
    std::string node_id;
    std::string address;       // host:cluster-port
    std::string http_address;  // host:http-port
    std::string incarnation;
    std::string status;  // alive | suspect | dead
    int running = 0;
    micros last_heartbeat = 0;
    micros started_at = 0;
};

class node_repository {
public:
    explicit node_repository(database& db) : db_(db) {}

    /// Records this node as alive with a new incarnation (a restart after kill -9 rejoins).
    status announce(const node_record& self);
    /// Renews this node's heartbeat and its running count (documents leased to `lease_owner`);
    /// conflict when another node declared it dead meanwhile (it then re-announces).
    status heartbeat(const std::string& node_id, const std::string& incarnation, const std::string& lease_owner,
                     micros now);
    result<std::vector<node_record>> list();
    /// Marks `node_id` suspect (its connection dropped) unless it is already dead.
    status suspect(const std::string& node_id);
    /// Declares nodes whose heartbeat is older than `ttl` dead and expires their leases; returns
    /// the ids declared dead now.
    result<std::vector<std::string>> declare_dead(micros now, micros ttl);

private:
    database& db_;
};

}  // namespace galley::persistence
