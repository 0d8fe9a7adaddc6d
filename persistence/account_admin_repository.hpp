#pragma once
// What an admin does to accounts (API.md, Operations: admin users and usage): search users with
// their month's usage, change plan, role or the disabled flag, revoke every session, and sum a
// month's usage per plan. The HTTP layer checks the admin role; nothing here does.
// Blocking: call from a handler-pool thread.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/cursor.hpp"
#include "domain/entities.hpp"
#include "domain/result.hpp"
#include "persistence/database.hpp"

namespace galley::persistence {

/// A user as an admin lists it.
struct account_listing {
    user account;
    std::int64_t chars_used = 0;    // in the period asked for
    std::int64_t documents = 0;     // stored now
    std::int64_t stored_bytes = 0;  // the documents' sizes
};

struct account_change {
    std::optional<std::string> plan;
    std::optional<std::string> role;  // "user" | "admin"
    std::optional<bool> disabled;
};

/// One plan's month.
struct plan_usage {
    std::string plan;
    std::int64_t users = 0;       // accounts on the plan now
    std::int64_t chars = 0;       // characters charged in the month to its users
    std::int64_t documents = 0;   // documents uploaded in the month by its users
    std::int64_t runs = 0;        // runs started in the month by its users
};

class account_admin_repository {
public:
    explicit account_admin_repository(database& db) : db_(db) {}

    /// Users whose e-mail or name contains `query` (case-insensitive; empty: all) and whose plan
    /// is `plan` (empty: any), by (created_at, id), with usage in `period` (YYYY-MM).
    result<page<account_listing>> search(const std::string& query, const std::string& plan,
                                         const std::string& period, int limit,
                                         const std::optional<cursor_key>& after);

    /// Applies `change` (values already validated); not_found for an unknown user.
    result<user> update(const std::string& user_id, const account_change& change);

    /// Revokes every refresh token of the user and bumps its session generation, in one
    /// transaction, so access tokens issued before are refused from the next request on.
    result<user> revoke_sessions(const std::string& user_id);

    /// Per plan, for the month [start, end) named `period`; plans with no users are absent.
    result<std::vector<plan_usage>> usage_by_plan(const std::string& period, micros start, micros end);

private:
    database& db_;
};

}  // namespace galley::persistence
