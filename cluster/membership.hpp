#pragma once
// Internal to cluster/: the membership actor behind cluster_node.
#include <caf/fwd.hpp>

#include <memory>

#include "actors/runtime_context.hpp"
#include "cluster/cluster_node.hpp"

namespace prometheus {
class Registry;
}

namespace galley::cluster {

/// Spawns the heartbeat actor (heartbeat.hpp) and the peer connector, both linked. Messages:
/// tick (timer: failure detection, connect to peers, refresh the alive members placement uses); (route, create|cancel, ...) from the local runtime: serve the user's
/// command through `registry` when this node owns the user, else forward it to the owner;
/// (forward, create|cancel, ..., deadline) from a peer: serve it here unless its deadline passed
/// (then it is dropped and the peer told so); (broadcast, run_id) from local user
/// actors: relay a cancel to every peer; (cancel, run_id) from peers: hand it to the local
/// dispatcher; down_msg of a peer: mark it suspect.
caf::behavior membership(caf::event_based_actor* self, cluster_options options, actors::context_ptr ctx,
                         caf::actor dispatcher, caf::actor registry, std::string incarnation,
                         std::shared_ptr<prometheus::Registry> metrics);

}  // namespace galley::cluster
