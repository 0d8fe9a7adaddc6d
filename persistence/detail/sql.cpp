#include "persistence/detail/sql.hpp"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>
#include <sqlite3.h>

#include <cstdio>

namespace galley::persistence::detail {

error map_exception(const std::exception& e, bool connected) {
    if (const auto* se = dynamic_cast<const soci::soci_error*>(&e)) {
        auto category = se->get_error_category();
        if (category == soci::soci_error::constraint_violation)
            return make_error(errc::conflict, "the record conflicts with an existing one");
        if (const auto* pe = dynamic_cast<const soci::postgresql_soci_error*>(&e)) {
            std::string state = pe->sqlstate();
            if (state.rfind("23", 0) == 0)
                return make_error(errc::conflict, "the record conflicts with an existing one");
            if (state.rfind("08", 0) == 0 || state.rfind("57P", 0) == 0) connected = false;
        }
        if (const auto* le = dynamic_cast<const soci::sqlite3_soci_error*>(&e)) {
            if ((le->result() & 0xFF) == SQLITE_CONSTRAINT)
                return make_error(errc::conflict, "the record conflicts with an existing one");
        }
        if (category == soci::soci_error::connection_error) connected = false;
    }
    std::fprintf(stderr, "{\"level\":\"error\",\"msg\":\"database error\",\"cause\":\"%s\"}\n",
                 e.what());
    if (!connected) return make_error(errc::unavailable, "the database is unavailable");
    return make_error(errc::internal, "a database error occurred");
}

pooled_session::pooled_session(database& db) : db_(db) {
    leased_ = db_.pool().try_lease(pos_, 10'000);
}

pooled_session::~pooled_session() {
    if (leased_) db_.pool().give_back(pos_);
}

write_transaction::write_transaction(soci::session& s, db_backend backend) : s_(s) {
    s_ << (backend == db_backend::sqlite ? "BEGIN IMMEDIATE" : "BEGIN");
}

write_transaction::~write_transaction() {
    if (done_) return;
    try {
        s_ << "ROLLBACK";
    } catch (...) {
        // The connection may be gone; the server rolls back on its own.
    }
}

void write_transaction::commit() {
    s_ << "COMMIT";
    done_ = true;
}

long long affected_rows(soci::statement& st) { return st.get_affected_rows(); }

}  // namespace galley::persistence::detail
