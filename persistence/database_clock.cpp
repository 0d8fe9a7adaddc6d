#include "persistence/database_clock.hpp"

#include "persistence/detail/sql.hpp"

namespace galley::persistence {

result<micros> measure_clock_offset(database& db) {
    if (db.backend() == db_backend::sqlite) return micros{0};
    return detail::with_session(db, [&](soci::session& s) -> result<micros> {
        const micros before = now_micros() - clock_offset();
        long long database_now = 0;
        s << "SELECT CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000000 AS BIGINT)", soci::into(database_now);
        const micros after = now_micros() - clock_offset();
        return static_cast<micros>(database_now) - (before + after) / 2;
    });
}

}  // namespace galley::persistence
