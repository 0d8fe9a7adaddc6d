#pragma once
// The audit log: append-only lines of who did what (domain/entities.hpp audit_entry), read by
// admins with filters and pruned past the retention period. Nothing here updates a line.
// Blocking: call from a handler-pool thread or a background task.
#include <optional>
#include <string>

#include "domain/cursor.hpp"
#include "domain/entities.hpp"
#include "domain/result.hpp"
#include "persistence/database.hpp"

namespace galley::persistence {

struct audit_filter {
    std::optional<std::string> actor_id;
    std::optional<std::string> action;
    std::optional<micros> since;  // inclusive
    std::optional<micros> until;  // exclusive
};

class audit_repository {
public:
    explicit audit_repository(database& db) : db_(db) {}

    status record(const audit_entry& e);

    /// Lines matching `filter`, oldest first by (at, id), `limit` per page after `after`.
    result<page<audit_entry>> list(const audit_filter& filter, int limit, const std::optional<cursor_key>& after);

    /// Deletes up to `limit` lines older than `before`; returns how many went.
    result<int> prune(micros before, int limit);

private:
    database& db_;
};

}  // namespace galley::persistence
