#pragma once
// Removes stored files no row references any more: a document's blob may also be an export's
// (a TXT finalized without edits is byte-identical to its original), so deleting a row never
// deletes a file. Every 10 minutes, each project's files that no document or export uses and
// that nobody wrote or touched for the grace period (an hour) are removed, with the leftovers
// of uploads that failed after their write. Every node of a cluster may run one; removals are
// idempotent. Construct after the database and blob store, destroy before them.
#include <chrono>

#include "app/periodic_task.hpp"
#include "persistence/blob_store.hpp"
#include "persistence/database.hpp"

namespace galley::app {

class blob_collector {
public:
    static constexpr std::chrono::seconds kGrace{3600};

    blob_collector(persistence::database& db, persistence::blob_store& blobs);  // destroying it stops and joins

    /// One pass; returns how many files were removed.
    static int collect(persistence::database& db, persistence::blob_store& blobs, std::chrono::seconds grace);

private:
    periodic_task task_;
};

}  // namespace galley::app
