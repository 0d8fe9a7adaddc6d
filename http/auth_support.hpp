#pragma once
// Authentication shared by every protected handler: bearer token → current user and plan,
// with the plan's request rate enforced. Plans come from the database row, never the token, so
// `galley admin set-plan` takes effect on the next request.
#include <nlohmann/json.hpp>

#include "domain/entities.hpp"
#include "domain/plans.hpp"
#include "domain/result.hpp"
#include "http/http_types.hpp"
#include "http/service_context.hpp"

namespace galley::http {

struct caller {
    user account;
    const plan* tier;  // points into ctx.plans
};

/// unauthorized for a missing, malformed, tampered or expired token or a deleted user;
/// rate_limited when the user is over the plan's requests per minute.
result<caller> authenticate(const http_request& req, service_context& ctx);

/// authenticate, then forbidden unless the caller has the admin role.
result<caller> authenticate_admin(const http_request& req, service_context& ctx);

/// authenticate, reading the month's usage with the user row in one database round trip
/// (GET /users/me is the hottest authenticated read).
result<std::pair<caller, persistence::user_usage>> authenticate_with_usage(const http_request& req,
                                                                          service_context& ctx,
                                                                          const std::string& period);

/// `r` tagged with the caller's id for the request log.
http_response with_user(http_response r, const caller& who);

/// API.md `user` object (never the password hash).
nlohmann::json user_json(const user& u);

/// Issues an access token and a new refresh token family for `u`:
/// {user, access_token, refresh_token, expires_in}.
result<nlohmann::json> issue_session(service_context& ctx, const user& u);

/// A fresh opaque refresh token (256 random bits, base64url) and the hash stored for it.
struct refresh_secret {
    std::string token;
    std::string hash;
};
refresh_secret new_refresh_secret();

}  // namespace galley::http
