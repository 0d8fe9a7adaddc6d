#include "cluster/membership.hpp"

#include <caf/all.hpp>
#include <caf/io/all.hpp>

#include <prometheus/gauge.h>
#include <prometheus/registry.h>

#include <cstdio>
#include <map>
#include <set>

#include "actors/messages.hpp"
#include "persistence/node_repository.hpp"

namespace galley::cluster {

using namespace galley::actors;

namespace {
struct peer {
    caf::actor handle;
};

struct membership_state {
    std::map<std::string, peer> peers;  // address → connection
    std::set<std::string> failed_addresses;
    prometheus::Family<prometheus::Gauge>* members = nullptr;
    prometheus::Family<prometheus::Gauge>* node_running = nullptr;
};

std::pair<std::string, std::uint16_t> split_address(const std::string& address) {
    auto colon = address.rfind(':');
    if (colon == std::string::npos) return {address, 0};
    return {address.substr(0, colon), static_cast<std::uint16_t>(std::stoi(address.substr(colon + 1)))};
}

}  // namespace

caf::behavior membership(caf::event_based_actor* self, cluster_options options, actors::context_ptr ctx,
                         caf::actor dispatcher, std::string incarnation, std::shared_ptr<prometheus::Registry> metrics) {
    auto st = std::make_shared<membership_state>();
    st->members = &prometheus::BuildGauge().Name("galley_cluster_members").Help("Cluster members by status")
                       .Register(*metrics);
    st->node_running = &prometheus::BuildGauge().Name("galley_node_running_documents")
                            .Help("Documents being corrected, per node (from the nodes table)").Register(*metrics);
    auto nodes = std::make_shared<persistence::node_repository>(*ctx->db);
    std::string self_address = options.host + ":" + std::to_string(options.cluster_port);

    self->set_down_handler([=](caf::down_msg& dm) {
        for (auto it = st->peers.begin(); it != st->peers.end(); ++it) {
            if (it->second.handle.address() != dm.source) continue;
            std::printf("{\"level\":\"warn\",\"msg\":\"cluster peer connection lost\",\"address\":\"%s\"}\n",
                        it->first.c_str());
            if (auto list = nodes->list())
                for (const auto& n : *list)
                    if (n.address == it->first) (void)nodes->suspect(n.node_id);
            st->peers.erase(it);
            return;
        }
    });

    auto connect_peers = [=] {
        if (options.cluster_port == 0) return;
        std::set<std::string> wanted(options.join.begin(), options.join.end());
        if (auto list = nodes->list())
            for (const auto& n : *list)
                if (n.status != "dead" && n.node_id != options.node_id) wanted.insert(n.address);
        wanted.erase(self_address);
        for (const auto& address : wanted) {
            if (st->peers.count(address)) continue;
            auto [host, port] = split_address(address);
            if (port == 0) continue;
            auto remote = self->system().middleman().remote_actor(host, port);
            if (!remote) continue;  // not up (yet); retried next tick
            self->monitor(*remote);
            st->peers[address] = peer{*remote};
            std::printf("{\"level\":\"info\",\"msg\":\"cluster peer connected\",\"address\":\"%s\"}\n", address.c_str());
        }
    };

    auto tick = [=] {
        micros now = now_micros();
        if (auto hb = nodes->heartbeat(options.node_id, incarnation, ctx->lease_owner(), now); !hb && hb.err().code == errc::conflict) {
            // Declared dead while we were away (partition): our leases are gone, fencing keeps our
            // late writes out; come back as a new member.
            (void)nodes->announce({options.node_id, self_address, options.http_address, incarnation, "alive", 0, now, now});
        }
        micros ttl = static_cast<micros>(options.ttl_seconds) * 1'000'000;
        if (auto dead = nodes->declare_dead(now, ttl); dead && !dead->empty())
            for (const auto& id : *dead)
                std::printf("{\"level\":\"warn\",\"msg\":\"cluster node declared dead\",\"node_id\":\"%s\"}\n", id.c_str());
        connect_peers();
        if (auto list = nodes->list()) {
            std::map<std::string, int> by_status{{"alive", 0}, {"suspect", 0}, {"dead", 0}};
            for (const auto& n : *list) {
                ++by_status[n.status];
                st->node_running->Add({{"node", n.node_id}}).Set(n.running);
            }
            for (const auto& [status, count] : by_status) st->members->Add({{"status", status}}).Set(count);
        }
    };

    self->send(self, tick_atom::value);
    return {
        // Timer, every heartbeat interval.
        [=](tick_atom) {
            tick();
            self->delayed_send(self, std::chrono::seconds(options.heartbeat_seconds), tick_atom::value);
        },
        // From local user actors: a run was cancelled; its documents may run on peers.
        [=](broadcast_atom, const std::string& run_id) {
            for (auto& [_, p] : st->peers) self->send(p.handle, cancel_atom::value, run_id);
        },
        // From peers: stop this run's correctors here.
        [=](cancel_atom, const std::string& run_id) { self->send(dispatcher, cancel_atom::value, run_id); },
    };
}

}  // namespace galley::cluster
