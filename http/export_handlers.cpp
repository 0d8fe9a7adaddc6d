// /api/v1/runs/{run_id}/exports[/{export_id}/download], changelog.csv and summary.md.
#include "http/auth_support.hpp"
#include "http/document_upload.hpp"
#include "http/errors.hpp"
#include "http/handlers.hpp"
#include "http/project_access.hpp"
#include "http/resource_json.hpp"

namespace galley::http {

namespace {
std::string content_type_of(const std::string& kind) {
    if (kind.ends_with("_docx")) return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    if (kind == "corrections_jsonl") return "application/x-ndjson; charset=utf-8";
    if (kind == "changelog_csv") return "text/csv; charset=utf-8";
    if (kind == "summary_md") return "text/markdown; charset=utf-8";
    return "text/plain; charset=utf-8";
}

http_response send_export(const http_request& req, service_context& ctx, const project_scope& scope,
                          const export_record& e) {
    auto bytes = ctx.blobs.get(scope.owner(), scope.access.project_id, e.sha256);
    if (!bytes) {
        if (bytes.err().code == errc::not_found)
            return json_error(make_error(errc::internal, "stored export missing"), req.request_id);
        return json_error(bytes.err(), req.request_id);
    }
    http_response r;
    r.content_type = content_type_of(e.kind);
    r.body = std::move(*bytes);
    r.headers.emplace_back("Content-Disposition", content_disposition(e.filename));
    r.user_id = scope.who.account.id;
    return r;
}

http_response run_artefact(const http_request& req, service_context& ctx, const std::string& kind) {
    auto scope = authorize(req, ctx, access_target::run, req.param(0), project_action::read);
    if (!scope) return json_error(scope.err(), req.request_id);
    auto run = ctx.runs.get(scope->owner(), req.param(0));
    if (!run) return json_error(run.err(), req.request_id);
    auto e = ctx.runs.run_export(scope->owner(), run->id, kind);
    if (!e) return json_error(e.err(), req.request_id);
    return send_export(req, ctx, *scope, *e);
}
}  // namespace

http_response list_exports(const http_request& req, service_context& ctx) {
    auto scope = authorize(req, ctx, access_target::run, req.param(0), project_action::read);
    if (!scope) return json_error(scope.err(), req.request_id);
    auto all = ctx.runs.exports(scope->owner(), req.param(0));
    if (!all) return json_error(all.err(), req.request_id);
    nlohmann::json items = nlohmann::json::array();
    for (const auto& e : *all) items.push_back(export_json(e));
    auto r = json_ok({{"items", items}, {"next_cursor", nullptr}}, req.request_id);
    r.user_id = scope->who.account.id;
    return r;
}

http_response download_export(const http_request& req, service_context& ctx) {
    auto scope = authorize(req, ctx, access_target::run, req.param(0), project_action::read);
    if (!scope) return json_error(scope.err(), req.request_id);
    auto run = ctx.runs.get(scope->owner(), req.param(0));
    if (!run) return json_error(run.err(), req.request_id);
    auto e = ctx.runs.find_export(scope->owner(), run->id, req.param(1));
    if (!e) return json_error(e.err(), req.request_id);
    return send_export(req, ctx, *scope, *e);
}

http_response run_changelog(const http_request& req, service_context& ctx) {
    return run_artefact(req, ctx, "changelog_csv");
}

http_response run_summary(const http_request& req, service_context& ctx) {
    return run_artefact(req, ctx, "summary_md");
}

}  // namespace galley::http
