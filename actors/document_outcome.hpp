#pragma once
// What a finished attempt means for the queue, decided and committed under the claim's fence:
// success publishes artefacts; refusals fail at once; crashes and internal errors retry with
// backoff until the plan's attempts are used up; cancels and shutdowns end or release the claim.
// Runs on a thread of its own (blocking database and storage calls) while the lease is renewed.
#include <chrono>

#include "actors/corrector.hpp"
#include "actors/runtime_context.hpp"

namespace galley::actors {

void commit_outcome(runtime_context& ctx, const claimed_document& doc, const correction_job& job, bool crashed,
                    bool cancelled, bool shutting_down);

/// The attempt ran past its deadline: a failed attempt, retried like a crash while the plan's
/// attempts last.
void commit_deadline_passed(runtime_context& ctx, const claimed_document& doc, std::chrono::seconds deadline);

/// The deadline of an attempt at `doc`: `base`, scaled up for documents over 100 000 words
/// (measured as 600 000 characters).
std::chrono::seconds attempt_deadline(const claimed_document& doc, std::chrono::seconds base);

}  // namespace galley::actors
