#pragma once
// The run actor: finishes one run whose documents are all done. It builds the run-level
// artefacts (changelog.csv, summary.md) from the corrections each document published, stores
// them and sets the final status in one transaction (succeeded, partial or failed; a cancelled
// run publishes nothing). Safe to run on any node, twice, or after a crash: finishing an already
// finished run is a no-op. Spawned detached by the dispatcher; handles finish_atom once, quits.
#include <caf/fwd.hpp>

#include <string>

#include "actors/messages.hpp"
#include "actors/runtime_context.hpp"

namespace galley::actors {

caf::behavior run_actor(caf::event_based_actor* self, context_ptr ctx, std::string run_id);

}  // namespace galley::actors
