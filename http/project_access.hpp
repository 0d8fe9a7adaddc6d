#pragma once
// How a request reaches a project's resources (docs/permissions.md). The id in the path (a
// project, document or run) is resolved to the project's owner and the caller's role in one
// query; a stranger gets not_found, exactly as for an id that does not exist, and a member whose
// role is below what the action needs gets forbidden. Repositories are then addressed with the
// owner's id, so ownership checks in persistence/ stay one rule for everyone. Nothing is cached:
// removing a member takes effect on their next request.
#include <string_view>

#include "domain/project_roles.hpp"
#include "http/auth_support.hpp"
#include "persistence/member_repository.hpp"

namespace galley::http {

using persistence::access_target;

struct project_scope {
    caller who;                           // the authenticated caller
    persistence::project_access access;   // the project, its owner and the caller's role
    const plan* owner_tier = nullptr;     // uploads and runs count against the owner's plan
    const std::string& owner() const { return access.owner_id; }
};

/// The caller's access to the project holding `id`, if `needed` is within their role.
result<persistence::project_access> authorize(service_context& ctx, const caller& who, access_target target,
                                              std::string_view id, project_action needed);

/// authenticate, then authorize.
result<project_scope> authorize(const http_request& req, service_context& ctx, access_target target,
                                std::string_view id, project_action needed);

}  // namespace galley::http
