#pragma once
// Deletes audit lines older than the retention period (--audit-retention-days /
// GALLEY_AUDIT_RETENTION_DAYS, 365 by default) once an hour, in bounded batches. Every node of a
// cluster runs one; the deletes are idempotent. Construct after the database, destroy before it.
#include "app/periodic_task.hpp"
#include "domain/clock.hpp"
#include "persistence/database.hpp"

namespace galley::app {

class audit_pruner {
public:
    audit_pruner(persistence::database& db, int retention_days);  // destroying it stops and joins

    /// One pass: removes lines older than `now` minus `retention_days`; returns how many.
    static int prune(persistence::database& db, int retention_days, micros now);

private:
    periodic_task task_;
};

}  // namespace galley::app
