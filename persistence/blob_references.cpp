#include "persistence/blob_references.hpp"

#include "persistence/detail/sql.hpp"

namespace galley::persistence {

result<std::set<std::string>> referenced_blobs(database& db, std::string_view project_id) {
    return detail::with_session(db, [&](soci::session& s) -> result<std::set<std::string>> {
        std::string p(project_id), sha;
        std::set<std::string> out;
        soci::statement st = (s.prepare << "SELECT sha256 FROM documents WHERE project_id = :p"
                                           " UNION SELECT e.sha256 FROM exports e JOIN runs r ON r.id = e.run_id"
                                           " WHERE r.project_id = :p2",
                              soci::use(p), soci::use(p), soci::into(sha));
        st.execute();
        while (st.fetch()) out.insert(sha);
        return out;
    });
}

result<bool> blob_referenced(database& db, std::string_view project_id, std::string_view sha256) {
    return detail::with_session(db, [&](soci::session& s) -> result<bool> {
        std::string p(project_id), h(sha256);
        int documents = 0, exports = 0;
        s << "SELECT COUNT(*) FROM documents WHERE project_id = :p AND sha256 = :h", soci::use(p), soci::use(h),
            soci::into(documents);
        s << "SELECT COUNT(*) FROM exports e JOIN runs r ON r.id = e.run_id WHERE r.project_id = :p AND e.sha256 = :h",
            soci::use(p), soci::use(h), soci::into(exports);
        return documents + exports > 0;
    });
}

}  // namespace galley::persistence
