#pragma once
// For cluster/ only: the pieces of a runtime the cluster wiring needs (the actor system with its
// middleman, the dispatcher that receives relayed cancels, the user registry that serves the
// commands of users this node owns, the shared context).
#include <caf/fwd.hpp>

#include "actors/runtime.hpp"
#include "actors/runtime_context.hpp"

namespace galley::actors {

caf::actor_system& actor_system_of(runtime& rt);
caf::actor dispatcher_of(runtime& rt);
/// The user registry: where the cluster's router hands the commands of users this node owns.
caf::actor registry_of(runtime& rt);
context_ptr context_of(runtime& rt);

}  // namespace galley::actors
