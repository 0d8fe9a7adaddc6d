#pragma once
// Reading the job log of a run (written by work_queue and run_repository in the transactions that
// take each step): every document's queueing, claims by node, attempts, retries with their
// errors, recoveries, cancellation and outcome. Blocking: call from a handler-pool thread.
#include <optional>
#include <string>

#include "domain/cursor.hpp"
#include "domain/result.hpp"
#include "domain/entities.hpp"
#include "domain/run_model.hpp"
#include "persistence/database.hpp"

namespace galley::persistence {

class job_log_repository {
public:
    explicit job_log_repository(database& db) : db_(db) {}

    /// Lines of `run_id` (owned by `user_id`; not_found otherwise), of one document when
    /// `document_id` is set, oldest first by (at, id), `limit` per page after `after`.
    result<page<job_log_entry>> list(const std::string& user_id, const std::string& run_id,
                                     const std::optional<std::string>& document_id, int limit,
                                     const std::optional<cursor_key>& after);

private:
    database& db_;
};

}  // namespace galley::persistence
