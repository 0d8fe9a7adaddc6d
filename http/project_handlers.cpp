// /api/v1/projects and /api/v1/projects/{project_id}.
#include "domain/ids.hpp"
#include "domain/validation.hpp"
#include "http/auth_support.hpp"
#include "http/audit.hpp"
#include "http/errors.hpp"
#include "http/handlers.hpp"
#include "http/json_input.hpp"
#include "http/list_support.hpp"
#include "http/project_access.hpp"
#include "http/resource_json.hpp"

namespace galley::http {

namespace {
result<std::optional<std::string>> language_field(const nlohmann::json& body) {
    auto lang = optional_string(body, "language", 16);
    if (!lang) return lang.err();
    if (*lang && !is_valid_language_setting(**lang))
        return make_error(errc::invalid_argument, "language must be auto, es or en", "language");
    return lang;
}

}  // namespace

http_response list_projects(const http_request& req, service_context& ctx) {
    return paged_list(
        req, ctx,
        [&](const caller& who, int limit, const std::optional<cursor_key>& after) {
            return ctx.projects.list(who.account.id, limit, after);
        },
        project_json);
}

http_response create_project(const http_request& req, service_context& ctx) {
    auto who = authenticate(req, ctx);
    if (!who) return json_error(who.err(), req.request_id);
    auto body = parse_json_object(req);
    if (!body) return json_error(body.err(), req.request_id);
    auto name_raw = required_string(*body, "name", 1024);
    if (!name_raw) return json_error(name_raw.err(), req.request_id);
    auto name = validate_label(*name_raw, "name", 200);
    if (!name) return json_error(name.err(), req.request_id);
    auto lang = language_field(*body);
    if (!lang) return json_error(lang.err(), req.request_id);
    project p{new_uuid(), who->account.id, *name, lang->value_or("auto"), now_micros(), 0};
    if (auto s = ctx.projects.create(p); !s) return json_error(s.err(), req.request_id);
    audit(ctx, req, who->account.id, "project.create", p.id);
    return with_user(json_ok(project_json(p), req.request_id, 201), *who);
}

http_response get_project(const http_request& req, service_context& ctx) {
    auto scope = authorize(req, ctx, access_target::project, req.param(0), project_action::read);
    if (!scope) return json_error(scope.err(), req.request_id);
    auto p = ctx.projects.get(scope->owner(), req.param(0));
    if (!p) return json_error(p.err(), req.request_id);
    p->role = role_name(scope->access.role);
    return with_user(json_ok(project_json(*p), req.request_id), scope->who);
}

http_response patch_project(const http_request& req, service_context& ctx) {
    auto scope = authorize(req, ctx, access_target::project, req.param(0), project_action::manage);
    if (!scope) return json_error(scope.err(), req.request_id);
    const caller* who = &scope->who;
    auto body = parse_json_object(req);
    if (!body) return json_error(body.err(), req.request_id);
    std::optional<std::string> name;
    auto name_raw = optional_string(*body, "name", 1024);
    if (!name_raw) return json_error(name_raw.err(), req.request_id);
    if (*name_raw) {
        auto n = validate_label(**name_raw, "name", 200);
        if (!n) return json_error(n.err(), req.request_id);
        name = *n;
    }
    auto lang = language_field(*body);
    if (!lang) return json_error(lang.err(), req.request_id);
    auto p = ctx.projects.update(who->account.id, req.param(0), name, *lang);
    if (!p) return json_error(p.err(), req.request_id);
    return with_user(json_ok(project_json(*p), req.request_id), *who);
}

http_response delete_project(const http_request& req, service_context& ctx) {
    auto scope = authorize(req, ctx, access_target::project, req.param(0), project_action::manage);
    if (!scope) return json_error(scope.err(), req.request_id);
    const caller* who = &scope->who;
    if (auto s = ctx.projects.remove(who->account.id, req.param(0)); !s)
        return json_error(s.err(), req.request_id);
    // The rows are gone; now the files. A failure here leaves orphan files, never orphan rows.
    (void)ctx.blobs.remove_project(who->account.id, req.param(0));
    audit(ctx, req, who->account.id, "project.delete", req.param(0));
    return with_user(json_ok(nullptr, req.request_id), *who);
}

}  // namespace galley::http
