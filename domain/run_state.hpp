#pragma once
// Lifecycles of runs and run documents (API.md, Runs): the document state machine, how a run's
// status follows from its documents, and the retry backoff of DESIGN.md invariant 4.
#include <cstdint>
#include <optional>
#include <string_view>

#include "domain/clock.hpp"

namespace galley {

enum class doc_status { queued, running, retrying, succeeded, failed, cancelled };
enum class run_status { queued, running, succeeded, partial, failed, cancelling, cancelled };

enum class doc_event {
    claim,        // a worker took the lease
    succeed,      // results committed
    fail_retry,   // the corrector failed; attempts remain
    fail_final,   // the corrector failed; no attempts left
    cancel,       // the run was cancelled (running ones: at the corrector's next checkpoint)
    recover,      // the lease expired: the owner died; back to the queue without using an attempt
};

std::string_view to_string(doc_status s);
std::string_view to_string(run_status s);
std::optional<doc_status> parse_doc_status(std::string_view s);
std::optional<run_status> parse_run_status(std::string_view s);

/// The state after `e`, or nullopt when `e` is not allowed in `s` (terminal states accept nothing).
std::optional<doc_status> transition(doc_status s, doc_event e);

bool is_terminal(doc_status s);
bool is_terminal(run_status s);

struct doc_counts {
    int queued = 0, running = 0, retrying = 0, succeeded = 0, failed = 0, cancelled = 0;
    int total() const { return queued + running + retrying + succeeded + failed + cancelled; }
};

/// The run's status from its documents: cancelling while a cancelled run still has running
/// documents; succeeded when all succeeded, failed when none did, partial otherwise; running once
/// any document started; queued before.
run_status aggregate_run_status(const doc_counts& c, bool cancel_requested);

/// Delay before attempt `failed_attempts + 1`: full jitter over min(cap, base * 2^(n-1)) with
/// base 0.5 s, factor 2, cap 30 s. `unit_random` is uniform in [0, 1).
micros retry_delay(int failed_attempts, double unit_random);

}  // namespace galley
