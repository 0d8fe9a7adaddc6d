#pragma once
// Users and their monthly usage. Emails are stored lower-cased and unique (a database
// constraint), so two concurrent registrations of one address cannot both succeed.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "domain/entities.hpp"
#include "domain/result.hpp"
#include "persistence/database.hpp"

namespace galley::persistence {

struct user_usage {
    std::int64_t chars_used = 0;
    int docs_running = 0;
};

class user_repository {
public:
    explicit user_repository(database& db) : db_(db) {}

    /// Inserts `u`; conflict when the email is taken.
    status create(const user& u);
    /// not_found when no user has that id / email.
    result<user> find_by_id(std::string_view id);
    result<user> find_by_email(std::string_view email);
    /// find_by_id plus the user's characters in `period` and running documents, in one query.
    result<user> find_with_usage(std::string_view id, std::string_view period, user_usage& usage);
    /// Admin changes; not_found when no user has that email.
    status set_plan(std::string_view email, std::string_view plan);
    status set_role(std::string_view email, std::string_view role);
    /// Turns a guest that has not expired by `now` into a `free` user with this email and
    /// password, keeping everything it owns. conflict when `id` is not such a guest or the
    /// email is taken.
    status claim_guest(const std::string& id, const std::string& email, const std::string& password_hash,
                       micros now);
    /// Deletes up to `limit` guests expired by `now` with all their rows (their stored files are
    /// the caller's: blob_store::remove_user) and returns their ids.
    result<std::vector<std::string>> remove_expired_guests(micros now, int limit);
    /// Characters charged to the user in `period` (YYYY-MM); 0 when nothing was charged.
    result<std::int64_t> chars_used(std::string_view user_id, std::string_view period);
    /// The stored settings JSON, or an empty string when the user never saved any.
    result<std::string> settings(std::string_view user_id);
    status save_settings(std::string_view user_id, std::string_view settings_json);

private:
    database& db_;
};

}  // namespace galley::persistence
