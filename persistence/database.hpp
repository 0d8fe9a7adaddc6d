#pragma once
// A pool of database sessions on SQLite (WAL) or PostgreSQL, chosen by URL.
// Repositories borrow sessions through detail/sql.hpp; nothing outside persistence/ sees SOCI.
// Thread-safe: any number of threads may use one database concurrently (up to the pool size
// at once; further callers wait for a free session).
#include <chrono>
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>
#include <utility>

#include "domain/result.hpp"

namespace soci { class connection_pool; class session; }

namespace galley::persistence {

namespace detail {
/// A statement kept prepared on one pooled session (see detail/prepared.hpp).
struct kept_statement {
    virtual ~kept_statement() = default;
};
using kept_statements = std::vector<std::pair<const void*, std::unique_ptr<kept_statement>>>;
}  // namespace detail

enum class db_backend { sqlite, postgresql };

struct db_url {
    db_backend backend = db_backend::sqlite;
    std::string connect;  // SOCI connect string
    std::string path;     // sqlite: the file path
};

/// `sqlite://PATH` (everything after the scheme is the path) or `postgresql://...`/`postgres://...`
/// (a libpq URI). Anything else is invalid_argument naming the field `db`.
result<db_url> parse_db_url(std::string_view url);

class database {
public:
    /// Opens `pool_size` sessions (creating the SQLite file and its directory if needed).
    /// Fails with unavailable when the server cannot be reached. On SQLite a writer waits up to
    /// `sqlite_busy_timeout` for another's transaction, then fails with unavailable: the server
    /// keeps it below the lease TTL, so a renewal stuck behind a long commit fails and is tried
    /// again at the next heartbeat instead of outliving the lease it renews.
    static result<std::unique_ptr<database>> open(std::string_view url, std::size_t pool_size,
                                                  std::chrono::milliseconds sqlite_busy_timeout = std::chrono::seconds(5));
    ~database();

    db_backend backend() const { return url_.backend; }
    std::size_t pool_size() const { return size_; }

    /// A trivial query on a pooled session: ok when the database answers.
    status ping();

    // Used by detail/sql.hpp only.
    soci::connection_pool& pool() { return *pool_; }
    /// Re-opens the pooled session at `pos` if an earlier failure found its connection broken
    /// (PostgreSQL restarted); throws soci_error when the server is still away.
    /// REQUIRES: the caller holds the lease on `pos`.
    void prepare_session(std::size_t pos);
    /// After a failed statement on `pos`: true when the connection still works; otherwise marks
    /// the session for re-opening on next use. REQUIRES: the caller holds the lease on `pos`.
    bool still_connected(std::size_t pos);
    /// Statements kept prepared on the session at `pos`, dropped before it re-opens.
    /// REQUIRES: the caller holds the lease on `pos`.
    detail::kept_statements& kept(std::size_t pos) { return kept_[pos]; }

private:
    database(db_url url, std::size_t size, std::chrono::milliseconds sqlite_busy_timeout);
    db_url url_;
    std::size_t size_;
    std::chrono::milliseconds sqlite_busy_timeout_;
    std::unique_ptr<soci::connection_pool> pool_;
    std::vector<char> broken_;  // per pool slot; only touched by the slot's leaseholder
    // Declared after pool_: destroyed first, while the sessions they were prepared on are open.
    std::vector<detail::kept_statements> kept_;
    void apply_settings(soci::session& s);
};

}  // namespace galley::persistence
