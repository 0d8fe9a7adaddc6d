#pragma once
// Internal to persistence/: the webhook outbox is written in the transaction that ends a run, so
// an event exists exactly when the run's final state does (API.md, Operations: Webhooks).
#include <soci/soci.h>

#include <string>

#include "domain/clock.hpp"

namespace galley::persistence::detail {

/// Records the event of `run_id`'s final state unless the run has not ended, its owner has no
/// webhook secret, or the run already has its event.
void enqueue_run_event(soci::session& s, const std::string& run_id, micros now);

}  // namespace galley::persistence::detail
