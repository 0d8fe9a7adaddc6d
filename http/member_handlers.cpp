// /api/v1/projects/{project_id}/members[/{user_id}]: sharing a project (API.md, Projects).
#include "domain/validation.hpp"
#include "http/audit.hpp"
#include "http/errors.hpp"
#include "http/handlers.hpp"
#include "http/json_input.hpp"
#include "http/list_support.hpp"
#include "http/project_access.hpp"
#include "http/resource_json.hpp"

namespace galley::http {

namespace {
nlohmann::json member_json(const project_member& m) {
    return {{"user_id", m.user_id},
            {"email", m.email},
            {"role", m.role},
            {"added_at", to_rfc3339(m.added_at)}};
}

result<project_role> role_field(const nlohmann::json& body) {
    auto raw = required_string(body, "role", 32);
    if (!raw) return raw.err();
    auto role = parse_member_role(*raw);
    if (!role) return make_error(errc::invalid_argument, "role must be editor, reviewer or viewer", "role");
    return *role;
}
}  // namespace

http_response list_members(const http_request& req, service_context& ctx) {
    return paged_list(
        req, ctx,
        [&](const caller& who, int limit, const std::optional<cursor_key>& after) -> result<page<project_member>> {
            auto access = authorize(ctx, who, access_target::project, req.param(0), project_action::read);
            if (!access) return access.err();
            return ctx.members.list(access->project_id, limit, after);
        },
        member_json);
}

http_response add_member(const http_request& req, service_context& ctx) {
    const auto& rid = req.request_id;
    auto scope = authorize(req, ctx, access_target::project, req.param(0), project_action::manage);
    if (!scope) return json_error(scope.err(), rid);
    auto body = parse_json_object(req);
    if (!body) return json_error(body.err(), rid);
    auto email_raw = required_string(*body, "email", 320);
    if (!email_raw) return json_error(email_raw.err(), rid);
    auto email = normalize_email(*email_raw);
    if (!email) return json_error(email.err(), rid);
    auto role = role_field(*body);
    if (!role) return json_error(role.err(), rid);
    auto added = ctx.members.add(scope->access.project_id, *email, *role, now_micros());
    if (!added) return json_error(added.err(), rid);
    audit(ctx, req, scope->who.account.id, "project.member_add", scope->access.project_id,
          {{"user_id", added->user_id}, {"role", added->role}});
    return with_user(json_ok(member_json(*added), rid, 201), scope->who);
}

http_response put_member(const http_request& req, service_context& ctx) {
    const auto& rid = req.request_id;
    auto scope = authorize(req, ctx, access_target::project, req.param(0), project_action::manage);
    if (!scope) return json_error(scope.err(), rid);
    auto body = parse_json_object(req);
    if (!body) return json_error(body.err(), rid);
    auto role = role_field(*body);
    if (!role) return json_error(role.err(), rid);
    auto changed = ctx.members.set_role(scope->access.project_id, req.param(1), *role);
    if (!changed) return json_error(changed.err(), rid);
    audit(ctx, req, scope->who.account.id, "project.member_update", scope->access.project_id,
          {{"user_id", changed->user_id}, {"role", changed->role}});
    return with_user(json_ok(member_json(*changed), rid), scope->who);
}

http_response delete_member(const http_request& req, service_context& ctx) {
    const auto& rid = req.request_id;
    // Any member may leave; only the owner may remove someone else.
    auto scope = authorize(req, ctx, access_target::project, req.param(0), project_action::read);
    if (!scope) return json_error(scope.err(), rid);
    const bool leaving = req.param(1) == scope->who.account.id;
    if (!leaving && !role_allows(scope->access.role, project_action::manage))
        return json_error(make_error(errc::forbidden, "only the owner removes other members"), rid);
    if (auto s = ctx.members.remove(scope->access.project_id, req.param(1)); !s) return json_error(s.err(), rid);
    audit(ctx, req, scope->who.account.id, "project.member_remove", scope->access.project_id,
          {{"user_id", req.param(1)}, {"leaving", leaving}});
    return with_user(json_ok(nullptr, rid), scope->who);
}

}  // namespace galley::http
