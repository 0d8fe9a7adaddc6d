// /api/v1/projects/{project_id}/runs and /api/v1/runs/{run_id}[/cancel|/events|/log].
#include "domain/feature_flags.hpp"
#include "domain/ids.hpp"
#include "http/auth_support.hpp"
#include "http/audit.hpp"
#include "http/errors.hpp"
#include "http/handlers.hpp"
#include "http/json_input.hpp"
#include "http/list_support.hpp"
#include "http/idempotency.hpp"
#include "http/project_access.hpp"
#include "persistence/job_log_repository.hpp"
#include "http/resource_json.hpp"

namespace galley::http {

namespace {
result<std::vector<std::string>> document_ids_field(const nlohmann::json& body) {
    std::vector<std::string> ids;
    auto it = body.find("document_ids");
    if (it == body.end() || it->is_null()) return ids;
    if (!it->is_array() || it->size() > 10'000)
        return make_error(errc::invalid_argument, "document_ids must be a list of document ids", "document_ids");
    for (const auto& id : *it) {
        if (!id.is_string() || !is_uuid(id.get<std::string>()))
            return make_error(errc::invalid_argument, "document_ids must be a list of document ids", "document_ids");
        ids.push_back(id.get<std::string>());
    }
    if (ids.empty()) return make_error(errc::invalid_argument, "document_ids must not be empty", "document_ids");
    return ids;
}
}  // namespace

namespace {
http_response start_run(const http_request& req, service_context& ctx, const project_scope* scope) {
    const auto& rid = req.request_id;
    const caller* who = &scope->who;
    auto body = parse_json_object(req, /*empty_ok=*/true);
    if (!body) return json_error(body.err(), rid);
    auto ids = document_ids_field(*body);
    if (!ids) return json_error(ids.err(), rid);
    // The defaults of whoever starts the run; the run itself belongs to the project's owner.
    auto settings = load_user_settings(ctx, who->account.id);
    if (!settings) return json_error(settings.err(), rid);
    run_options options = default_run_options(*settings);
    // A project's language beats the user's "auto": short texts cannot be detected reliably.
    auto proj = ctx.projects.get(scope->owner(), req.param(0));
    if (!proj) return json_error(proj.err(), rid);
    if (options.language == "auto" && proj->language != "auto") options.language = proj->language;
    if (auto it = body->find("options"); it != body->end() && !it->is_null()) {
        // Given options override the user's defaults field by field.
        nlohmann::json merged = nlohmann::json::parse(to_json_text(options));
        if (!it->is_object())
            return json_error(make_error(errc::invalid_argument, "options must be an object", "options"), rid);
        for (const auto& [k, v] : it->items()) merged[k] = v;
        auto parsed = parse_run_options(merged.dump());
        if (!parsed) return json_error(parsed.err(), rid);
        options = *parsed;
    }
    // A kill switch for the costliest artefact, per account or for everyone (admin feature flags).
    if (!ctx.flags.enabled(kTrackedChangesExport, scope->owner())) options.tracked_changes = false;
    auto run = ctx.runtime->create_run(scope->owner(), scope->access.owner_plan, req.param(0), *ids,
                                       options);
    if (!run) return json_error(run.err(), rid);
    audit(ctx, req, who->account.id, "run.create", run->id,
          {{"project_id", run->project_id}, {"documents", run->documents.size()}});
    return with_user(json_ok(run_json(*run), rid, 202), *who);
}
}  // namespace

http_response create_run(const http_request& req, service_context& ctx) {
    auto scope = authorize(req, ctx, access_target::project, req.param(0), project_action::edit);
    if (!scope) return json_error(scope.err(), req.request_id);
    return idempotent(req, ctx, scope->who.account.id, [&] { return start_run(req, ctx, &*scope); });
}

http_response list_runs(const http_request& req, service_context& ctx) {
    return paged_list(
        req, ctx,
        [&](const caller& who, int limit, const std::optional<cursor_key>& after) {
            auto access = authorize(ctx, who, access_target::project, req.param(0), project_action::read);
            if (!access) return result<page<run_record>>(access.err());
            return ctx.runs.list(access->owner_id, access->project_id, limit, after);
        },
        run_json);
}

http_response get_run(const http_request& req, service_context& ctx) {
    auto scope = authorize(req, ctx, access_target::run, req.param(0), project_action::read);
    if (!scope) return json_error(scope.err(), req.request_id);
    const caller* who = &scope->who;
    auto run = ctx.runs.get(scope->owner(), req.param(0));
    if (!run) return json_error(run.err(), req.request_id);
    return with_user(json_ok(run_json(*run), req.request_id), *who);
}

http_response cancel_run(const http_request& req, service_context& ctx) {
    auto scope = authorize(req, ctx, access_target::run, req.param(0), project_action::edit);
    if (!scope) return json_error(scope.err(), req.request_id);
    const caller* who = &scope->who;
    auto run = ctx.runtime->cancel_run(scope->owner(), req.param(0));
    if (!run) return json_error(run.err(), req.request_id);
    audit(ctx, req, who->account.id, "run.cancel", run->id);
    return with_user(json_ok(run_json(*run), req.request_id), *who);
}

http_response run_events(const http_request& req, service_context& ctx) {
    auto scope = authorize(req, ctx, access_target::run, req.param(0), project_action::read);
    if (!scope) return json_error(scope.err(), req.request_id);
    const caller* who = &scope->who;
    auto run = ctx.runs.get(scope->owner(), req.param(0));
    if (!run) return json_error(run.err(), req.request_id);
    http_response r;
    r.event_stream_run = run->id;
    r.event_streams_per_user = who->tier->max_event_streams;
    r.content_type = "text/event-stream";
    return with_user(std::move(r), *who);
}

http_response run_log(const http_request& req, service_context& ctx) {
    std::optional<std::string> document_id;
    if (auto v = req.query_param("document_id"); v && !v->empty()) {
        if (!is_uuid(*v)) return json_error(make_error(errc::bad_request, "document_id must be a document id"), req.request_id);
        document_id = std::string(*v);
    }
    return paged_list(
        req, ctx,
        [&](const caller& who, int limit, const std::optional<cursor_key>& after) -> result<page<job_log_entry>> {
            auto access = authorize(ctx, who, access_target::run, req.param(0), project_action::read);
            if (!access) return access.err();
            return persistence::job_log_repository(ctx.db).list(access->owner_id, req.param(0), document_id, limit,
                                                                 after);
        },
        [](const job_log_entry& e) {
            return nlohmann::json{{"at", to_rfc3339(e.at)},
                                  {"document_id", e.document_id},
                                  {"event", e.event},
                                  {"node_id", e.node_id.empty() ? nlohmann::json() : nlohmann::json(e.node_id)},
                                  {"attempt", e.attempt},
                                  {"detail", e.detail}};
        });
}

}  // namespace galley::http
