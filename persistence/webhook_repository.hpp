#pragma once
// Webhooks (API.md, Operations): a user's signing secret, the outbox of run events that
// work_queue and run_repository write when runs end, and the record of every delivery attempt.
// Senders on any node claim due events under a short lease, so one event is sent by one node at
// a time; delivery is at least once (a node may die after sending, before recording).
#include <optional>
#include <string>
#include <vector>

#include "domain/clock.hpp"
#include "domain/cursor.hpp"
#include "domain/entities.hpp"
#include "domain/result.hpp"
#include "persistence/database.hpp"

namespace galley::persistence {

struct webhook_event {
    std::string id, user_id, run_id, type;
    micros created_at = 0;
    int attempts = 0;  // made so far
    std::string body;  // empty until the first attempt fixes it; retries send the same bytes
};

struct webhook_delivery {
    std::string id, event_id, type;
    int attempt = 0;
    int status_code = 0;  // 0: no HTTP answer (refused address, connection failure, timeout)
    std::string error;    // empty for a 2xx
    micros at = 0;
};

/// How an attempt ended for the event: delivered, try again at `retry_at`, or abandoned.
struct attempt_outcome {
    bool delivered = false;
    std::optional<micros> retry_at;  // with !delivered: nullopt abandons the event
};

class webhook_repository {
public:
    explicit webhook_repository(database& db) : db_(db) {}

    /// Stores a new secret for the user, replacing any earlier one.
    status set_secret(const std::string& user_id, const std::string& secret, micros now);
    /// The user's secret; nullopt when none was ever created.
    result<std::optional<std::string>> secret(const std::string& user_id);

    /// Up to `limit` pending events due at `now`, leased until now + `lease` so other senders
    /// skip them meanwhile.
    result<std::vector<webhook_event>> claim_due(micros now, micros lease, int limit);
    /// Records one attempt at `e` (keeping `body` as the event's bytes if it had none yet) and
    /// the event's next state, and releases the lease.
    status record_attempt(const webhook_event& e, const std::string& body, const webhook_delivery& d,
                          const attempt_outcome& next);

    /// The user's delivery attempts, oldest first by (at, id).
    result<page<webhook_delivery>> deliveries(const std::string& user_id, int limit,
                                              const std::optional<cursor_key>& after);
    /// Removes delivered and abandoned events (and their attempts) created before `before`.
    result<int> prune(micros before);

private:
    database& db_;
};

}  // namespace galley::persistence
