#pragma once
// Removes expired guests (POST /auth/guest) once a minute: their rows go with everything they
// own (ON DELETE CASCADE) and their stored files with them. Every node of a cluster runs one;
// the deletes are idempotent. Construct after the database and blob store, destroy before them.
#include <condition_variable>
#include <mutex>
#include <thread>

#include "domain/clock.hpp"
#include "persistence/blob_store.hpp"
#include "persistence/database.hpp"

namespace galley::app {

class guest_sweeper {
public:
    guest_sweeper(persistence::database& db, persistence::blob_store& blobs);
    ~guest_sweeper();  // stops and joins
    guest_sweeper(const guest_sweeper&) = delete;
    guest_sweeper& operator=(const guest_sweeper&) = delete;

    /// One pass: removes the guests expired by `now`; returns how many were removed.
    static int sweep(persistence::database& db, persistence::blob_store& blobs, micros now);

private:
    std::mutex mutex_;
    std::condition_variable wake_;
    bool stopping_ = false;
    std::thread thread_;
};

}  // namespace galley::app
