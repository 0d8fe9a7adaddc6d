#pragma once
// The actor runtime of one node, behind a CAF-free facade so http/ and app/ stay cheap to
// compile. It owns the CAF actor system: the dispatcher (turns free worker slots into claims on
// the durable queue), document actors (lease, heartbeat, supervision, fenced commit), correctors
// (the CPU work, on their own threads), run actors (run artefacts and final status) and user
// actors (per-user commands: admission and cancel), all rebuilt from the database at start.
// Thread-safe: the command methods may be called from any non-actor thread (HTTP handlers).
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "domain/engine/engine.hpp"
#include "domain/faults.hpp"
#include "domain/plans.hpp"
#include "domain/result.hpp"
#include "domain/run_model.hpp"
#include "persistence/blob_store.hpp"
#include "persistence/database.hpp"

namespace prometheus {
class Registry;
}

namespace galley::actors {

struct runtime_options {
    std::string node_id;      // stable across restarts of this node
    std::string incarnation;  // unique per boot: a restarted node never mistakes old leases for its own
    int max_workers = 2;
    std::int64_t max_queued = 10'000;
    int heartbeat_seconds = 2;
    int lock_ttl_seconds = 10;
    // How long one attempt may take before it is abandoned and counted as failed (retried like
    // any other); documents over 100 000 words get proportionally longer.
    int attempt_deadline_seconds = 600;
    fault_plan faults;
    std::uint16_t cluster_port = 0;  // > 0: load CAF's middleman so cluster/ can publish and connect
};

class runtime {
public:
    /// Starts the actor system and the dispatcher; the dispatcher at once recovers orphaned
    /// leases and resumes queued work from the database.
    runtime(runtime_options options, persistence::database& db, persistence::blob_store& blobs,
            const plan_table& plans, std::shared_ptr<const engine> eng,
            std::shared_ptr<prometheus::Registry> metrics);
    ~runtime();  // stops every actor; running correctors are cancelled and their leases expire

    /// Through the user's actor (serialising the user's commands): admission checks and the new
    /// queued run. Errors as persistence::run_repository::create.
    result<run_record> create_run(const std::string& user_id, const std::string& plan,
                                  const std::string& project_id, const std::vector<std::string>& document_ids,
                                  const run_options& options);

    /// Through the user's actor: marks the run cancelling and stops its running correctors at
    /// their next checkpoint. not_found / conflict as run_repository::request_cancel.
    result<run_record> cancel_run(const std::string& user_id, const std::string& run_id);

    /// Stops claiming and cancels running correctors (graceful shutdown).
    void shutdown();

    const runtime_options& options() const;

    struct impl;  // actors/runtime_internal.hpp gives cluster/ access to the actor system

private:
    friend impl& internals(runtime& rt);
    std::unique_ptr<impl> impl_;
};

}  // namespace galley::actors
