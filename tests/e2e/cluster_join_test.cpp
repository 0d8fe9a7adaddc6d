// End-to-end, membership never blocks (#12 item 2). Every node of a three-node cluster is told
// to join, first of all, an address that swallows packets (a connect there hangs for the
// kernel's SYN timeout, about two minutes): the nodes still form the cluster, keep heartbeating
// and declare no one suspect or dead. The address is a host-side veth whose neighbour entry
// points at a MAC nobody has, so SYNs vanish without an answer; making it needs root and `ip`.
// And membership rounds slower than the TTL delay no heartbeat either.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>

#include "tests/e2e/cluster_support.hpp"

using namespace galley::testing;

namespace {
int sh(const std::string& command) { return std::system((command + " >/dev/null 2>&1").c_str()); }

// HOST_IP/24 on a veth; packets to the `silent` address of that subnet go to a MAC nobody has.
struct silent_address {
    std::string host_if = "gbh" + std::to_string(::getpid()), peer_if = "gbp" + std::to_string(::getpid());
    std::string subnet = "10.232." + std::to_string(::getpid() % 200 + 20);
    std::string silent = subnet + ".2";
    bool made = false;

    bool create() {
        if (sh("ip link add " + host_if + " type veth peer name " + peer_if) != 0) return false;
        made = true;
        return sh("ip addr add " + subnet + ".1/24 dev " + host_if) == 0 && sh("ip link set " + host_if + " up") == 0 &&
               sh("ip link set " + peer_if + " up") == 0 &&
               sh("ip neigh replace " + silent + " lladdr 02:00:00:00:00:99 dev " + host_if + " nud permanent") == 0;
    }
    ~silent_address() {
        if (made) sh("ip link del " + host_if);
    }
};
}  // namespace

TEST(cluster, a_join_address_that_swallows_packets_delays_no_heartbeat) {
    silent_address blackhole;
    if (::geteuid() != 0 || !blackhole.create()) GTEST_SKIP() << "needs root and `ip` to make a silent address";
    three_node_cluster cluster;
    cluster.also_join = blackhole.silent + ":7946";
    GALLEY_START_CLUSTER_OR_SKIP(cluster, cluster_env(4));
    ASSERT_TRUE(cluster.wait_until_formed()) << cluster.nodes[0]->log().substr(0, 4000);
    auto admin = cluster.admin("join@example.com");

    // Three TTLs of watching.
    EXPECT_EQ(cluster.first_member_trouble(admin.access_token, std::chrono::seconds(12)), "")
        << cluster.nodes[1]->log().substr(0, 4000);
    for (auto& node : cluster.nodes) EXPECT_EQ(metric(*node, "galley_cluster_peers_connected"), 2);
}

// Heartbeats come from an actor of their own: every node's membership rounds (failure
// detection, the member list) take 8 s here (fault slow_member), longer than the 5 s TTL, as a
// database slow to answer would make them. Heartbeats still go every second, so no node is
// declared dead; with the heartbeat inside the round, each node would be declared dead at once.
TEST(cluster, a_slow_membership_round_delays_no_heartbeat) {
    three_node_cluster cluster;
    GALLEY_START_CLUSTER_OR_SKIP(cluster, cluster_env(5, {{"GALLEY_FAULTS", "slow_member=127.0.0.1:8000"}}));
    auto admin = cluster.admin("slowround@example.com");
    ASSERT_TRUE(eventually([&] { return node_statuses(*cluster.nodes[0], admin.access_token).size() == 3; }))
        << cluster.nodes[0]->log().substr(0, 4000);
    // Four TTLs, and more than two slow rounds on every node.
    EXPECT_EQ(cluster.first_member_trouble(admin.access_token, std::chrono::seconds(20)), "")
        << cluster.nodes[1]->log().substr(0, 4000);
}
