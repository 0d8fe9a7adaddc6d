// POST /api/v1/users/me/webhook-secret and GET /api/v1/users/me/webhook-deliveries (API.md,
// Operations: Webhooks). Sending is app/webhook_dispatcher's job.
#include "domain/webhooks.hpp"
#include "http/audit.hpp"
#include "http/handlers.hpp"
#include "http/list_support.hpp"
#include "persistence/webhook_repository.hpp"

namespace galley::http {

http_response rotate_webhook_secret(const http_request& req, service_context& ctx) {
    auto who = authenticate(req, ctx);
    if (!who) return json_error(who.err(), req.request_id);
    // Shown once: only this answer carries it (receivers keep it; a lost one is rotated).
    std::string secret = new_webhook_secret();
    if (auto s = persistence::webhook_repository(ctx.db).set_secret(who->account.id, secret, now_micros()); !s)
        return json_error(s.err(), req.request_id);
    audit(ctx, req, who->account.id, "webhook.secret_rotate", who->account.id);
    auto r = json_ok({{"secret", secret}}, req.request_id, 201);
    r.user_id = who->account.id;
    return r;
}

http_response list_webhook_deliveries(const http_request& req, service_context& ctx) {
    return paged_list(
        req, ctx,
        [&](const caller& who, int limit, const std::optional<cursor_key>& after) {
            return persistence::webhook_repository(ctx.db).deliveries(who.account.id, limit, after);
        },
        [](const persistence::webhook_delivery& d) {
            return nlohmann::json{{"event_id", d.event_id},
                                  {"type", d.type},
                                  {"attempt", d.attempt},
                                  {"status_code", d.status_code == 0 ? nlohmann::json() : nlohmann::json(d.status_code)},
                                  {"error", d.error.empty() ? nlohmann::json() : nlohmann::json(d.error)},
                                  {"at", to_rfc3339(d.at)}};
        });
}

}  // namespace galley::http
