#pragma once
// The durable work queue (DESIGN.md invariants 2-3, Fair share): claiming the next document by
// the fair-share policy under a lease, renewing it, and committing results only under the claim's
// fencing token, so a late or duplicate worker can never write. Every operation is one
// transaction; on PostgreSQL an advisory lock serialises claims across nodes.
#include <functional>
#include <memory>
#include <span>
#include <optional>
#include <string>
#include <vector>

#include "domain/plans.hpp"
#include "domain/result.hpp"
#include "domain/review/review_model.hpp"
#include "domain/run_model.hpp"
#include "persistence/database.hpp"

namespace galley::persistence {

struct recovery_report {
    int requeued = 0;  // orphans back in the queue (no attempt used)
    int failed = 0;    // orphans that killed their process twice while running alone
    int cancelled = 0;  // orphans of runs being cancelled
};

namespace detail {
template <class Item>
class group_commit;
}

/// One finished document to publish (work_queue::commit_successes); refers to the caller's data.
struct document_success {
    const claimed_document& claim;
    const std::vector<export_record>& exports;
    std::int64_t chars = 0;
    const std::vector<suggestion_record>& suggestions;
};

class work_queue {
public:
    work_queue(database& db, const plan_table& plans);
    ~work_queue();
    work_queue(const work_queue&) = delete;
    work_queue& operator=(const work_queue&) = delete;

    /// Fault injection (GALLEY_FAULTS hold_commit): `hold` runs inside commit_success's
    /// transaction once the fence holds the document's row, as a node paused mid-commit would.
    /// Set before the queue is shared between threads.
    void hold_commits_with(std::function<void(const claimed_document&)> hold) { hold_commit_ = std::move(hold); }

    /// Claims the next ready document for `lease_owner` until `lease_until`: the eligible user
    /// (under its plan's concurrency cap) with the lowest virtual time, then its oldest document.
    /// Bumps claim_epoch and attempts, advances the user's virtual time. nullopt when nothing is
    /// ready.
    result<std::optional<claimed_document>> claim_next(const std::string& lease_owner, micros lease_until);

    /// Claims up to `max` documents in one transaction, in the order claim_next would take them
    /// one by one (each pick advances its user's virtual time and counts against its cap). A
    /// quarantined document is claimed alone. Empty when nothing is ready.
    result<std::vector<claimed_document>> claim_batch(const std::string& lease_owner, micros lease_until, int max);

    /// Extends the lease; conflict when the lease was lost (recovered, cancelled or re-claimed).
    status renew(const claimed_document& c, const std::string& lease_owner, micros lease_until);

    /// Publishes the document's exports and its `suggestions` (pending, for review) and marks it
    /// succeeded, charging `chars` to the user's month; conflict (and nothing written) when the
    /// claim was fenced out.
    /// Threads committing at the same time share one transaction (group commit); each gets the
    /// status its own document would get alone.
    status commit_success(const claimed_document& c, const std::vector<export_record>& exports,
                          std::int64_t chars, const std::vector<suggestion_record>& suggestions = {});
    /// commit_success for several documents in one transaction: one status per item, in order. An
    /// item fenced out is skipped (conflict) without failing the others; when one item breaks the
    /// transaction, each is committed alone.
    std::vector<status> commit_successes(std::span<const document_success> group);
    /// Records a failed attempt: back to the queue at `retry_at`, or failed for good when nullopt.
    status commit_failure(const claimed_document& c, const std::string& error, std::optional<micros> retry_at);
    /// Marks the document cancelled (its corrector stopped at a checkpoint).
    status commit_cancelled(const claimed_document& c);

    /// Gives the document back to the queue at once (graceful shutdown), without using an attempt.
    status release(const claimed_document& c);

    /// True when the document's run is being cancelled.
    result<bool> cancel_requested(const std::string& run_id);

    /// Re-queues documents whose lease expired before `now` (their owner died) without using an
    /// attempt, quarantined (they run alone next; the second crash while alone fails them as
    /// poison); cancels those of cancelling runs. Leases of `own_owner` (the calling node, which
    /// is alive) are never recovered: that node renews or ends them itself.
    result<recovery_report> recover_expired(micros now, const std::string& own_owner = {});

    /// Runs whose documents are all finished but whose status is not final yet.
    result<std::vector<std::string>> runs_ready_to_finish();
    /// Publishes the run-level exports and sets the final status (succeeded, partial, failed or
    /// cancelled); ok and a no-op when another node finished it first.
    status finish_run(const std::string& run_id, const std::vector<export_record>& exports);

    /// Documents waiting (queued or retrying) per plan, for the queue-depth metric.
    result<std::vector<std::pair<std::string, std::int64_t>>> queued_by_plan();

private:
    database& db_;
    const plan_table& plans_;
    status commit_together(std::span<const document_success> group, std::vector<status>& results);

    std::function<void(const claimed_document&)> hold_commit_;
    std::unique_ptr<detail::group_commit<document_success>> successes_;
};

}  // namespace galley::persistence
