#pragma once
// The fair-share policy (DESIGN.md invariant 6): start-time fair queuing over per-user queues.
// Each user has a virtual time that advances by work / weight when one of its documents is
// served; a free worker goes to the eligible user with the lowest virtual time, so throughput
// converges to the weight ratio and a newcomer is served within one round. A user that was idle
// re-enters at the system's current virtual time, so idleness is not banked as credit.
// Pure and deterministic; the queue repository applies it inside its claim transaction.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "domain/clock.hpp"

namespace galley {

struct fair_share_candidate {
    std::string user_id;
    double virtual_time = 0;
    int running = 0;          // documents of this user being corrected now (cluster-wide)
    int max_concurrent = 0;   // the plan's cap; 0 = unlimited
    int weight = 1;
    micros oldest_ready = 0;  // when the user's oldest ready document was queued
};

/// Index of the candidate to serve next: lowest virtual time among users under their cap,
/// ties broken by the oldest ready document, then by user id. nullopt when none is eligible.
std::optional<std::size_t> pick_next(std::span<const fair_share_candidate> candidates);

/// How many of `slots` documents each candidate would get if each had unlimited ready documents:
/// the picks of pick_next, each advancing its user's virtual time by one document and counting
/// against its cap. One count per candidate, in order; a batch claim reads that many of a user's
/// documents instead of `slots` for everyone.
std::vector<int> planned_picks(std::span<const fair_share_candidate> candidates, int slots);

/// Virtual time after serving `work` units (1 per document) at `weight`.
/// REQUIRES: weight >= 1.
double advance_virtual_time(double virtual_time, double work, int weight);

/// The virtual time a user starts from when it becomes active again: never behind the system's
/// floor (the lowest virtual time among users with pending work).
double activation_time(double own_virtual_time, double system_floor);

}  // namespace galley
