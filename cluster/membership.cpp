#include "cluster/membership.hpp"

#include <caf/all.hpp>
#include <caf/io/all.hpp>

#include <prometheus/counter.h>
#include <prometheus/gauge.h>
#include <prometheus/registry.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <set>
#include <thread>

#include "actors/messages.hpp"
#include "cluster/forwarding.hpp"
#include "cluster/heartbeat.hpp"
#include "cluster/peer_connector.hpp"
#include "domain/placement.hpp"
#include "persistence/node_repository.hpp"

namespace galley::cluster {

using namespace galley::actors;

namespace {
struct peer {
    caf::actor handle;
};

// An address whose last connect failed is tried again after `delay` (1 s, doubling to 30 s).
struct retry_after {
    std::chrono::steady_clock::time_point at;
    std::chrono::seconds delay{0};
};

using wire_promise = caf::typed_response_promise<std::int32_t, std::string, std::string, std::string>;

// A forwarded command held back by a delay_forward fault until its timer fires.
struct held_command {
    wire_promise rp;
    caf::message command;
    micros deadline;
};

struct membership_state {
    std::map<std::string, peer> peers;  // address → connection
    caf::actor connector;               // peer_connector: connects without blocking this actor
    std::set<std::string> connecting;   // addresses with a connect under way
    std::map<std::string, retry_after> failing;
    std::map<std::uint64_t, held_command> held;
    std::uint64_t next_held = 0;
    std::vector<std::string> alive;     // node ids, as of the last tick: placement's member list
    std::map<std::string, std::string> address_of;  // node id → cluster address
    prometheus::Family<prometheus::Gauge>* members = nullptr;
    prometheus::Family<prometheus::Gauge>* node_running = nullptr;
    prometheus::Gauge* peers_connected = nullptr;
    prometheus::Counter* commands_local = nullptr;
    prometheus::Counter* commands_forwarded = nullptr;
    prometheus::Counter* commands_received = nullptr;
};

// How long a forwarded command may take on the owner (one database transaction, normally ms).
constexpr auto kForwardTimeout = std::chrono::seconds(15);
// The owner carries out a forwarded command only before this much time has passed since it was
// sent (by the database's clock, which every node follows): well inside the sender's timeout, so
// a command its sender gave up on (telling its client to retry) never runs late.
constexpr micros kForwardDeadline = 10'000'000;
// How long a connect may take: the probe's limit, then CAF's handshake with a listening peer.
constexpr auto kConnectTimeout = kPeerProbeLimit + std::chrono::seconds(8);
constexpr auto kMaxRetryDelay = std::chrono::seconds(30);

std::pair<std::string, std::uint16_t> split_address(const std::string& address) {
    auto colon = address.rfind(':');
    if (colon == std::string::npos) return {address, 0};
    return {address.substr(0, colon), static_cast<std::uint16_t>(std::stoi(address.substr(colon + 1)))};
}

}  // namespace

caf::behavior membership(caf::event_based_actor* self, cluster_options options, actors::context_ptr ctx,
                         caf::actor dispatcher, caf::actor registry, std::string incarnation,
                         std::shared_ptr<prometheus::Registry> metrics) {
    auto st = std::make_shared<membership_state>();
    st->members = &prometheus::BuildGauge().Name("galley_cluster_members").Help("Cluster members by status")
                       .Register(*metrics);
    st->node_running = &prometheus::BuildGauge().Name("galley_node_running_documents")
                            .Help("Documents being corrected, per node (from the nodes table)").Register(*metrics);
    auto& commands = prometheus::BuildCounter().Name("galley_cluster_commands_total")
                         .Help("User commands (create run, cancel run) by where they were handled: local (this node "
                               "owns the user), forwarded (sent to the owner), received (from a non-owner)")
                         .Register(*metrics);
    st->commands_local = &commands.Add({{"route", "local"}});
    st->commands_forwarded = &commands.Add({{"route", "forwarded"}});
    st->commands_received = &commands.Add({{"route", "received"}});
    st->peers_connected = &prometheus::BuildGauge().Name("galley_cluster_peers_connected")
                               .Help("Cluster members this node holds a middleman connection to")
                               .Register(*metrics).Add({});
    auto nodes = std::make_shared<persistence::node_repository>(*ctx->db);
    st->connector = self->spawn<caf::detached + caf::linked>(peer_connector);
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

    // Asks the connector for every wanted peer not connected yet; the answers arrive later as
    // messages, so nothing here waits on the network.
    auto connect_peers = [=](const std::vector<persistence::node_record>& members) {
        if (options.cluster_port == 0) return;
        std::set<std::string> wanted(options.join.begin(), options.join.end());
        for (const auto& n : members)
            if (n.status != "dead" && n.node_id != options.node_id) wanted.insert(n.address);
        wanted.erase(self_address);
        const auto now = std::chrono::steady_clock::now();
        for (const auto& address : wanted) {
            if (st->peers.count(address) || st->connecting.count(address)) continue;
            if (auto f = st->failing.find(address); f != st->failing.end() && now < f->second.at) continue;
            auto [host, port] = split_address(address);
            if (port == 0) continue;
            st->connecting.insert(address);
            self->request(st->connector, kConnectTimeout, peer_connect_atom::value, host, port)
                .then(
                    [=](caf::actor& remote) {
                        st->connecting.erase(address);
                        st->failing.erase(address);
                        if (st->peers.count(address)) return;
                        self->monitor(remote);
                        st->peers[address] = peer{remote};
                        st->peers_connected->Set(static_cast<double>(st->peers.size()));
                        std::printf("{\"level\":\"info\",\"msg\":\"cluster peer connected\",\"address\":\"%s\"}\n",
                                    address.c_str());
                    },
                    [=](caf::error&) {
                        // Not up (yet), or swallowing packets: tried again later, less often.
                        st->connecting.erase(address);
                        auto& f = st->failing[address];
                        f.delay = std::min(kMaxRetryDelay, std::max(std::chrono::seconds(1), f.delay * 2));
                        f.at = std::chrono::steady_clock::now() + f.delay;
                    });
        }
    };

    // Heartbeats go on from their own actor whatever this one waits on.
    self->spawn<caf::detached + caf::linked>(
        heartbeat, heartbeat_identity{options.node_id, incarnation, self_address, options.http_address},
        options.heartbeat_seconds, ctx);

    auto tick = [=] {
        if (int ms = ctx->options.faults.membership_millis(options.node_id); ms > 0)
            std::this_thread::sleep_for(std::chrono::milliseconds(ms));  // detached: blocks only this actor
        micros now = now_micros();
        micros ttl = static_cast<micros>(options.ttl_seconds) * 1'000'000;
        if (auto dead = nodes->declare_dead(now, ttl); dead && !dead->empty())
            for (const auto& id : *dead)
                std::printf("{\"level\":\"warn\",\"msg\":\"cluster node declared dead\",\"node_id\":\"%s\"}\n", id.c_str());
        st->peers_connected->Set(static_cast<double>(st->peers.size()));
        if (auto list = nodes->list()) {
            connect_peers(*list);
            std::map<std::string, int> by_status{{"alive", 0}, {"suspect", 0}, {"dead", 0}};
            st->alive.clear();
            st->address_of.clear();
            for (const auto& n : *list) {
                if (n.status == "alive") st->alive.push_back(n.node_id);
                st->address_of[n.node_id] = n.address;
                ++by_status[n.status];
                st->node_running->Add({{"node", n.node_id}}).Set(n.running);
            }
            for (const auto& [status, count] : by_status) st->members->Add({{"status", status}}).Set(count);
        }
    };

    // The connection to the node that owns `user_id`; none when this node owns it or the owner
    // is not connected (then this node serves the command: its checks are one database
    // transaction under the cluster-wide queue lock, so they stay correct from any node).
    auto owner_peer = [=](const std::string& user_id) -> caf::actor {
        auto owner = rendezvous_owner(user_id, st->alive);
        if (!owner || *owner == options.node_id) return {};
        auto address = st->address_of.find(*owner);
        if (address == st->address_of.end()) return {};
        auto p = st->peers.find(address->second);
        return p == st->peers.end() ? caf::actor{} : p->second.handle;
    };
    // Sends a command to the owner and answers the local caller with the owner's reply.
    auto forward = [=](caf::actor owner, const std::string& user_id, caf::message command) {
        st->commands_forwarded->Increment();
        auto rp = self->make_response_promise<run_reply_ptr>();
        command += caf::make_message(static_cast<std::int64_t>(now_micros() + kForwardDeadline));
        self->request(owner, kForwardTimeout, std::move(command))
            .then([=](std::int32_t code, std::string& message, std::string& field, std::string& run_id) mutable {
                      rp.deliver(from_wire(*ctx, user_id, {code, std::move(message), std::move(field), std::move(run_id)}));
                  },
                  [=](caf::error&) mutable { rp.deliver(owner_unreachable()); });
        return rp;
    };
    // Runs a forwarded command through this node's user registry and answers with plain values,
    // unless its deadline passed: then its sender has stopped waiting and it is dropped.
    auto execute = [=](wire_promise rp, caf::message command, micros deadline) {
        auto answer = [](wire_promise& p, const wire_reply& w) {
            auto [code, message, field, run_id] = w;
            p.deliver(code, std::move(message), std::move(field), std::move(run_id));
        };
        const micros left = deadline - now_micros();
        if (left <= 0) {
            std::printf("{\"level\":\"warn\",\"msg\":\"forwarded command dropped: its deadline passed\"}\n");
            answer(rp, to_wire(make_error(errc::unavailable, "the command reached its node too late; retry")));
            return;
        }
        self->request(registry, std::chrono::microseconds(left), std::move(command))
            .then([=](const run_reply_ptr& reply) mutable { answer(rp, to_wire(*reply)); },
                  [=](caf::error&) mutable { answer(rp, to_wire(*owner_unreachable())); });
    };
    auto serve = [=](caf::message command, micros deadline, const char* kind) {
        st->commands_received->Increment();
        auto rp = self->make_response_promise<std::int32_t, std::string, std::string, std::string>();
        if (int ms = ctx->options.faults.forward_delay_millis(kind); ms > 0) {
            const std::uint64_t id = st->next_held++;
            st->held.emplace(id, held_command{rp, std::move(command), deadline});
            self->delayed_send(self, std::chrono::milliseconds(ms), forward_atom::value, id);
            return rp;
        }
        execute(rp, std::move(command), deadline);
        return rp;
    };

    self->send(self, tick_atom::value);
    return {
        // From runtime::create_run on this node: to the user's owner node.
        [=](route_atom, create_atom a, const create_run_ptr& req) -> caf::result<run_reply_ptr> {
            if (auto owner = owner_peer(req->user_id))
                return forward(owner, req->user_id,
                               caf::make_message(forward_atom::value, a, req->user_id, req->plan, req->project_id,
                                                 req->document_ids, to_json_text(req->options)));
            st->commands_local->Increment();
            auto rp = self->make_response_promise();
            rp.delegate(registry, a, req);
            return rp;
        },
        // From runtime::cancel_run on this node.
        [=](route_atom, cancel_atom a, const std::string& user_id, const std::string& run_id) -> caf::result<run_reply_ptr> {
            if (auto owner = owner_peer(user_id))
                return forward(owner, user_id, caf::make_message(forward_atom::value, a, user_id, run_id));
            st->commands_local->Increment();
            auto rp = self->make_response_promise();
            rp.delegate(registry, a, user_id, run_id);
            return rp;
        },
        // From a peer that does not own the user: this node does (or did when it was sent).
        [=](forward_atom, create_atom a, const std::string& user_id, const std::string& plan,
            const std::string& project_id, const std::vector<std::string>& document_ids,
            const std::string& options_json,
            std::int64_t deadline) -> caf::result<std::int32_t, std::string, std::string, std::string> {
            auto parsed = parse_run_options(options_json);
            if (!parsed) {
                auto [code, message, field, run_id] = to_wire(parsed.err());
                return {code, message, field, run_id};
            }
            auto req = std::make_shared<const create_run_request>(
                create_run_request{user_id, plan, project_id, document_ids, std::move(*parsed)});
            return serve(caf::make_message(a, create_run_ptr(req)), deadline, "create");
        },
        [=](forward_atom, cancel_atom a, const std::string& user_id, const std::string& run_id,
            std::int64_t deadline) -> caf::result<std::int32_t, std::string, std::string, std::string> {
            return serve(caf::make_message(a, user_id, run_id), deadline, "cancel");
        },
        // Timer of a delay_forward fault: the held command is looked at now.
        [=](forward_atom, std::uint64_t id) {
            auto it = st->held.find(id);
            if (it == st->held.end()) return;
            held_command h = std::move(it->second);
            st->held.erase(it);
            execute(h.rp, std::move(h.command), h.deadline);
        },
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
