#include "persistence/user_repository.hpp"

#include "persistence/detail/prepared.hpp"
#include "persistence/detail/sql.hpp"

namespace galley::persistence {

namespace {
constexpr const char* kColumns =
    "id, email, name, password_hash, role, plan, created_at, expires_at, disabled, session_generation";

// The user columns as bound variables of a kept statement (detail/prepared.hpp).
struct user_row {
    user u;
    long long created = 0, expires = 0, generation = 0;
    int disabled = 0;
    soci::indicator expires_ind = soci::i_null;
    void bind(soci::statement& st) {
        st.exchange(soci::into(u.id));
        st.exchange(soci::into(u.email));
        st.exchange(soci::into(u.name));
        st.exchange(soci::into(u.password_hash));
        st.exchange(soci::into(u.role));
        st.exchange(soci::into(u.plan));
        st.exchange(soci::into(created));
        st.exchange(soci::into(expires, expires_ind));
        st.exchange(soci::into(disabled));
        st.exchange(soci::into(generation));
    }
    user get() const {
        user out = u;
        out.created_at = created;
        out.expires_at = expires_ind == soci::i_ok ? expires : 0;
        out.disabled = disabled != 0;
        out.session_generation = generation;
        return out;
    }
};

// Every authenticated request runs one of these two.
struct user_by_id {
    static std::string sql() { return std::string("SELECT ") + kColumns + " FROM users WHERE id = :v"; }
    std::string id;
    user_row row;
    void bind(soci::statement& st) {
        st.exchange(soci::use(id));
        row.bind(st);
    }
};

struct user_with_usage {
    static std::string sql() {
        return std::string("SELECT ") + kColumns +
               ", COALESCE((SELECT chars_used FROM usage_monthly m WHERE m.user_id = users.id AND m.period = :p), 0),"
               " (SELECT COUNT(*) FROM run_documents rd WHERE rd.user_id = users.id AND rd.status = 'running')"
               " FROM users WHERE id = :v";
    }
    std::string period, id;
    user_row row;
    long long used = 0;
    int running = 0;
    void bind(soci::statement& st) {
        st.exchange(soci::use(period));
        st.exchange(soci::use(id));
        row.bind(st);
        st.exchange(soci::into(used));
        st.exchange(soci::into(running));
    }
};

result<user> select_user(soci::session& s, const std::string& where, const std::string& value) {
    user_row row;
    std::string v = value;
    soci::statement st(s);
    st.exchange(soci::use(v));
    row.bind(st);
    st.alloc();
    st.prepare(std::string("SELECT ") + kColumns + " FROM users WHERE " + where + " = :v");
    st.define_and_bind();
    st.execute(true);
    if (!st.got_data()) return make_error(errc::not_found, "user not found");
    return row.get();
}

status update_by_email(database& db, const char* column, std::string_view email,
                       std::string_view value) {
    return detail::with_session(db, [&](soci::session& s) -> status {
        std::string e(email), v(value);
        soci::statement st = (s.prepare << std::string("UPDATE users SET ") + column +
                                               " = :v WHERE email = :e",
                              soci::use(v), soci::use(e));
        st.execute(true);
        if (detail::affected_rows(st) == 0) return make_error(errc::not_found, "no user has that email");
        return {};
    });
}
}  // namespace

status user_repository::create(const user& u) {
    return detail::with_session(db_, [&](soci::session& s) -> status {
        long long created = u.created_at, expires = u.expires_at;
        soci::indicator expires_ind = u.guest() ? soci::i_ok : soci::i_null;
        s << "INSERT INTO users(id, email, name, password_hash, role, plan, created_at, expires_at) "
             "VALUES(:id, :email, :name, :hash, :role, :plan, :created, :expires)",
            soci::use(u.id), soci::use(u.email), soci::use(u.name), soci::use(u.password_hash),
            soci::use(u.role), soci::use(u.plan), soci::use(created), soci::use(expires, expires_ind);
        return {};
    });
}

result<user> user_repository::find_by_id(std::string_view id) {
    return detail::run_prepared<user_by_id>(
        db_, [&](user_by_id& q) { q.id.assign(id); },
        [](user_by_id& q, bool found) -> result<user> {
            if (!found) return make_error(errc::not_found, "user not found");
            return q.row.get();
        });
}

result<user> user_repository::find_with_usage(std::string_view id, std::string_view period, user_usage& usage) {
    return detail::run_prepared<user_with_usage>(
        db_, [&](user_with_usage& q) { q.id.assign(id); q.period.assign(period); },
        [&](user_with_usage& q, bool found) -> result<user> {
            if (!found) return make_error(errc::not_found, "user not found");
            usage.chars_used = q.used;
            usage.docs_running = q.running;
            return q.row.get();
        });
}


result<user> user_repository::find_by_email(std::string_view email) {
    return detail::with_session(
        db_, [&](soci::session& s) { return select_user(s, "email", std::string(email)); });
}

status user_repository::set_plan(std::string_view email, std::string_view plan) {
    return update_by_email(db_, "plan", email, plan);
}

status user_repository::set_role(std::string_view email, std::string_view role) {
    return update_by_email(db_, "role", email, role);
}

result<std::int64_t> user_repository::chars_used(std::string_view user_id, std::string_view period) {
    return detail::with_session(db_, [&](soci::session& s) -> result<std::int64_t> {
        std::string u(user_id), p(period);
        long long used = 0;
        soci::indicator ind = soci::i_null;
        s << "SELECT chars_used FROM usage_monthly WHERE user_id = :u AND period = :p",
            soci::use(u), soci::use(p), soci::into(used, ind);
        return s.got_data() && ind == soci::i_ok ? used : 0;
    });
}

result<std::string> user_repository::settings(std::string_view user_id) {
    return detail::with_session(db_, [&](soci::session& s) -> result<std::string> {
        std::string u(user_id), text;
        s << "SELECT settings FROM user_settings WHERE user_id = :u", soci::use(u), soci::into(text);
        return s.got_data() ? text : std::string();
    });
}

status user_repository::save_settings(std::string_view user_id, std::string_view settings_json) {
    return detail::with_session(db_, [&](soci::session& s) -> status {
        std::string u(user_id), text(settings_json);
        s << "INSERT INTO user_settings(user_id, settings) VALUES(:u, :s) ON CONFLICT(user_id)"
             " DO UPDATE SET settings = excluded.settings",
            soci::use(u), soci::use(text);
        return {};
    });
}

status user_repository::claim_guest(const std::string& id, const std::string& email,
                                    const std::string& password_hash, micros now) {
    return detail::with_session(db_, [&](soci::session& s) -> status {
        std::string uid = id, e = email, h = password_hash;
        long long at = now;
        soci::statement st = (s.prepare << "UPDATE users SET email = :e, password_hash = :h, plan = 'free',"
                                           " expires_at = NULL WHERE id = :id AND expires_at IS NOT NULL"
                                           " AND expires_at > :now",
                              soci::use(e), soci::use(h), soci::use(uid), soci::use(at));
        st.execute(true);
        if (detail::affected_rows(st) == 0)
            return make_error(errc::conflict, "only a guest account that has not expired can be claimed");
        return {};
    });
}

result<std::vector<std::string>> user_repository::remove_expired_guests(micros now, int limit) {
    const db_backend backend = db_.backend();
    return detail::with_session(db_, [&](soci::session& s) -> result<std::vector<std::string>> {
        detail::write_transaction tx(s, backend);
        long long at = now;
        std::vector<std::string> ids(static_cast<std::size_t>(std::max(limit, 1)));
        s << "SELECT id FROM users WHERE expires_at IS NOT NULL AND expires_at <= :now ORDER BY expires_at LIMIT :n",
            soci::use(at), soci::use(limit), soci::into(ids);
        for (const auto& id : ids)  // everything the user owns goes with it (ON DELETE CASCADE)
            s << "DELETE FROM users WHERE id = :id AND expires_at IS NOT NULL AND expires_at <= :now",
                soci::use(id), soci::use(at);
        tx.commit();
        return ids;
    });
}

}  // namespace galley::persistence
