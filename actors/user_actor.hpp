#pragma once
// User actors: one per active user, spawned on demand by the user registry and stopped after a
// minute without commands. A user's commands (create a run, cancel a run) are serialised through
// its actor, so admission checks (documents per run, the monthly budget) never race each other
// on this node; the database transaction (with PostgreSQL's advisory lock) covers the cluster.
// The registry forwards each command to the user's actor and the reply goes straight back.
#include <caf/fwd.hpp>

#include "actors/messages.hpp"
#include "actors/runtime_context.hpp"

namespace galley::actors {

/// `dispatcher` is poked after a run is created and told about cancels.
caf::behavior user_actor(caf::event_based_actor* self, context_ptr ctx, caf::actor dispatcher);

/// Routes (create_atom, create_run_ptr) and (cancel_atom, user_id, run_id) to the user's actor.
caf::behavior user_registry(caf::event_based_actor* self, context_ptr ctx, caf::actor dispatcher);

}  // namespace galley::actors
