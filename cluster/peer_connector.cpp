#include "cluster/peer_connector.hpp"

#include <caf/all.hpp>
#include <caf/io/all.hpp>

#include "cluster/tcp_probe.hpp"

namespace galley::cluster {

caf::behavior peer_connector(caf::event_based_actor* self) {
    return {
        [=](peer_connect_atom, const std::string& host, std::uint16_t port) -> caf::result<caf::actor> {
            if (!tcp_reachable(host, port, kPeerProbeLimit)) return caf::make_error(caf::sec::cannot_connect_to_node);
            auto remote = self->system().middleman().remote_actor(host, port);
            if (!remote) return std::move(remote.error());
            return *remote;
        },
    };
}

}  // namespace galley::cluster
