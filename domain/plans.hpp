#pragma once
// Plans: what each tier of user may do (DESIGN.md, Plans). A value of 0 means unlimited.
// The table is built once at start-up (defaults, optionally replaced from GALLEY_PLANS_FILE)
// and read-only afterwards, so it may be shared between threads without locking.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "domain/result.hpp"

namespace galley {

struct plan {
    std::string name;
    int weight = 1;
    int max_concurrent = 1;
    int max_docs_per_run = 0;
    std::int64_t chars_per_month = 0;
    std::int64_t max_upload_mb = 0;
    int requests_per_minute = 0;
    int max_attempts = 4;
    // What one user may hold at once. A plan that does not name them (a new plan in the file)
    // gets the free plan's values, not unlimited ones.
    std::int64_t max_stored_mb = 1024;  // originals of every document, in MB (10^6 bytes)
    int max_documents = 5000;
    int max_queued_docs = 1000;  // queued or waiting to retry, across the user's runs
    int max_event_streams = 4;   // open GET /runs/{id}/events streams

    /// Upload limit in bytes; 0 when unlimited.
    std::int64_t max_upload_bytes() const { return max_upload_mb * 1'000'000; }
    /// Stored bytes allowed; 0 when unlimited.
    std::int64_t max_stored_bytes() const { return max_stored_mb * 1'000'000; }
};

class plan_table {
public:
    /// The defaults of DESIGN.md: guest, free and pro.
    static plan_table defaults();

    /// Replaces (or adds) plans from a parsed plans file. Fails with invalid_argument naming the
    /// plan and field when a value is out of range (negative, weight 0, unknown name syntax).
    status set(plan p);

    /// The plan of that name, or nullptr.
    const plan* find(std::string_view name) const;
    /// The plan of that name, or the `free` plan when the name is unknown (a plan removed from
    /// the file must not lock its users out).
    const plan& find_or_free(std::string_view name) const;
    const std::map<std::string, plan, std::less<>>& all() const { return plans_; }
    /// The largest upload any plan allows, in bytes (0 when some plan is unlimited).
    std::int64_t largest_upload_bytes() const;

private:
    std::map<std::string, plan, std::less<>> plans_;
};

/// Plan names are short lower-case identifiers: [a-z0-9_-]{1,32}.
bool is_valid_plan_name(std::string_view name);

}  // namespace galley
