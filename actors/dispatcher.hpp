#pragma once
// The dispatcher of a node: turns free worker slots (GALLEY_MAX_WORKERS) into claims on the
// durable queue, whose claim transaction applies the fair-share policy across users and nodes.
// Every tick it also recovers orphaned leases (owners that died) and hands runs whose documents
// are all done to a run actor. It spawns one document actor per claim and monitors it; a slot
// frees when the document actor quits. Spawned detached: claims block on the database.
#include <caf/fwd.hpp>

#include "actors/messages.hpp"
#include "actors/runtime_context.hpp"

namespace galley::actors {

/// Messages: poke_atom (claim now), tick_atom (timer), (cancel_atom, run_id) (stop that run's
/// correctors), stop_atom (stop claiming; cancel running correctors and release their claims).
caf::behavior dispatcher(caf::event_based_actor* self, context_ptr ctx);

}  // namespace galley::actors
