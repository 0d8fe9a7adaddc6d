#pragma once
// Internal to persistence/: borrow a pooled SOCI session, run a function on it and turn every
// SOCI exception into a typed error, so no exception leaves a repository.
#include <soci/soci.h>

#include <string>
#include <type_traits>
#include <utility>

#include "domain/result.hpp"
#include "persistence/database.hpp"

namespace galley::persistence::detail {

/// Maps a database exception to an error (conflict for constraint violations, unavailable when the
/// connection is gone, internal otherwise) and logs the cause; messages never carry SQL.
error map_exception(const std::exception& e, bool connected);

/// Borrows a session for the lifetime of the object (waits up to 10 s; then unavailable).
class pooled_session {
public:
    explicit pooled_session(database& db);
    ~pooled_session();
    pooled_session(const pooled_session&) = delete;
    pooled_session& operator=(const pooled_session&) = delete;
    bool leased() const { return leased_; }
    soci::session& get() { return db_.pool().at(pos_); }
    std::size_t pos() const { return pos_; }

private:
    database& db_;
    std::size_t pos_ = 0;
    bool leased_ = false;
};

/// Runs fn(soci::session&) -> result<T>|status on a pooled session.
template <class Fn>
auto with_session(database& db, Fn&& fn) -> std::invoke_result_t<Fn, soci::session&> {
    pooled_session ps(db);
    if (!ps.leased()) return make_error(errc::unavailable, "the database is busy");
    try {
        db.prepare_session(ps.pos());
        return fn(ps.get());
    } catch (const std::exception& e) {
        return map_exception(e, db.still_connected(ps.pos()));
    }
}

/// A write transaction: BEGIN IMMEDIATE on SQLite (takes the write lock up front, so two writers
/// never deadlock upgrading a read lock), BEGIN on PostgreSQL. Rolls back unless committed.
class write_transaction {
public:
    write_transaction(soci::session& s, db_backend backend);
    ~write_transaction();
    void commit();

private:
    soci::session& s_;
    bool done_ = false;
};

/// Rows changed by the last statement.
long long affected_rows(soci::statement& st);

}  // namespace galley::persistence::detail
