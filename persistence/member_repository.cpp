#include "persistence/member_repository.hpp"

#include "persistence/detail/sql.hpp"

namespace galley::persistence {

namespace {
// The project holding each kind of resource; every path ends at `p`, the project row.
const char* from_clause(access_target t) {
    switch (t) {
        case access_target::project: return "FROM projects p ";
        case access_target::document: return "FROM documents x JOIN projects p ON p.id = x.project_id ";
        case access_target::run: return "FROM runs x JOIN projects p ON p.id = x.project_id ";
    }
    return "FROM projects p ";
}

const char* id_column(access_target t) { return t == access_target::project ? "p.id" : "x.id"; }

constexpr const char* kMembersPage =
    "SELECT uid, email, role, added FROM ("
    " SELECT p.user_id AS uid, u.email AS email, 'owner' AS role, p.created_at AS added"
    "  FROM projects p JOIN users u ON u.id = p.user_id WHERE p.id = :p"
    " UNION ALL"
    " SELECT m.user_id, u.email, m.role, m.added_at"
    "  FROM project_members m JOIN users u ON u.id = m.user_id WHERE m.project_id = :p2"
    ") x WHERE (added > :t OR (added = :t2 AND uid > :i)) ORDER BY added, uid LIMIT ";
}  // namespace

result<project_access> member_repository::access(std::string_view caller_id, access_target target,
                                                 std::string_view id) {
    return detail::with_session(db_, [&](soci::session& s) -> result<project_access> {
        std::string caller(caller_id), key(id), role;
        soci::indicator role_ind = soci::i_null;
        project_access a;
        s << std::string("SELECT p.id, p.user_id, o.plan, m.role ") + from_clause(target) +
                 "JOIN users o ON o.id = p.user_id "
                 "LEFT JOIN project_members m ON m.project_id = p.id AND m.user_id = :c "
                 "WHERE " + id_column(target) + " = :id",
            soci::use(caller), soci::use(key), soci::into(a.project_id), soci::into(a.owner_id),
            soci::into(a.owner_plan), soci::into(role, role_ind);
        const char* what = target == access_target::project    ? "project not found"
                           : target == access_target::document ? "document not found"
                                                               : "run not found";
        if (!s.got_data()) return make_error(errc::not_found, what);
        if (a.owner_id == caller) {
            a.role = project_role::owner;
            return a;
        }
        auto r = role_ind == soci::i_ok ? parse_member_role(role) : std::nullopt;
        if (!r) return make_error(errc::not_found, what);
        a.role = *r;
        return a;
    });
}

result<page<project_member>> member_repository::list(std::string_view project_id, int limit,
                                                     const std::optional<cursor_key>& after) {
    return detail::with_session(db_, [&](soci::session& s) -> result<page<project_member>> {
        std::string p(project_id), after_id = after ? after->id : std::string();
        long long after_ts = after ? after->created_at : -1;
        std::size_t n = static_cast<std::size_t>(limit) + 1;
        std::vector<std::string> ids(n), emails(n), roles(n);
        std::vector<long long> added(n);
        s << std::string(kMembersPage) + std::to_string(n), soci::use(p), soci::use(p),
            soci::use(after_ts), soci::use(after_ts), soci::use(after_id), soci::into(ids),
            soci::into(emails), soci::into(roles), soci::into(added);
        page<project_member> out;
        for (std::size_t i = 0; i < ids.size() && i < static_cast<std::size_t>(limit); ++i)
            out.items.push_back({ids[i], emails[i], roles[i], added[i]});
        if (ids.size() > static_cast<std::size_t>(limit))
            out.next_cursor = encode_cursor({out.items.back().added_at, out.items.back().user_id});
        return out;
    });
}

result<project_member> member_repository::member(soci::session& s, const std::string& project_id,
                                                 const std::string& user_id) {
    project_member m;
    long long added = 0;
    s << "SELECT m.user_id, u.email, m.role, m.added_at FROM project_members m"
         " JOIN users u ON u.id = m.user_id WHERE m.project_id = :p AND m.user_id = :u",
        soci::use(project_id), soci::use(user_id), soci::into(m.user_id), soci::into(m.email),
        soci::into(m.role), soci::into(added);
    if (!s.got_data()) return make_error(errc::not_found, "not a member of this project");
    m.added_at = added;
    return m;
}

result<project_member> member_repository::add(std::string_view project_id, std::string_view email,
                                               project_role role, micros now) {
    const db_backend backend = db_.backend();
    return detail::with_session(db_, [&](soci::session& s) -> result<project_member> {
        std::string p(project_id), e(email), user_id, owner_id;
        long long expires = 0;
        soci::indicator expires_ind = soci::i_null;
        detail::write_transaction tx(s, backend);
        s << "SELECT id, expires_at FROM users WHERE email = :e", soci::use(e), soci::into(user_id),
            soci::into(expires, expires_ind);
        // A guest has no address of its own to be found by: it is not a registered user.
        if (!s.got_data() || (expires_ind == soci::i_ok && expires != 0))
            return make_error(errc::not_found, "no account has that e-mail address");
        s << "SELECT user_id FROM projects WHERE id = :p", soci::use(p), soci::into(owner_id);
        if (!s.got_data()) return make_error(errc::not_found, "project not found");
        if (owner_id == user_id) return make_error(errc::conflict, "the owner is already in the project");
        int present = 0, count = 0;
        s << "SELECT COUNT(*), COALESCE(SUM(CASE WHEN user_id = :u THEN 1 ELSE 0 END), 0)"
             " FROM project_members WHERE project_id = :p",
            soci::use(user_id), soci::use(p), soci::into(count), soci::into(present);
        if (present > 0) return make_error(errc::conflict, "already a member of this project");
        if (count >= kMaxMembers)
            return make_error(errc::invalid_argument,
                              "a project is shared with at most " + std::to_string(kMaxMembers) + " people",
                              "email");
        std::string r(role_name(role));
        long long added = now;
        s << "INSERT INTO project_members(project_id, user_id, role, added_at) VALUES(:p, :u, :r, :t)",
            soci::use(p), soci::use(user_id), soci::use(r), soci::use(added);
        tx.commit();
        return project_member{user_id, e, r, now};
    });
}

result<project_member> member_repository::set_role(std::string_view project_id, std::string_view user_id,
                                                    project_role role) {
    return detail::with_session(db_, [&](soci::session& s) -> result<project_member> {
        std::string p(project_id), u(user_id), r(role_name(role));
        soci::statement st = (s.prepare << "UPDATE project_members SET role = :r WHERE project_id = :p AND user_id = :u",
                              soci::use(r), soci::use(p), soci::use(u));
        st.execute(true);
        if (detail::affected_rows(st) == 0) return make_error(errc::not_found, "not a member of this project");
        return member(s, p, u);
    });
}

status member_repository::remove(std::string_view project_id, std::string_view user_id) {
    return detail::with_session(db_, [&](soci::session& s) -> status {
        std::string p(project_id), u(user_id);
        soci::statement st = (s.prepare << "DELETE FROM project_members WHERE project_id = :p AND user_id = :u",
                              soci::use(p), soci::use(u));
        st.execute(true);
        if (detail::affected_rows(st) == 0) return make_error(errc::not_found, "not a member of this project");
        return {};
    });
}

}  // namespace galley::persistence
