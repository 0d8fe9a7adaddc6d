#pragma once
// Internal to actors/: what every actor of a node shares. Immutable after start, except the
// thread-safe repositories and metrics it points to.
#include <caf/actor.hpp>

#include <memory>
#include <mutex>
#include <random>
#include <string>

#include "actors/runtime.hpp"
#include "actors/runtime_metrics.hpp"
#include "persistence/run_repository.hpp"
#include "persistence/work_queue.hpp"

namespace galley::actors {

/// Where cancels are relayed to other nodes (set by cluster/ when it starts; empty otherwise).
struct relay_slot {
    std::mutex mutex;
    caf::actor relay;
    caf::actor get() {
        std::lock_guard lock(mutex);
        return relay;
    }
};

struct runtime_context {
    runtime_options options;
    persistence::database* db;
    persistence::blob_store* blobs;
    const plan_table* plans;
    std::shared_ptr<const engine> eng;
    std::shared_ptr<runtime_metrics> metrics;
    persistence::work_queue queue;
    persistence::run_repository runs;
    std::shared_ptr<relay_slot> relay = std::make_shared<relay_slot>();

    runtime_context(runtime_options o, persistence::database& d, persistence::blob_store& b,
                    const plan_table& p, std::shared_ptr<const engine> e, std::shared_ptr<runtime_metrics> m)
        : options(std::move(o)), db(&d), blobs(&b), plans(&p), eng(std::move(e)), metrics(std::move(m)),
          queue(d, p), runs(d) {}

    /// The lease owner written into claimed rows: node id and boot incarnation.
    std::string lease_owner() const { return options.node_id + "/" + options.incarnation; }
};

using context_ptr = std::shared_ptr<runtime_context>;

}  // namespace galley::actors
