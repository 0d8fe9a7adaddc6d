#include "persistence/webhook_repository.hpp"

#include "persistence/detail/sql.hpp"

namespace galley::persistence {

status webhook_repository::set_secret(const std::string& user_id, const std::string& secret, micros now) {
    return detail::with_session(db_, [&](soci::session& s) -> status {
        long long at = now;
        s << "INSERT INTO webhook_secrets(user_id, secret, created_at) VALUES(:u, :s, :t)"
             " ON CONFLICT (user_id) DO UPDATE SET secret = excluded.secret, created_at = excluded.created_at",
            soci::use(user_id), soci::use(secret), soci::use(at);
        return {};
    });
}

result<std::optional<std::string>> webhook_repository::secret(const std::string& user_id) {
    return detail::with_session(db_, [&](soci::session& s) -> result<std::optional<std::string>> {
        std::string secret;
        s << "SELECT secret FROM webhook_secrets WHERE user_id = :u", soci::use(user_id), soci::into(secret);
        if (!s.got_data()) return std::optional<std::string>();
        return std::optional<std::string>(secret);
    });
}

result<std::vector<webhook_event>> webhook_repository::claim_due(micros now, micros lease, int limit) {
    const db_backend backend = db_.backend();
    return detail::with_session(db_, [&](soci::session& s) -> result<std::vector<webhook_event>> {
        long long at = now, until = now + lease;
        // Most seconds nothing is due: look before taking the write lock.
        int due = 0;
        s << "SELECT COUNT(*) FROM webhook_events WHERE state = 'pending' AND next_attempt_at <= :t"
             " AND lease_until <= :t2",
            soci::use(at), soci::use(at), soci::into(due);
        if (due == 0) return std::vector<webhook_event>();
        detail::write_transaction tx(s, backend);
        const std::size_t n = static_cast<std::size_t>(limit);
        std::vector<std::string> ids(n), users(n), runs(n), types(n), bodies(n);
        std::vector<soci::indicator> body_inds(n);
        std::vector<long long> created(n);
        std::vector<int> attempts(n);
        s << std::string("SELECT id, user_id, run_id, type, created_at, attempts, body FROM webhook_events"
                         " WHERE state = 'pending' AND next_attempt_at <= :t AND lease_until <= :t2"
                         " ORDER BY next_attempt_at LIMIT ") +
                 std::to_string(n) + (backend == db_backend::postgresql ? " FOR UPDATE SKIP LOCKED" : ""),
            soci::use(at), soci::use(at), soci::into(ids), soci::into(users), soci::into(runs), soci::into(types),
            soci::into(created), soci::into(attempts), soci::into(bodies, body_inds);
        std::vector<webhook_event> out;
        for (std::size_t i = 0; i < ids.size(); ++i) {
            s << "UPDATE webhook_events SET lease_until = :l WHERE id = :i", soci::use(until), soci::use(ids[i]);
            out.push_back({ids[i], users[i], runs[i], types[i], created[i], attempts[i],
                           body_inds[i] == soci::i_ok ? bodies[i] : std::string()});
        }
        tx.commit();
        return out;
    });
}

status webhook_repository::record_attempt(const webhook_event& e, const std::string& body, const webhook_delivery& d,
                                          const attempt_outcome& next) {
    const db_backend backend = db_.backend();
    return detail::with_session(db_, [&](soci::session& s) -> status {
        detail::write_transaction tx(s, backend);
        long long at = d.at;
        s << "INSERT INTO webhook_deliveries(id, event_id, user_id, type, attempt, status_code, error, at)"
             " VALUES(:i, :e, :u, :y, :a, :c, :m, :t)",
            soci::use(d.id), soci::use(e.id), soci::use(e.user_id), soci::use(e.type), soci::use(d.attempt),
            soci::use(d.status_code), soci::use(d.error), soci::use(at);
        std::string state = next.delivered ? "delivered" : next.retry_at ? "pending" : "abandoned";
        long long next_at = next.retry_at.value_or(at);
        s << "UPDATE webhook_events SET state = :s, attempts = :a, next_attempt_at = :n, lease_until = 0,"
             " body = COALESCE(body, :b) WHERE id = :i",
            soci::use(state), soci::use(d.attempt), soci::use(next_at), soci::use(body), soci::use(e.id);
        tx.commit();
        return {};
    });
}

result<page<webhook_delivery>> webhook_repository::deliveries(const std::string& user_id, int limit,
                                                              const std::optional<cursor_key>& after) {
    return detail::with_session(db_, [&](soci::session& s) -> result<page<webhook_delivery>> {
        const std::string after_id = after ? after->id : std::string();
        long long after_at = after ? after->created_at : -1;
        const std::size_t n = static_cast<std::size_t>(limit) + 1;
        std::vector<std::string> ids(n), events(n), types(n), errors(n);
        std::vector<int> attempts(n), codes(n);
        std::vector<long long> at(n);
        s << "SELECT id, event_id, type, attempt, status_code, error, at FROM webhook_deliveries WHERE user_id = :u"
             " AND (at > :t OR (at = :t2 AND id > :i)) ORDER BY at, id LIMIT " + std::to_string(n),
            soci::use(user_id), soci::use(after_at), soci::use(after_at), soci::use(after_id), soci::into(ids),
            soci::into(events), soci::into(types), soci::into(attempts), soci::into(codes), soci::into(errors),
            soci::into(at);
        page<webhook_delivery> out;
        for (std::size_t i = 0; i < ids.size() && i < static_cast<std::size_t>(limit); ++i)
            out.items.push_back({ids[i], events[i], types[i], attempts[i], codes[i], errors[i], at[i]});
        if (ids.size() > static_cast<std::size_t>(limit))
            out.next_cursor = encode_cursor({out.items.back().at, out.items.back().id});
        return out;
    });
}

result<int> webhook_repository::prune(micros before) {
    const db_backend backend = db_.backend();
    return detail::with_session(db_, [&](soci::session& s) -> result<int> {
        detail::write_transaction tx(s, backend);
        long long t = before;
        s << "DELETE FROM webhook_deliveries WHERE event_id IN (SELECT id FROM webhook_events"
             " WHERE state <> 'pending' AND created_at < :t)",
            soci::use(t);
        soci::statement st = (s.prepare << "DELETE FROM webhook_events WHERE state <> 'pending' AND created_at < :t",
                              soci::use(t));
        st.execute(true);
        tx.commit();
        return static_cast<int>(detail::affected_rows(st));
    });
}

}  // namespace galley::persistence
