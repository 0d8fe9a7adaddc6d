#include "persistence/project_repository.hpp"

#include "persistence/detail/sql.hpp"

namespace galley::persistence {

namespace {
#define GALLEY_PROJECT_COLUMNS \
    "SELECT p.id, p.user_id, p.name, p.language, p.created_at," \
    " (SELECT COUNT(*) FROM documents d WHERE d.project_id = p.id)"
constexpr const char* kSelect = GALLEY_PROJECT_COLUMNS " FROM projects p ";
// Owned and shared alike; the reader's role rides along (owner when there is no member row).
constexpr const char* kSelectVisible = GALLEY_PROJECT_COLUMNS
    ", COALESCE((SELECT m.role FROM project_members m WHERE m.project_id = p.id AND m.user_id = :u0),"
    " 'owner') FROM projects p WHERE p.id IN (SELECT id FROM projects WHERE user_id = :u"
    " UNION ALL SELECT project_id FROM project_members WHERE user_id = :u2) ";
#undef GALLEY_PROJECT_COLUMNS
}

status project_repository::create(const project& p) {
    return detail::with_session(db_, [&](soci::session& s) -> status {
        long long created = p.created_at;
        s << "INSERT INTO projects(id, user_id, name, language, created_at) "
             "VALUES(:id, :u, :n, :l, :c)",
            soci::use(p.id), soci::use(p.user_id), soci::use(p.name), soci::use(p.language),
            soci::use(created);
        return {};
    });
}

result<page<project>> project_repository::list(std::string_view user_id, int limit,
                                               const std::optional<cursor_key>& after) {
    return detail::with_session(db_, [&](soci::session& s) -> result<page<project>> {
        std::string u(user_id), after_id = after ? after->id : std::string();
        long long after_ts = after ? after->created_at : -1;
        std::size_t n = static_cast<std::size_t>(limit) + 1;
        std::vector<std::string> ids(n), owners(n), names(n), langs(n), roles(n);
        std::vector<long long> created(n), counts(n);
        s << std::string(kSelectVisible) +
                 "AND (p.created_at > :t OR (p.created_at = :t2 AND p.id > :i)) "
                 "ORDER BY p.created_at, p.id LIMIT " + std::to_string(n),
            soci::use(u), soci::use(u), soci::use(u), soci::use(after_ts), soci::use(after_ts),
            soci::use(after_id), soci::into(ids), soci::into(owners), soci::into(names),
            soci::into(langs), soci::into(created), soci::into(counts), soci::into(roles);
        page<project> out;
        for (std::size_t i = 0; i < ids.size() && i < static_cast<std::size_t>(limit); ++i)
            out.items.push_back({ids[i], owners[i], names[i], langs[i], created[i], counts[i], roles[i]});
        if (ids.size() > static_cast<std::size_t>(limit))
            out.next_cursor = encode_cursor({out.items.back().created_at, out.items.back().id});
        return out;
    });
}

result<project> project_repository::get(std::string_view user_id, std::string_view project_id) {
    return detail::with_session(db_, [&](soci::session& s) -> result<project> {
        std::string u(user_id), id(project_id);
        project p;
        long long created = 0, count = 0;
        s << std::string(kSelect) + "WHERE p.id = :id AND p.user_id = :u", soci::use(id),
            soci::use(u), soci::into(p.id), soci::into(p.user_id), soci::into(p.name),
            soci::into(p.language), soci::into(created), soci::into(count);
        if (!s.got_data()) return make_error(errc::not_found, "project not found");
        p.created_at = created;
        p.document_count = count;
        return p;
    });
}

result<project> project_repository::update(std::string_view user_id, std::string_view project_id,
                                           const std::optional<std::string>& name,
                                           const std::optional<std::string>& language) {
    auto st = detail::with_session(db_, [&](soci::session& s) -> status {
        std::string u(user_id), id(project_id);
        int found = 0;
        s << "SELECT COUNT(*) FROM projects WHERE id = :id AND user_id = :u", soci::use(id),
            soci::use(u), soci::into(found);
        if (found == 0) return make_error(errc::not_found, "project not found");
        if (name) s << "UPDATE projects SET name = :n WHERE id = :id", soci::use(*name), soci::use(id);
        if (language)
            s << "UPDATE projects SET language = :l WHERE id = :id", soci::use(*language), soci::use(id);
        return {};
    });
    if (!st) return st.err();
    return get(user_id, project_id);
}

status project_repository::remove(std::string_view user_id, std::string_view project_id) {
    return detail::with_session(db_, [&](soci::session& s) -> status {
        std::string u(user_id), id(project_id);
        soci::statement st = (s.prepare << "DELETE FROM projects WHERE id = :id AND user_id = :u",
                              soci::use(id), soci::use(u));
        st.execute(true);
        if (detail::affected_rows(st) == 0) return make_error(errc::not_found, "project not found");
        return {};
    });
}

}  // namespace galley::persistence
