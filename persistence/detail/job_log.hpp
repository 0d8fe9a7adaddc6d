#pragma once
// Internal to persistence/: appending to the job log (API.md GET /runs/{id}/log) inside the
// transaction that takes the step, so the log never disagrees with the queue.
#include <soci/soci.h>

#include <string>

#include "domain/clock.hpp"

namespace galley::persistence::detail {

/// One line for one document. `node_id` empty: no node (a request, not a worker, took the step).
void append_job_log(soci::session& s, const std::string& run_id, const std::string& document_id, micros at,
                    const char* event, const std::string& node_id, int attempt, const std::string& detail);

/// Appends many lines through one prepared statement (a batch of claims or commits): the SQL is
/// parsed once per transaction instead of once per line.
class job_log_appender {
public:
    explicit job_log_appender(soci::session& s);
    void append(const std::string& run_id, const std::string& document_id, micros at, const char* event,
                const std::string& node_id, int attempt, const std::string& detail);

private:
    std::string id_, run_, doc_, event_, node_, detail_;
    long long at_ = 0;
    int attempt_ = 0;
    soci::indicator node_ind_ = soci::i_ok;
    soci::statement insert_;
};

/// One `event` line for every document of `run_id` whose status is in `statuses_sql` (a SQL list
/// such as "('queued', 'retrying')"), written before the caller changes them.
void append_job_log_for_status(soci::session& s, const std::string& run_id, const char* statuses_sql, micros at,
                               const char* event, const std::string& detail);

}  // namespace galley::persistence::detail
