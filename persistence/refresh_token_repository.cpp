#include "persistence/refresh_token_repository.hpp"

#include "persistence/detail/sql.hpp"

namespace galley::persistence {

status refresh_token_repository::insert(std::string_view token_hash, std::string_view user_id,
                                        std::string_view family_id, micros expires_at) {
    return detail::with_session(db_, [&](soci::session& s) -> status {
        std::string h(token_hash), u(user_id), f(family_id);
        long long exp = expires_at, now = now_micros();
        s << "INSERT INTO refresh_tokens(token_hash, user_id, family_id, expires_at, created_at) "
             "VALUES(:h, :u, :f, :e, :c)",
            soci::use(h), soci::use(u), soci::use(f), soci::use(exp), soci::use(now);
        return {};
    });
}

result<refresh_grant> refresh_token_repository::rotate(std::string_view presented_hash,
                                                       std::string_view next_hash, micros now,
                                                       micros next_expires_at, std::string* reused_by) {
    const db_backend backend = db_.backend();
    return detail::with_session(db_, [&](soci::session& s) -> result<refresh_grant> {
        std::string h(presented_hash), next(next_hash);
        detail::write_transaction tx(s, backend);
        refresh_grant g;
        int used = 0, revoked = 0;
        long long expires = 0;
        std::string lock = backend == db_backend::postgresql ? " FOR UPDATE" : "";
        s << "SELECT user_id, family_id, used, revoked, expires_at FROM refresh_tokens "
             "WHERE token_hash = :h" + lock,
            soci::use(h), soci::into(g.user_id), soci::into(g.family_id), soci::into(used),
            soci::into(revoked), soci::into(expires);
        if (!s.got_data()) return make_error(errc::unauthorized, "the refresh token is not valid");
        if (used || revoked) {
            s << "UPDATE refresh_tokens SET revoked = 1 WHERE family_id = :f", soci::use(g.family_id);
            tx.commit();
            if (reused_by) *reused_by = g.user_id;
            return make_error(errc::unauthorized, "the refresh token was already used; sign in again");
        }
        if (expires <= now) return make_error(errc::unauthorized, "the refresh token has expired");
        long long generation = 0;
        s << "SELECT session_generation FROM users WHERE id = :u", soci::use(g.user_id), soci::into(generation);
        g.session_generation = generation;
        s << "UPDATE refresh_tokens SET used = 1 WHERE token_hash = :h", soci::use(h);
        long long exp = next_expires_at, created = now;
        s << "INSERT INTO refresh_tokens(token_hash, user_id, family_id, expires_at, created_at) "
             "VALUES(:h, :u, :f, :e, :c)",
            soci::use(next), soci::use(g.user_id), soci::use(g.family_id), soci::use(exp),
            soci::use(created);
        tx.commit();
        return g;
    });
}

result<std::string> refresh_token_repository::revoke_family_of(std::string_view token_hash) {
    const db_backend backend = db_.backend();
    return detail::with_session(db_, [&](soci::session& s) -> result<std::string> {
        std::string h(token_hash), family, user_id;
        detail::write_transaction tx(s, backend);
        s << "SELECT family_id, user_id FROM refresh_tokens WHERE token_hash = :h", soci::use(h),
            soci::into(family), soci::into(user_id);
        if (!s.got_data()) return make_error(errc::unauthorized, "the refresh token is not valid");
        s << "UPDATE refresh_tokens SET revoked = 1 WHERE family_id = :f", soci::use(family);
        tx.commit();
        return user_id;
    });
}

status refresh_token_repository::revoke_all_of_user(std::string_view user_id) {
    return detail::with_session(db_, [&](soci::session& s) -> status {
        std::string id(user_id);
        s << "UPDATE refresh_tokens SET revoked = 1 WHERE user_id = :u", soci::use(id);
        return {};
    });
}

}  // namespace galley::persistence
