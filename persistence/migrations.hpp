#pragma once
// Versioned schema migrations, recorded in `schema_migrations`. Applying is idempotent and safe
// when several nodes start at once (PostgreSQL: an advisory lock; SQLite: one writer).
// Later features add tables by appending a migration to migrations.cpp, never by editing one.
#include <string>
#include <vector>

#include "domain/result.hpp"
#include "persistence/database.hpp"

namespace galley::persistence {

struct migration {
    int version;
    std::string name;
    std::vector<std::string> statements;  // run in order, inside one transaction
};

/// Every migration of this build, in version order.
const std::vector<migration>& all_migrations();

/// Applies the pending migrations; returns how many were applied (0 when up to date).
/// Fails with unavailable when the database does not answer, internal when a statement fails
/// (the failing migration is rolled back and not recorded).
result<int> apply_migrations(database& db);

/// Versions recorded in schema_migrations, ascending.
result<std::vector<int>> applied_migrations(database& db);

}  // namespace galley::persistence
