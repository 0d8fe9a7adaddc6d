#pragma once
// Runs as users see them: creation with every admission check (document limits, the monthly
// character budget, the queue bound), reads, cancellation requests and exports. Every method
// that takes a user id checks ownership (another user's run is not_found).
#include <optional>
#include <string>
#include <vector>

#include "domain/cursor.hpp"
#include "domain/entities.hpp"
#include "domain/plans.hpp"
#include "domain/result.hpp"
#include "domain/run_model.hpp"
#include "persistence/database.hpp"

namespace galley::persistence {

struct run_admission {
    const plan* tier = nullptr;
    std::int64_t max_queued = 10'000;  // documents queued in the whole queue before over_capacity
};

class run_repository {
public:
    explicit run_repository(database& db) : db_(db) {}

    /// Creates a queued run over `document_ids` (empty: every document of the project), in one
    /// transaction with its admission checks: not_found for an unknown project or document,
    /// invalid_argument (field document_ids) for an empty run, quota_exceeded over the plan's
    /// documents per run, queued documents per user or monthly characters (used + pending + this
    /// run), over_capacity when the queue is full or the user would hold more than half of it.
    result<run_record> create(const std::string& user_id, const std::string& project_id,
                              const std::vector<std::string>& document_ids,
                              const run_options& options, const run_admission& admission);

    result<run_record> get(const std::string& user_id, const std::string& run_id);
    /// Without an owner check: for the runtime.
    result<run_record> get_any(const std::string& run_id);
    result<page<run_record>> list(const std::string& user_id, const std::string& project_id,
                                  int limit, const std::optional<cursor_key>& after);

    /// Marks the run cancelling: queued and retrying documents become cancelled at once; the run
    /// is cancelled when none is running. conflict when the run already finished.
    result<run_record> request_cancel(const std::string& user_id, const std::string& run_id);

    result<std::vector<export_record>> exports(const std::string& user_id, const std::string& run_id);
    /// An export of the caller's run by id; not_found otherwise.
    result<export_record> find_export(const std::string& user_id, const std::string& run_id,
                                      const std::string& export_id);
    /// The newest run-level export of `kind` (changelog_csv, summary_md); not_found before the
    /// run finished.
    result<export_record> run_export(const std::string& user_id, const std::string& run_id,
                                     const std::string& kind);

    /// Documents of the user being corrected now (for GET /users/me).
    result<int> running_documents(const std::string& user_id);

private:
    database& db_;
};

}  // namespace galley::persistence
