#pragma once
// Every API handler: parse and validate, call one repository or actor, map the answer.
// Each runs on a handler-pool thread (never a RESTinio I/O thread), may block on the database,
// and never throws (the server wraps them anyway and answers 500 `internal`).
#include "domain/user_settings.hpp"
#include "http/http_types.hpp"
#include "http/service_context.hpp"

namespace galley::http {

using handler_fn = http_response (*)(const http_request&, service_context&);

// auth_handlers.cpp
http_response register_user(const http_request&, service_context&);
http_response login(const http_request&, service_context&);
http_response refresh_session(const http_request&, service_context&);
http_response logout(const http_request&, service_context&);
http_response create_guest(const http_request&, service_context&);
http_response claim_guest(const http_request&, service_context&);
// user_handlers.cpp
http_response get_me(const http_request&, service_context&);
http_response get_settings(const http_request&, service_context&);
http_response put_settings(const http_request&, service_context&);
/// The caller's saved settings, or the defaults.
result<user_settings> load_user_settings(service_context& ctx, const std::string& user_id);
// webhook_handlers.cpp
http_response rotate_webhook_secret(const http_request&, service_context&);
http_response list_webhook_deliveries(const http_request&, service_context&);
// project_handlers.cpp
http_response list_projects(const http_request&, service_context&);
http_response create_project(const http_request&, service_context&);
http_response list_members(const http_request&, service_context&);
http_response add_member(const http_request&, service_context&);
http_response put_member(const http_request&, service_context&);
http_response delete_member(const http_request&, service_context&);
http_response get_project(const http_request&, service_context&);
http_response patch_project(const http_request&, service_context&);
http_response delete_project(const http_request&, service_context&);
// document_handlers.cpp
http_response upload_document(const http_request&, service_context&);
http_response list_documents(const http_request&, service_context&);
http_response get_document(const http_request&, service_context&);
http_response delete_document(const http_request&, service_context&);
http_response download_document(const http_request&, service_context&);
// run_handlers.cpp
http_response create_run(const http_request&, service_context&);
http_response list_runs(const http_request&, service_context&);
http_response run_log(const http_request&, service_context&);
http_response get_run(const http_request&, service_context&);
http_response cancel_run(const http_request&, service_context&);
http_response run_events(const http_request&, service_context&);
// export_handlers.cpp
http_response list_exports(const http_request&, service_context&);
http_response download_export(const http_request&, service_context&);
http_response run_changelog(const http_request&, service_context&);
http_response run_summary(const http_request&, service_context&);
// rule_handlers.cpp
http_response list_rules(const http_request&, service_context&);
// suggestion_handlers.cpp
http_response list_suggestions(const http_request&, service_context&);
http_response post_reviews(const http_request&, service_context&);
http_response post_reviews_bulk(const http_request&, service_context&);
http_response review_history(const http_request&, service_context&);
// review_output_handlers.cpp
http_response run_preview(const http_request&, service_context&);
http_response finalize_run(const http_request&, service_context&);
http_response export_reviews(const http_request&, service_context&);
// dictionary_handlers.cpp
http_response get_dictionary(const http_request&, service_context&);
http_response put_dictionary(const http_request&, service_context&);
http_response add_dictionary_word(const http_request&, service_context&);
// web_handlers.cpp: the review page (embedded http/web/)
http_response serve_web_index(const http_request&, service_context&);
http_response serve_web_app_js(const http_request&, service_context&);
http_response serve_web_app_css(const http_request&, service_context&);
// admin_handlers.cpp
http_response admin_list_users(const http_request&, service_context&);
http_response admin_patch_user(const http_request&, service_context&);
http_response admin_revoke_sessions(const http_request&, service_context&);
http_response admin_usage(const http_request&, service_context&);
http_response admin_list_audit(const http_request&, service_context&);
http_response get_feature_flags(const http_request&, service_context&);
http_response put_feature_flags(const http_request&, service_context&);
http_response list_nodes(const http_request&, service_context&);
// ops_handlers.cpp
http_response readyz(const http_request&, service_context&);
http_response metrics(const http_request&, service_context&);
http_response openapi(const http_request&, service_context&);

}  // namespace galley::http
