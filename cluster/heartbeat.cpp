#include "cluster/heartbeat.hpp"

#include <caf/all.hpp>

#include <chrono>

#include "actors/messages.hpp"
#include "persistence/node_repository.hpp"

namespace galley::cluster {

caf::behavior heartbeat(caf::event_based_actor* self, heartbeat_identity who, int interval_seconds,
                        actors::context_ptr ctx) {
    auto nodes = std::make_shared<persistence::node_repository>(*ctx->db);
    self->send(self, actors::tick_atom::value);
    return {
        [=](actors::tick_atom) {
            const micros now = now_micros();
            auto renewed = nodes->heartbeat(who.node_id, who.incarnation, ctx->lease_owner(), now);
            if (!renewed && renewed.err().code == errc::conflict)
                (void)nodes->announce({who.node_id, who.cluster_address, who.http_address, who.incarnation,
                                       "alive", 0, now, now});
            self->delayed_send(self, std::chrono::seconds(interval_seconds), actors::tick_atom::value);
        },
    };
}

}  // namespace galley::cluster
