#pragma once
// The document actor: owns one claimed attempt at one run document. It supervises its corrector
// (monitor), renews the lease every GALLEY_HEARTBEAT_SECONDS, notices a lost lease or a cancel,
// and commits the outcome under the claim's fencing token: artefacts + succeeded, a retry with
// exponential backoff and full jitter (the queue re-dispatches it, possibly on another node,
// without holding a worker slot while it waits), failed after the plan's attempts, or cancelled.
// The commit runs on a committer thread while this actor keeps renewing the lease, so however
// long a large outcome takes to store, no other node recovers the document under it.
// Spawned detached by the dispatcher (its renewals block on the database); quits when done.
#include <caf/fwd.hpp>

#include "actors/messages.hpp"
#include "actors/runtime_context.hpp"

namespace galley::actors {

caf::behavior document_actor(caf::event_based_actor* self, context_ptr ctx, claimed_document doc,
                             cancel_flag flag, std::shared_ptr<std::atomic<bool>> shutting_down);

}  // namespace galley::actors
