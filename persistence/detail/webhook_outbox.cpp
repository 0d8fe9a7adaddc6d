#include "persistence/detail/webhook_outbox.hpp"

#include "domain/ids.hpp"
#include "domain/run_state.hpp"
#include "domain/webhooks.hpp"

namespace galley::persistence::detail {

void enqueue_run_event(soci::session& s, const std::string& run_id, micros now) {
    std::string status, user_id;
    s << "SELECT r.status, r.user_id FROM runs r JOIN webhook_secrets w ON w.user_id = r.user_id WHERE r.id = :r",
        soci::use(run_id), soci::into(status), soci::into(user_id);
    if (!s.got_data()) return;
    auto parsed = parse_run_status(status);
    auto type = parsed ? webhook_event_type(*parsed) : std::nullopt;
    if (!type) return;
    const std::string id = new_uuid(), type_text(*type);
    long long at = now;
    s << "INSERT INTO webhook_events(id, user_id, run_id, type, created_at, state, attempts, next_attempt_at,"
         " lease_until) VALUES(:i, :u, :r, :y, :t, 'pending', 0, :n, 0) ON CONFLICT (run_id) DO NOTHING",
        soci::use(id), soci::use(user_id), soci::use(run_id), soci::use(type_text), soci::use(at), soci::use(at);
}

}  // namespace galley::persistence::detail
