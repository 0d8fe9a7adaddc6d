#pragma once
// What `galley backup` and `galley restore` need from the database itself (app/backup_command
// does the rest): a consistent online copy of a SQLite database, and whether a database is still
// empty. PostgreSQL is dumped and restored with pg_dump / pg_restore.
#include <string>

#include "domain/result.hpp"
#include "persistence/database.hpp"

namespace galley::persistence {

/// SQLite only: a consistent copy of the live database written to `path` (VACUUM INTO, which
/// reads one snapshot while writers go on). `path` must not exist and must not contain quotes.
status snapshot_sqlite(database& db, const std::string& path);

/// True when the database holds no table at all (nothing created or migrated yet).
result<bool> database_is_empty(database& db);

}  // namespace galley::persistence
