// GET /api/v1/users/me.
#include "http/auth_support.hpp"
#include "http/errors.hpp"
#include "http/handlers.hpp"

namespace galley::http {

http_response get_me(const http_request& req, service_context& ctx) {
    auto who = authenticate(req, ctx);
    if (!who) return json_error(who.err(), req.request_id);
    micros now = now_micros();
    std::string period = month_period(now);
    auto used = ctx.users.chars_used(who->account.id, period);
    if (!used) return json_error(used.err(), req.request_id);
    nlohmann::json me = user_json(who->account);
    nlohmann::json limit = nullptr;
    if (who->tier->chars_per_month > 0) limit = who->tier->chars_per_month;
    auto running = ctx.runs.running_documents(who->account.id);
    if (!running) return json_error(running.err(), req.request_id);
    me["usage"] = {{"period", period}, {"chars_used", *used}, {"chars_limit", limit}, {"docs_running", *running}};
    auto r = json_ok(me, req.request_id);
    r.user_id = who->account.id;
    return r;
}

}  // namespace galley::http
