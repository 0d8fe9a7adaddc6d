#pragma once
// Internal to persistence/: reading runs with their documents, shared by run_repository and
// work_queue so both see runs the same way.
#include <soci/soci.h>

#include <string>

#include "domain/result.hpp"
#include "domain/run_model.hpp"
#include "persistence/database.hpp"

namespace galley::persistence::detail {

/// The run with its documents in run order; not_found when absent or (with `user_id`) not theirs.
/// Non-terminal runs report the status their documents imply; a run whose documents are all done
/// stays `running` until its artefacts are published (finish_run).
result<run_record> load_run(soci::session& s, const std::string& run_id, const std::string* user_id);

/// Exports of a run, oldest first.
std::vector<export_record> load_exports(soci::session& s, const std::string& run_id);

void insert_export(soci::session& s, const export_record& e);

/// Takes a transaction-scoped lock serialising queue changes across nodes (PostgreSQL advisory
/// lock; SQLite's BEGIN IMMEDIATE already serialises writers). REQUIRES: inside a transaction.
void lock_queue(soci::session& s, db_backend backend);

}  // namespace galley::persistence::detail
