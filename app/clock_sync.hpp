#pragma once
// Keeps this process on the database's clock (domain/clock.hpp): the offset is measured once
// before anything claims, renews or recovers a lease, then every 5 s. A machine clock more than
// a second off the database's is reported once, and corrected for. Destroy before the database.
#include <memory>

#include "app/periodic_task.hpp"
#include "domain/result.hpp"
#include "persistence/database.hpp"

namespace galley::app {

class clock_sync {
public:
    static result<std::unique_ptr<clock_sync>> start(persistence::database& db);

private:
    explicit clock_sync(persistence::database& db);
    periodic_task task_;
};

}  // namespace galley::app
