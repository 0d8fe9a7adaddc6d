#pragma once
// Removes expired guests (POST /auth/guest) once a minute: their rows go with everything they
// own (ON DELETE CASCADE) and their stored files with them. Every node of a cluster runs one;
// the deletes are idempotent. Construct after the database and blob store, destroy before them.
#include "app/periodic_task.hpp"
#include "domain/clock.hpp"
#include "persistence/blob_store.hpp"
#include "persistence/database.hpp"

namespace galley::app {

class guest_sweeper {
public:
    guest_sweeper(persistence::database& db, persistence::blob_store& blobs);  // destroying it stops and joins

    /// One pass: removes the guests expired by `now`; returns how many were removed.
    static int sweep(persistence::database& db, persistence::blob_store& blobs, micros now);

private:
    periodic_task task_;
};

}  // namespace galley::app
