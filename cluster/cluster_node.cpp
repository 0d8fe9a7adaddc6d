#include "cluster/cluster_node.hpp"

#include <caf/all.hpp>
#include <caf/io/all.hpp>

#include "actors/runtime_internal.hpp"
#include "cluster/membership.hpp"
#include "persistence/node_repository.hpp"

namespace galley::cluster {

struct cluster_node::impl {
    actors::runtime* rt = nullptr;
    caf::actor member;
};

std::string default_node_id(const std::string& host, std::uint16_t cluster_port, std::uint16_t http_port) {
    return host + ":" + std::to_string(cluster_port > 0 ? cluster_port : http_port);
}

result<std::unique_ptr<cluster_node>> cluster_node::start(cluster_options options, actors::runtime& rt,
                                                          persistence::database& db,
                                                          std::shared_ptr<prometheus::Registry> metrics) {
    auto ctx = actors::context_of(rt);
    std::string incarnation = rt.options().incarnation;
    micros now = now_micros();
    std::string address = options.host + ":" + std::to_string(options.cluster_port);
    if (auto s = persistence::node_repository(db).announce(
            {options.node_id, address, options.http_address, incarnation, "alive", 0, now, now});
        !s)
        return s.err();
    std::unique_ptr<cluster_node> node(new cluster_node());
    node->impl_ = std::make_unique<impl>();
    node->impl_->rt = &rt;
    auto& system = actors::actor_system_of(rt);
    node->impl_->member = system.spawn<caf::detached>(membership, options, ctx, actors::dispatcher_of(rt),
                                                      actors::registry_of(rt), incarnation, std::move(metrics));
    if (options.cluster_port > 0) {
        // Address reuse: a node restarted after kill -9 must bind its port again at once.
        auto bound = system.middleman().publish(node->impl_->member, options.cluster_port, nullptr, true);
        if (!bound) {
            caf::anon_send_exit(node->impl_->member, caf::exit_reason::user_shutdown);
            return make_error(errc::unavailable, "cannot listen on cluster port " + std::to_string(options.cluster_port) +
                                                     ": " + system.render(bound.error()));
        }
    }
    {
        std::lock_guard lock(ctx->relay->mutex);
        ctx->relay->relay = node->impl_->member;
    }
    return node;
}

cluster_node::~cluster_node() {
    if (!impl_) return;
    auto ctx = actors::context_of(*impl_->rt);
    {
        std::lock_guard lock(ctx->relay->mutex);
        ctx->relay->relay = nullptr;
    }
    caf::anon_send_exit(impl_->member, caf::exit_reason::user_shutdown);
    impl_->member = nullptr;
}

}  // namespace galley::cluster
