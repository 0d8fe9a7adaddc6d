#pragma once
// Internal to cluster/: renews this node's row in the members table from an actor of its own.
// The membership actor's rounds (failure detection, the member list, routing commands) are
// database calls bounded only by their timeouts (seconds); were the heartbeat one of them, a slow
// round would leave it late and get a live node declared dead.
#include <caf/fwd.hpp>

#include <string>

#include "actors/runtime_context.hpp"
#include "cluster/cluster_node.hpp"

namespace galley::cluster {

/// Who this node is, as its heartbeat and its re-announcement after being declared dead say.
struct heartbeat_identity {
    std::string node_id;
    std::string incarnation;
    std::string cluster_address;
    std::string http_address;
};

/// Messages: tick (its own timer, every `interval_seconds`): renew the heartbeat; when the row
/// says this node was declared dead (a partition), announce it again as alive with the same
/// incarnation, since fencing already keeps its late writes out.
caf::behavior heartbeat(caf::event_based_actor* self, heartbeat_identity who, int interval_seconds,
                        actors::context_ptr ctx);

}  // namespace galley::cluster
