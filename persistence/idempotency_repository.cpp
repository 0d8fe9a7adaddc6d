#include "persistence/idempotency_repository.hpp"

#include "persistence/detail/sql.hpp"

namespace galley::persistence {

result<std::optional<stored_answer>> idempotency_repository::begin(const std::string& user_id, const std::string& key,
                                                                   const std::string& fingerprint, micros now) {
    const db_backend backend = db_.backend();
    return detail::with_session(db_, [&](soci::session& s) -> result<std::optional<stored_answer>> {
        detail::write_transaction tx(s, backend);
        long long at = now, expired = now - kLifetime;
        s << "DELETE FROM idempotency_keys WHERE user_id = :u AND idem_key = :k AND created_at < :t", soci::use(user_id),
            soci::use(key), soci::use(expired);
        std::string found_fingerprint, content_type, body;
        int status = 0;
        s << "SELECT fingerprint, status, content_type, body FROM idempotency_keys WHERE user_id = :u AND idem_key = :k",
            soci::use(user_id), soci::use(key), soci::into(found_fingerprint), soci::into(status),
            soci::into(content_type), soci::into(body);
        if (s.got_data()) {
            if (found_fingerprint != fingerprint)
                return make_error(errc::conflict, "this Idempotency-Key was used for a different request");
            if (status == 0)
                return make_error(errc::conflict, "the first request with this Idempotency-Key is still being handled");
            tx.commit();
            return std::optional<stored_answer>(stored_answer{status, content_type, body});
        }
        std::string empty;
        s << "INSERT INTO idempotency_keys(user_id, idem_key, fingerprint, status, content_type, body, created_at)"
             " VALUES(:u, :k, :f, 0, :c, :b, :t)",
            soci::use(user_id), soci::use(key), soci::use(fingerprint), soci::use(empty), soci::use(empty),
            soci::use(at);
        tx.commit();
        return std::optional<stored_answer>();
    });
}

status idempotency_repository::finish(const std::string& user_id, const std::string& key, const stored_answer& a) {
    return detail::with_session(db_, [&](soci::session& s) -> status {
        s << "UPDATE idempotency_keys SET status = :s, content_type = :c, body = :b WHERE user_id = :u AND idem_key = :k",
            soci::use(a.status), soci::use(a.content_type), soci::use(a.body), soci::use(user_id), soci::use(key);
        return {};
    });
}

status idempotency_repository::abandon(const std::string& user_id, const std::string& key) {
    return detail::with_session(db_, [&](soci::session& s) -> status {
        s << "DELETE FROM idempotency_keys WHERE user_id = :u AND idem_key = :k AND status = 0", soci::use(user_id),
            soci::use(key);
        return {};
    });
}

result<int> idempotency_repository::prune(micros now) {
    return detail::with_session(db_, [&](soci::session& s) -> result<int> {
        long long before = now - kLifetime;
        soci::statement st = (s.prepare << "DELETE FROM idempotency_keys WHERE created_at < :t", soci::use(before));
        st.execute(true);
        return static_cast<int>(detail::affected_rows(st));
    });
}

}  // namespace galley::persistence
