#pragma once
// Shared projects: who besides the owner may use a project, and with which role
// (domain/project_roles.hpp). `access` is how every request reaches a project's resources: it
// resolves a project, document or run id to the project's owner and the caller's role, or
// not_found when the caller is neither owner nor member, so a stranger learns nothing.
// Blocking: call from a handler-pool thread.
#include <optional>
#include <string>
#include <string_view>

#include "domain/cursor.hpp"
#include "domain/entities.hpp"
#include "domain/project_roles.hpp"
#include "domain/result.hpp"
#include "persistence/database.hpp"

namespace galley::persistence {

/// What an id is the id of.
enum class access_target { project, document, run };

/// The caller's standing in the project that holds a resource.
struct project_access {
    std::string project_id;
    std::string owner_id;    // repositories are always addressed with the owner's id
    std::string owner_plan;  // uploads and runs count against the owner's plan
    project_role role = project_role::viewer;
};

class member_repository {
public:
    static constexpr int kMaxMembers = 100;  // per project, owner not counted

    explicit member_repository(database& db) : db_(db) {}

    /// One indexed query; not_found when `id` does not exist or the caller has no part in it.
    result<project_access> access(std::string_view caller_id, access_target target, std::string_view id);

    /// The owner (role "owner", added when the project was created) and the members, by
    /// (added_at, user_id), `limit` per page after `after`.
    result<page<project_member>> list(std::string_view project_id, int limit,
                                      const std::optional<cursor_key>& after);

    /// Shares the project with the registered (not guest) user of `email`, already lower-cased:
    /// not_found without such a user; conflict for the owner or someone already a member;
    /// invalid_argument (field "email") past kMaxMembers.
    result<project_member> add(std::string_view project_id, std::string_view email, project_role role,
                               micros now);

    /// not_found when `user_id` is not a member (the owner is not one).
    result<project_member> set_role(std::string_view project_id, std::string_view user_id, project_role role);
    status remove(std::string_view project_id, std::string_view user_id);

private:
    result<project_member> member(soci::session& s, const std::string& project_id, const std::string& user_id);
    database& db_;
};

}  // namespace galley::persistence
