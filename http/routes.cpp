// The route table, and nothing else: which method and path go to which handler.
#include "http/server_internal.hpp"

namespace galley::http {

namespace epr = restinio::router::easy_parser_router;

namespace {
// A RESTinio handler that forwards path parameters to a pooled galley handler.
auto pooled(dispatcher& d, const char* route, handler_fn fn) {
    return [&d, route, fn](const restinio::request_handle_t& req, auto&&... params) {
        return d.pooled(req, route, {std::string(params)...}, fn);
    };
}

auto inline_io(dispatcher& d, const char* route, handler_fn fn) {
    return [&d, route, fn](const restinio::request_handle_t& req) { return d.inline_io(req, route, fn); };
}

http_response healthz(const http_request& req, service_context&) {
    http_response r;
    r.body = R"({"status":"ok"})";
    return r;
}
}  // namespace

std::unique_ptr<router_t> build_router(dispatcher& d) {
    auto r = std::make_unique<router_t>();
    const auto get = restinio::http_method_get();
    const auto post = restinio::http_method_post();
    const auto patch = restinio::http_method_patch();
    const auto del = restinio::http_method_delete();
    auto id = [] { return epr::path_fragment_p(); };

    r->add_handler(get, epr::path_to_params("/healthz"), inline_io(d, "/healthz", healthz));
    r->add_handler(get, epr::path_to_params("/readyz"), pooled(d, "/readyz", readyz));
    r->add_handler(get, epr::path_to_params("/metrics"), pooled(d, "/metrics", metrics));
    r->add_handler(get, epr::path_to_params("/api/v1/openapi.json"),
                   inline_io(d, "/api/v1/openapi.json", openapi));
    r->add_handler(get, epr::path_to_params("/"), inline_io(d, "/", serve_web_index));
    r->add_handler(get, epr::path_to_params("/app.js"), inline_io(d, "/app.js", serve_web_app_js));
    r->add_handler(get, epr::path_to_params("/app.css"), inline_io(d, "/app.css", serve_web_app_css));

    r->add_handler(post, epr::path_to_params("/api/v1/auth/register"),
                   pooled(d, "/api/v1/auth/register", register_user));
    r->add_handler(post, epr::path_to_params("/api/v1/auth/login"), pooled(d, "/api/v1/auth/login", login));
    r->add_handler(post, epr::path_to_params("/api/v1/auth/refresh"),
                   pooled(d, "/api/v1/auth/refresh", refresh_session));
    r->add_handler(post, epr::path_to_params("/api/v1/auth/logout"), pooled(d, "/api/v1/auth/logout", logout));
    r->add_handler(post, epr::path_to_params("/api/v1/auth/guest"), pooled(d, "/api/v1/auth/guest", create_guest));
    r->add_handler(post, epr::path_to_params("/api/v1/auth/claim"), pooled(d, "/api/v1/auth/claim", claim_guest));
    r->add_handler(get, epr::path_to_params("/api/v1/users/me"), pooled(d, "/api/v1/users/me", get_me));
    const auto put = restinio::http_method_put();
    r->add_handler(get, epr::path_to_params("/api/v1/users/me/settings"),
                   pooled(d, "/api/v1/users/me/settings", get_settings));
    r->add_handler(put, epr::path_to_params("/api/v1/users/me/settings"),
                   pooled(d, "/api/v1/users/me/settings", put_settings));
    r->add_handler(post, epr::path_to_params("/api/v1/users/me/webhook-secret"),
                   pooled(d, "/api/v1/users/me/webhook-secret", rotate_webhook_secret));
    r->add_handler(get, epr::path_to_params("/api/v1/users/me/webhook-deliveries"),
                   pooled(d, "/api/v1/users/me/webhook-deliveries", list_webhook_deliveries));
    r->add_handler(get, epr::path_to_params("/api/v1/rules"), pooled(d, "/api/v1/rules", list_rules));

    r->add_handler(get, epr::path_to_params("/api/v1/projects"), pooled(d, "/api/v1/projects", list_projects));
    r->add_handler(post, epr::path_to_params("/api/v1/projects"), pooled(d, "/api/v1/projects", create_project));
    r->add_handler(get, epr::path_to_params("/api/v1/projects/", id()),
                   pooled(d, "/api/v1/projects/{project_id}", get_project));
    r->add_handler(patch, epr::path_to_params("/api/v1/projects/", id()),
                   pooled(d, "/api/v1/projects/{project_id}", patch_project));
    r->add_handler(del, epr::path_to_params("/api/v1/projects/", id()),
                   pooled(d, "/api/v1/projects/{project_id}", delete_project));
    r->add_handler(get, epr::path_to_params("/api/v1/projects/", id(), "/members"),
                   pooled(d, "/api/v1/projects/{project_id}/members", list_members));
    r->add_handler(post, epr::path_to_params("/api/v1/projects/", id(), "/members"),
                   pooled(d, "/api/v1/projects/{project_id}/members", add_member));
    r->add_handler(put, epr::path_to_params("/api/v1/projects/", id(), "/members/", id()),
                   pooled(d, "/api/v1/projects/{project_id}/members/{user_id}", put_member));
    r->add_handler(del, epr::path_to_params("/api/v1/projects/", id(), "/members/", id()),
                   pooled(d, "/api/v1/projects/{project_id}/members/{user_id}", delete_member));
    r->add_handler(get, epr::path_to_params("/api/v1/projects/", id(), "/documents"),
                   pooled(d, "/api/v1/projects/{project_id}/documents", list_documents));
    r->add_handler(post, epr::path_to_params("/api/v1/projects/", id(), "/documents"),
                   pooled(d, "/api/v1/projects/{project_id}/documents", upload_document));

    r->add_handler(get, epr::path_to_params("/api/v1/documents/", id()),
                   pooled(d, "/api/v1/documents/{document_id}", get_document));
    r->add_handler(del, epr::path_to_params("/api/v1/documents/", id()),
                   pooled(d, "/api/v1/documents/{document_id}", delete_document));
    r->add_handler(get, epr::path_to_params("/api/v1/documents/", id(), "/content"),
                   pooled(d, "/api/v1/documents/{document_id}/content", download_document));

    r->add_handler(post, epr::path_to_params("/api/v1/projects/", id(), "/runs"),
                   pooled(d, "/api/v1/projects/{project_id}/runs", create_run));
    r->add_handler(get, epr::path_to_params("/api/v1/projects/", id(), "/runs"),
                   pooled(d, "/api/v1/projects/{project_id}/runs", list_runs));
    r->add_handler(get, epr::path_to_params("/api/v1/runs/", id()), pooled(d, "/api/v1/runs/{run_id}", get_run));
    r->add_handler(post, epr::path_to_params("/api/v1/runs/", id(), "/cancel"),
                   pooled(d, "/api/v1/runs/{run_id}/cancel", cancel_run));
    r->add_handler(get, epr::path_to_params("/api/v1/runs/", id(), "/log"),
                   pooled(d, "/api/v1/runs/{run_id}/log", run_log));
    r->add_handler(get, epr::path_to_params("/api/v1/runs/", id(), "/events"),
                   pooled(d, "/api/v1/runs/{run_id}/events", run_events));
    r->add_handler(get, epr::path_to_params("/api/v1/runs/", id(), "/exports"),
                   pooled(d, "/api/v1/runs/{run_id}/exports", list_exports));
    r->add_handler(get, epr::path_to_params("/api/v1/runs/", id(), "/exports/", id(), "/download"),
                   pooled(d, "/api/v1/runs/{run_id}/exports/{export_id}/download", download_export));
    r->add_handler(get, epr::path_to_params("/api/v1/runs/", id(), "/changelog.csv"),
                   pooled(d, "/api/v1/runs/{run_id}/changelog.csv", run_changelog));
    r->add_handler(get, epr::path_to_params("/api/v1/runs/", id(), "/summary.md"),
                   pooled(d, "/api/v1/runs/{run_id}/summary.md", run_summary));

    r->add_handler(get, epr::path_to_params("/api/v1/runs/", id(), "/suggestions"),
                   pooled(d, "/api/v1/runs/{run_id}/suggestions", list_suggestions));
    r->add_handler(post, epr::path_to_params("/api/v1/runs/", id(), "/reviews"),
                   pooled(d, "/api/v1/runs/{run_id}/reviews", post_reviews));
    r->add_handler(post, epr::path_to_params("/api/v1/runs/", id(), "/reviews/bulk"),
                   pooled(d, "/api/v1/runs/{run_id}/reviews/bulk", post_reviews_bulk));
    r->add_handler(get, epr::path_to_params("/api/v1/runs/", id(), "/reviews/history"),
                   pooled(d, "/api/v1/runs/{run_id}/reviews/history", review_history));
    r->add_handler(get, epr::path_to_params("/api/v1/runs/", id(), "/reviews/export"),
                   pooled(d, "/api/v1/runs/{run_id}/reviews/export", export_reviews));
    r->add_handler(get, epr::path_to_params("/api/v1/runs/", id(), "/preview"),
                   pooled(d, "/api/v1/runs/{run_id}/preview", run_preview));
    r->add_handler(post, epr::path_to_params("/api/v1/runs/", id(), "/finalize"),
                   pooled(d, "/api/v1/runs/{run_id}/finalize", finalize_run));
    r->add_handler(get, epr::path_to_params("/api/v1/projects/", id(), "/dictionary"),
                   pooled(d, "/api/v1/projects/{project_id}/dictionary", get_dictionary));
    r->add_handler(put, epr::path_to_params("/api/v1/projects/", id(), "/dictionary"),
                   pooled(d, "/api/v1/projects/{project_id}/dictionary", put_dictionary));
    r->add_handler(post, epr::path_to_params("/api/v1/projects/", id(), "/dictionary/words"),
                   pooled(d, "/api/v1/projects/{project_id}/dictionary/words", add_dictionary_word));

    r->add_handler(get, epr::path_to_params("/api/v1/admin/nodes"), pooled(d, "/api/v1/admin/nodes", list_nodes));
    r->add_handler(get, epr::path_to_params("/api/v1/admin/users"), pooled(d, "/api/v1/admin/users", admin_list_users));
    r->add_handler(patch, epr::path_to_params("/api/v1/admin/users/", id()),
                   pooled(d, "/api/v1/admin/users/{user_id}", admin_patch_user));
    r->add_handler(post, epr::path_to_params("/api/v1/admin/users/", id(), "/revoke-sessions"),
                   pooled(d, "/api/v1/admin/users/{user_id}/revoke-sessions", admin_revoke_sessions));
    r->add_handler(get, epr::path_to_params("/api/v1/admin/usage"), pooled(d, "/api/v1/admin/usage", admin_usage));
    r->add_handler(get, epr::path_to_params("/api/v1/admin/audit"), pooled(d, "/api/v1/admin/audit", admin_list_audit));
    r->add_handler(get, epr::path_to_params("/api/v1/admin/feature-flags"),
                   pooled(d, "/api/v1/admin/feature-flags", get_feature_flags));
    r->add_handler(put, epr::path_to_params("/api/v1/admin/feature-flags"),
                   pooled(d, "/api/v1/admin/feature-flags", put_feature_flags));

    r->non_matched_request_handler([&d](const restinio::request_handle_t& req) { return d.not_found(req); });
    return r;
}

}  // namespace galley::http
