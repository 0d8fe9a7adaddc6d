#include "persistence/backup.hpp"

#include "persistence/detail/sql.hpp"

namespace galley::persistence {

status snapshot_sqlite(database& db, const std::string& path) {
    if (db.backend() != db_backend::sqlite) return make_error(errc::invalid_argument, "not a SQLite database", "db");
    if (path.find_first_of("'\"") != std::string::npos)
        return make_error(errc::invalid_argument, "the backup path must not contain quotes", "out");
    return detail::with_session(db, [&](soci::session& s) -> status {
        s << "VACUUM INTO '" + path + "'";
        return {};
    });
}

result<bool> database_is_empty(database& db) {
    const bool pg = db.backend() == db_backend::postgresql;
    return detail::with_session(db, [&](soci::session& s) -> result<bool> {
        int tables = 0;
        if (pg)
            s << "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public'", soci::into(tables);
        else
            s << "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'", soci::into(tables);
        return tables == 0;
    });
}

}  // namespace galley::persistence
