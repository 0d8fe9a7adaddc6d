#pragma once
// Internal to persistence/: run ownership and the review history tables (migration 4).
#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

#include "domain/cursor.hpp"
#include "domain/result.hpp"
#include "persistence/review_repository.hpp"

namespace galley::persistence::detail {

/// ok when `run_id` exists and belongs to `user_id`; not_found otherwise.
status check_run_owner(soci::session& s, const std::string& user_id, const std::string& run_id);

/// Status of a document in the run ("succeeded", "failed", ...), or nullopt when not in it.
std::optional<std::string> run_document_status(soci::session& s, const std::string& run_id,
                                               const std::string& document_id);

/// Batches of the run after `after`, oldest first, without their changes.
std::vector<review_batch> select_batches(soci::session& s, const std::string& run_id, int limit,
                                         const std::optional<cursor_key>& after);

/// Fills b.changes (at most `max`, in order applied) and b.truncated.
void load_changes(soci::session& s, review_batch& b, int max);

/// Inserts the batch row (without changes).
void insert_batch(soci::session& s, const std::string& run_id, const review_batch& b);

}  // namespace galley::persistence::detail
