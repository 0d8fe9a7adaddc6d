#pragma once
// The corrector actor: the CPU work of one attempt at one document, on a thread of its own
// (spawned detached), so actor scheduler threads are never blocked. It loads the original from
// the blob store, applies injected faults, runs the correction pipeline and leaves the outcome in
// `out`; then it quits. An exception makes it exit abnormally with the message in out->crash,
// which its document actor (the only one monitoring it) treats as a crashed attempt.
#include <caf/fwd.hpp>

#include <memory>
#include <optional>
#include <string>

#include "actors/messages.hpp"
#include "actors/runtime_context.hpp"
#include "domain/correction_pipeline.hpp"

namespace galley::actors {

struct correction_job {
    std::optional<result<correction_output>> outcome;  // set when the pipeline returned
    std::string crash;                                  // set when the attempt threw
    double seconds = 0;
};
using correction_job_ptr = std::shared_ptr<correction_job>;

/// Handles correct_atom (from its document actor) once: runs the attempt, fills `out`, quits.
caf::behavior corrector(caf::event_based_actor* self, context_ptr ctx, claimed_document doc, cancel_flag flag,
                        correction_job_ptr out);

}  // namespace galley::actors
