// GET /api/v1/users/me.
#include "http/auth_support.hpp"
#include "http/errors.hpp"
#include "domain/feature_flags.hpp"
#include "domain/user_settings.hpp"
#include "http/handlers.hpp"

namespace galley::http {

http_response get_me(const http_request& req, service_context& ctx) {
    std::string period = month_period(now_micros());
    auto found = authenticate_with_usage(req, ctx, period);
    if (!found) return json_error(found.err(), req.request_id);
    const auto& [who, usage] = *found;
    nlohmann::json me = user_json(who.account);
    nlohmann::json limit = nullptr;
    if (who.tier->chars_per_month > 0) limit = who.tier->chars_per_month;
    me["usage"] = {{"period", period},
                   {"chars_used", usage.chars_used},
                   {"chars_limit", limit},
                   {"docs_running", usage.docs_running}};
    // What the admin's feature flags turn on or off for this account (the review page reads it).
    nlohmann::json features = nlohmann::json::object();
    for (const auto& f : known_feature_flags())
        features[std::string(f.name)] = ctx.flags.enabled(f.name, who.account.id);
    me["features"] = std::move(features);
    auto r = json_ok(me, req.request_id);
    r.user_id = who.account.id;
    return r;
}

result<user_settings> load_user_settings(service_context& ctx, const std::string& user_id) {
    auto text = ctx.users.settings(user_id);
    if (!text) return text.err();
    if (text->empty()) return user_settings{};
    return parse_user_settings(*text);
}

http_response get_settings(const http_request& req, service_context& ctx) {
    auto who = authenticate(req, ctx);
    if (!who) return json_error(who.err(), req.request_id);
    auto s = load_user_settings(ctx, who->account.id);
    if (!s) return json_error(s.err(), req.request_id);
    auto r = json_ok(nlohmann::json::parse(to_json_text(*s)), req.request_id);
    r.user_id = who->account.id;
    return r;
}

http_response put_settings(const http_request& req, service_context& ctx) {
    auto who = authenticate(req, ctx);
    if (!who) return json_error(who.err(), req.request_id);
    if (req.body.empty()) return json_error(make_error(errc::bad_request, "a JSON body is required"), req.request_id);
    if (req.body.size() > 64 * 1024)
        return json_error(make_error(errc::bad_request, "the settings body is too large"), req.request_id);
    auto s = parse_user_settings(req.body);
    if (!s) return json_error(s.err(), req.request_id);
    if (auto saved = ctx.users.save_settings(who->account.id, to_json_text(*s)); !saved)
        return json_error(saved.err(), req.request_id);
    auto r = json_ok(nlohmann::json::parse(to_json_text(*s)), req.request_id);
    r.user_id = who->account.id;
    return r;
}

}  // namespace galley::http
