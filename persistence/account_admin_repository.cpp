#include "persistence/account_admin_repository.hpp"

#include "domain/utf8.hpp"
#include "persistence/detail/sql.hpp"
#include "persistence/user_repository.hpp"

namespace galley::persistence {

namespace {
// `text` lower-cased (ASCII, as SQL lower() on SQLite) with LIKE's wildcards escaped, between %s.
std::string contains_pattern(const std::string& text) {
    std::string out = "%";
    for (char c : utf8::ascii_lower(text)) {
        if (c == '%' || c == '_' || c == '\\') out += '\\';
        out += c;
    }
    return out + "%";
}

constexpr const char* kSearch =
    "SELECT u.id, u.email, u.name, u.role, u.plan, u.created_at, u.expires_at, u.disabled,"
    " COALESCE((SELECT m.chars_used FROM usage_monthly m WHERE m.user_id = u.id AND m.period = :p), 0),"
    " (SELECT COUNT(*) FROM documents d WHERE d.user_id = u.id),"
    " (SELECT COALESCE(SUM(d.size), 0) FROM documents d WHERE d.user_id = u.id)"
    " FROM users u WHERE (u.created_at > :t OR (u.created_at = :t2 AND u.id > :i))"
    " AND (:q = '' OR lower(u.email) LIKE :q2 ESCAPE '\\' OR lower(u.name) LIKE :q3 ESCAPE '\\')"
    " AND (:pl = '' OR u.plan = :pl2) ORDER BY u.created_at, u.id LIMIT ";
}  // namespace

result<page<account_listing>> account_admin_repository::search(const std::string& query, const std::string& plan,
                                                               const std::string& period, int limit,
                                                               const std::optional<cursor_key>& after) {
    return detail::with_session(db_, [&](soci::session& s) -> result<page<account_listing>> {
        std::string after_id = after ? after->id : std::string(), pattern = contains_pattern(query);
        long long after_ts = after ? after->created_at : -1;
        const std::size_t n = static_cast<std::size_t>(limit) + 1;
        std::vector<std::string> ids(n), emails(n), names(n), roles(n), plans(n);
        std::vector<long long> created(n), expires(n), chars(n), docs(n), bytes(n);
        std::vector<soci::indicator> expires_ind(n);
        std::vector<int> disabled(n);
        s << std::string(kSearch) + std::to_string(n), soci::use(period), soci::use(after_ts), soci::use(after_ts),
            soci::use(after_id), soci::use(query), soci::use(pattern), soci::use(pattern), soci::use(plan),
            soci::use(plan), soci::into(ids), soci::into(emails), soci::into(names), soci::into(roles),
            soci::into(plans), soci::into(created), soci::into(expires, expires_ind), soci::into(disabled),
            soci::into(chars), soci::into(docs), soci::into(bytes);
        page<account_listing> out;
        for (std::size_t i = 0; i < ids.size() && i < static_cast<std::size_t>(limit); ++i) {
            account_listing l;
            l.account.id = ids[i];
            l.account.email = emails[i];
            l.account.name = names[i];
            l.account.role = roles[i];
            l.account.plan = plans[i];
            l.account.created_at = created[i];
            l.account.expires_at = expires_ind[i] == soci::i_ok ? expires[i] : 0;
            l.account.disabled = disabled[i] != 0;
            l.chars_used = chars[i];
            l.documents = docs[i];
            l.stored_bytes = bytes[i];
            out.items.push_back(std::move(l));
        }
        if (ids.size() > static_cast<std::size_t>(limit))
            out.next_cursor = encode_cursor({out.items.back().account.created_at, out.items.back().account.id});
        return out;
    });
}

result<user> account_admin_repository::update(const std::string& user_id, const account_change& change) {
    const db_backend backend = db_.backend();
    auto st = detail::with_session(db_, [&](soci::session& s) -> status {
        detail::write_transaction tx(s, backend);
        int found = 0;
        s << "SELECT COUNT(*) FROM users WHERE id = :id", soci::use(user_id), soci::into(found);
        if (found == 0) return make_error(errc::not_found, "user not found");
        if (change.plan) s << "UPDATE users SET plan = :v WHERE id = :id", soci::use(*change.plan), soci::use(user_id);
        if (change.role) s << "UPDATE users SET role = :v WHERE id = :id", soci::use(*change.role), soci::use(user_id);
        if (change.disabled) {
            int flag = *change.disabled ? 1 : 0;
            s << "UPDATE users SET disabled = :v WHERE id = :id", soci::use(flag), soci::use(user_id);
        }
        tx.commit();
        return {};
    });
    if (!st) return st.err();
    return user_repository(db_).find_by_id(user_id);
}

result<user> account_admin_repository::revoke_sessions(const std::string& user_id) {
    const db_backend backend = db_.backend();
    auto st = detail::with_session(db_, [&](soci::session& s) -> status {
        detail::write_transaction tx(s, backend);
        soci::statement bump = (s.prepare << "UPDATE users SET session_generation = session_generation + 1"
                                             " WHERE id = :id",
                                soci::use(user_id));
        bump.execute(true);
        if (detail::affected_rows(bump) == 0) return make_error(errc::not_found, "user not found");
        s << "UPDATE refresh_tokens SET revoked = 1 WHERE user_id = :id", soci::use(user_id);
        tx.commit();
        return {};
    });
    if (!st) return st.err();
    return user_repository(db_).find_by_id(user_id);
}

result<std::vector<plan_usage>> account_admin_repository::usage_by_plan(const std::string& period, micros start,
                                                                         micros end) {
    return detail::with_session(db_, [&](soci::session& s) -> result<std::vector<plan_usage>> {
        long long from = start, to = end;
        std::vector<std::string> plans(64);
        std::vector<long long> users(64), chars(64), docs(64), runs(64);
        s << "SELECT u.plan, COUNT(*),"
             " COALESCE(SUM((SELECT m.chars_used FROM usage_monthly m WHERE m.user_id = u.id AND m.period = :p)), 0),"
             " COALESCE(SUM((SELECT COUNT(*) FROM documents d WHERE d.user_id = u.id"
             "  AND d.created_at >= :s AND d.created_at < :e)), 0),"
             " COALESCE(SUM((SELECT COUNT(*) FROM runs r WHERE r.user_id = u.id"
             "  AND r.created_at >= :s2 AND r.created_at < :e2)), 0)"
             " FROM users u GROUP BY u.plan ORDER BY u.plan",
            soci::use(period), soci::use(from), soci::use(to), soci::use(from), soci::use(to), soci::into(plans),
            soci::into(users), soci::into(chars), soci::into(docs), soci::into(runs);
        std::vector<plan_usage> out;
        for (std::size_t i = 0; i < plans.size(); ++i) out.push_back({plans[i], users[i], chars[i], docs[i], runs[i]});
        return out;
    });
}

}  // namespace galley::persistence
