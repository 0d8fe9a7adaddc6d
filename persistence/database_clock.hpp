#pragma once
// The database's clock, which every node of a cluster follows (domain/clock.hpp): a node whose
// machine clock runs ahead or behind must not expire live leases or declare live peers dead.
#include "domain/clock.hpp"
#include "domain/result.hpp"
#include "persistence/database.hpp"

namespace galley::persistence {

/// The database's time minus this machine's (uncorrected) time, taken halfway through the round
/// trip; 0 on SQLite, which lives on this machine and has no clock of its own.
result<micros> measure_clock_offset(database& db);

}  // namespace galley::persistence
