#pragma once
// Delivers the webhook outbox (persistence/webhook_repository.hpp): every second it claims the
// events that are due, posts each signed to its owner's current webhook_url (several at once,
// so one slow receiver does not hold back the others), records the attempt and schedules a
// retry with exponential backoff and jitter for 24 hours. Every node of a cluster runs one; the
// claim's lease keeps two nodes off one event. Hourly, finished events older than 30 days go.
// Construct after the database, destroy before it.
#include "app/periodic_task.hpp"
#include "domain/clock.hpp"
#include "domain/webhooks.hpp"
#include "persistence/database.hpp"

namespace galley::app {

struct webhook_options {
    bool allow_private = false;  // GALLEY_WEBHOOK_ALLOW_PRIVATE=1
    webhook_retry_policy retry;
};

class webhook_dispatcher {
public:
    webhook_dispatcher(persistence::database& db, webhook_options options);  // destroying it stops and joins

    /// One pass: sends every event due at `now` (in batches); returns how many attempts were made.
    static int deliver_due(persistence::database& db, const webhook_options& options, micros now);

private:
    periodic_task sender_;
    periodic_task pruner_;
};

}  // namespace galley::app
