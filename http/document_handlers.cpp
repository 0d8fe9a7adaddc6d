// /api/v1/projects/{project_id}/documents and /api/v1/documents/{document_id}[/content].
#include "domain/formats/document_inspector.hpp"
#include "domain/ids.hpp"
#include "domain/text_stats.hpp"
#include "domain/validation.hpp"
#include "http/auth_support.hpp"
#include "http/document_upload.hpp"
#include "http/audit.hpp"
#include "http/errors.hpp"
#include "http/handlers.hpp"
#include "http/json_input.hpp"
#include "http/list_support.hpp"
#include "http/idempotency.hpp"
#include "http/project_access.hpp"
#include "http/resource_json.hpp"

namespace galley::http {

http_response upload_document(const http_request& req, service_context& ctx) {
    const auto& rid = req.request_id;
    auto scope = authorize(req, ctx, access_target::project, req.param(0), project_action::edit);
    if (!scope) return json_error(scope.err(), rid);
    // The owner's plan: the document is stored, counted and corrected on the owner's account.
    // Its limit is checked from the declared length first, before touching the body.
    if (auto s = check_upload_size(req, *scope->owner_tier); !s) return json_error(s.err(), rid);
    return idempotent(req, ctx, scope->who.account.id, [&]() -> http_response {
        auto upload = extract_upload(req);
        if (!upload) return json_error(upload.err(), rid);
        auto stored = store_document(ctx, scope->owner(), scope->access.project_id, *upload, *scope->owner_tier);
        if (!stored) return json_error(stored.err(), rid);
        audit(ctx, req, scope->who.account.id, "document.upload", stored->id,
              {{"project_id", stored->project_id}, {"filename", stored->filename}, {"size", stored->size},
               {"sha256", stored->sha256}});
        return with_user(json_ok(document_json(*stored), rid, 201), scope->who);
    });
}

http_response list_documents(const http_request& req, service_context& ctx) {
    return paged_list(
        req, ctx,
        [&](const caller& who, int limit, const std::optional<cursor_key>& after) -> result<page<document>> {
            auto access = authorize(ctx, who, access_target::project, req.param(0), project_action::read);
            if (!access) return access.err();
            return ctx.documents.list(access->owner_id, access->project_id, limit, after);
        },
        document_json);
}

http_response get_document(const http_request& req, service_context& ctx) {
    auto scope = authorize(req, ctx, access_target::document, req.param(0), project_action::read);
    if (!scope) return json_error(scope.err(), req.request_id);
    const caller* who = &scope->who;
    auto d = ctx.documents.get(scope->owner(), req.param(0));
    if (!d) return json_error(d.err(), req.request_id);
    return with_user(json_ok(document_json(*d), req.request_id), *who);
}

http_response delete_document(const http_request& req, service_context& ctx) {
    auto scope = authorize(req, ctx, access_target::document, req.param(0), project_action::edit);
    if (!scope) return json_error(scope.err(), req.request_id);
    const caller* who = &scope->who;
    // The stored file stays: an export may share it; app/blob_collector removes it once unused.
    auto d = ctx.documents.remove(scope->owner(), req.param(0));
    if (!d) return json_error(d.err(), req.request_id);
    audit(ctx, req, who->account.id, "document.delete", d->id, {{"project_id", d->project_id}, {"filename", d->filename}});
    return with_user(json_ok(nullptr, req.request_id), *who);
}

http_response download_document(const http_request& req, service_context& ctx) {
    auto scope = authorize(req, ctx, access_target::document, req.param(0), project_action::read);
    if (!scope) return json_error(scope.err(), req.request_id);
    const caller* who = &scope->who;
    auto d = ctx.documents.get(scope->owner(), req.param(0));
    if (!d) return json_error(d.err(), req.request_id);
    auto bytes = ctx.blobs.get(d->user_id, d->project_id, d->sha256);
    if (!bytes) {
        if (bytes.err().code == errc::not_found)
            return json_error(make_error(errc::internal, "stored file missing"), req.request_id);
        return json_error(bytes.err(), req.request_id);
    }
    http_response r;
    r.content_type = d->format == "docx"
                         ? "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                         : "text/plain; charset=utf-8";
    r.body = std::move(*bytes);
    r.headers.emplace_back("Content-Disposition", content_disposition(d->filename));
    return with_user(std::move(r), *who);
}

}  // namespace galley::http
