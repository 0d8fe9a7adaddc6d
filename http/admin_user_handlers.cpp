// /api/v1/admin/users[/{user_id}[/revoke-sessions]], /admin/usage and /admin/audit (admin role): what an
// operator does to accounts. Every change is written to the audit log.
#include "domain/ids.hpp"
#include "http/audit.hpp"
#include "http/auth_support.hpp"
#include "http/errors.hpp"
#include "http/handlers.hpp"
#include "http/json_input.hpp"

namespace galley::http {

namespace {
nlohmann::json admin_user_json(const user& u) {
    auto j = user_json(u);
    j["disabled"] = u.disabled;
    return j;
}

nlohmann::json listing_json(const persistence::account_listing& l, const std::string& period,
                            const plan_table& plans) {
    auto j = admin_user_json(l.account);
    const plan& tier = plans.find_or_free(l.account.plan);
    j["usage"] = {{"period", period},
                  {"chars_used", l.chars_used},
                  {"chars_limit", tier.chars_per_month > 0 ? nlohmann::json(tier.chars_per_month) : nlohmann::json()},
                  {"documents", l.documents},
                  {"stored_bytes", l.stored_bytes}};
    return j;
}

result<std::string> optional_query(const http_request& req, const char* name, std::size_t max_bytes) {
    auto v = req.query_param(name);
    if (!v) return std::string();
    if (v->size() > max_bytes) return make_error(errc::bad_request, std::string(name) + " is too long");
    return std::string(*v);
}

// The body of PATCH /admin/users/{id}, validated field by field.
result<persistence::account_change> account_change_of(const nlohmann::json& body, const plan_table& plans) {
    persistence::account_change c;
    auto plan_name = optional_string(body, "plan", 64);
    if (!plan_name) return plan_name.err();
    if (*plan_name) {
        if (!plans.find(**plan_name) || **plan_name == "guest")
            return make_error(errc::invalid_argument, "plan must be one of the configured plans (not guest)", "plan");
        c.plan = **plan_name;
    }
    auto role = optional_string(body, "role", 16);
    if (!role) return role.err();
    if (*role) {
        if (**role != "user" && **role != "admin")
            return make_error(errc::invalid_argument, "role must be user or admin", "role");
        c.role = **role;
    }
    if (auto it = body.find("disabled"); it != body.end() && !it->is_null()) {
        if (!it->is_boolean()) return make_error(errc::invalid_argument, "disabled must be true or false", "disabled");
        c.disabled = it->get<bool>();
    }
    return c;
}
}  // namespace

http_response admin_list_users(const http_request& req, service_context& ctx) {
    const auto& rid = req.request_id;
    auto who = authenticate_admin(req, ctx);
    if (!who) return json_error(who.err(), rid);
    auto q = optional_query(req, "q", 200);
    if (!q) return json_error(q.err(), rid);
    auto plan = optional_query(req, "plan", 64);
    if (!plan) return json_error(plan.err(), rid);
    if (!plan->empty() && !ctx.plans.find(*plan))
        return json_error(make_error(errc::bad_request, "plan names no configured plan"), rid);
    auto limit = list_limit(req);
    if (!limit) return json_error(limit.err(), rid);
    auto after = list_cursor(req);
    if (!after) return json_error(after.err(), rid);
    const std::string period = month_period(now_micros());
    auto pg = ctx.accounts.search(*q, *plan, period, *limit, *after);
    if (!pg) return json_error(pg.err(), rid);
    nlohmann::json items = nlohmann::json::array();
    for (const auto& l : pg->items) items.push_back(listing_json(l, period, ctx.plans));
    nlohmann::json next = pg->next_cursor.empty() ? nlohmann::json() : nlohmann::json(pg->next_cursor);
    return with_user(json_ok({{"items", std::move(items)}, {"next_cursor", std::move(next)}}, rid), *who);
}

http_response admin_patch_user(const http_request& req, service_context& ctx) {
    const auto& rid = req.request_id;
    auto who = authenticate_admin(req, ctx);
    if (!who) return json_error(who.err(), rid);
    auto body = parse_json_object(req);
    if (!body) return json_error(body.err(), rid);
    auto change = account_change_of(*body, ctx.plans);
    if (!change) return json_error(change.err(), rid);
    const std::string target = req.param(0);
    // An admin cannot lock themselves out: the last admin would leave no one to undo it.
    if (target == who->account.id && ((change->role && *change->role != "admin") || change->disabled.value_or(false)))
        return json_error(make_error(errc::conflict, "an admin cannot demote or disable their own account"), rid);
    auto updated = ctx.accounts.update(target, *change);
    if (!updated) return json_error(updated.err(), rid);
    // A disabled account's tokens are refused already; revoking also keeps them dead if it is
    // enabled again before they expire.
    if (change->disabled.value_or(false)) {
        auto revoked = ctx.accounts.revoke_sessions(target);
        if (!revoked) return json_error(revoked.err(), rid);
        updated = std::move(revoked);
    }
    nlohmann::json details = nlohmann::json::object();
    if (change->plan) details["plan"] = *change->plan;
    if (change->role) details["role"] = *change->role;
    if (change->disabled) details["disabled"] = *change->disabled;
    audit(ctx, req, who->account.id, "admin.user_update", target, details);
    return with_user(json_ok(admin_user_json(*updated), rid), *who);
}

http_response admin_revoke_sessions(const http_request& req, service_context& ctx) {
    const auto& rid = req.request_id;
    auto who = authenticate_admin(req, ctx);
    if (!who) return json_error(who.err(), rid);
    auto updated = ctx.accounts.revoke_sessions(req.param(0));
    if (!updated) return json_error(updated.err(), rid);
    audit(ctx, req, who->account.id, "admin.revoke_sessions", req.param(0));
    return with_user(json_ok(admin_user_json(*updated), rid), *who);
}

http_response admin_usage(const http_request& req, service_context& ctx) {
    const auto& rid = req.request_id;
    auto who = authenticate_admin(req, ctx);
    if (!who) return json_error(who.err(), rid);
    auto period = optional_query(req, "period", 16);
    if (!period) return json_error(period.err(), rid);
    if (period->empty()) *period = month_period(now_micros());
    auto bounds = month_bounds(*period);
    if (!bounds) return json_error(make_error(errc::bad_request, "period must be YYYY-MM"), rid);
    auto rows = ctx.accounts.usage_by_plan(*period, bounds->first, bounds->second);
    if (!rows) return json_error(rows.err(), rid);
    nlohmann::json plans = nlohmann::json::array();
    persistence::plan_usage total{"total"};
    for (const auto& r : *rows) {
        plans.push_back({{"plan", r.plan}, {"users", r.users}, {"chars", r.chars}, {"documents", r.documents},
                         {"runs", r.runs}});
        total.users += r.users;
        total.chars += r.chars;
        total.documents += r.documents;
        total.runs += r.runs;
    }
    return with_user(json_ok({{"period", *period},
                              {"plans", std::move(plans)},
                              {"total",
                               {{"users", total.users},
                                {"chars", total.chars},
                                {"documents", total.documents},
                                {"runs", total.runs}}}},
                             rid),
                     *who);
}

http_response admin_list_audit(const http_request& req, service_context& ctx) {
    const auto& rid = req.request_id;
    auto who = authenticate_admin(req, ctx);
    if (!who) return json_error(who.err(), rid);
    persistence::audit_filter filter;
    if (auto v = req.query_param("user_id"); v && !v->empty()) {
        if (!is_uuid(*v)) return json_error(make_error(errc::bad_request, "user_id must be a user id"), rid);
        filter.actor_id = std::string(*v);
    }
    if (auto v = req.query_param("action"); v && !v->empty()) {
        if (v->size() > 64) return json_error(make_error(errc::bad_request, "action is too long"), rid);
        filter.action = std::string(*v);
    }
    for (const char* name : {"since", "until"}) {
        auto v = req.query_param(name);
        if (!v || v->empty()) continue;
        auto t = parse_rfc3339(*v);
        if (!t) return json_error(make_error(errc::bad_request, std::string(name) + " must be an RFC 3339 time"), rid);
        (std::string_view(name) == "since" ? filter.since : filter.until) = *t;
    }
    auto limit = list_limit(req);
    if (!limit) return json_error(limit.err(), rid);
    auto after = list_cursor(req);
    if (!after) return json_error(after.err(), rid);
    auto pg = ctx.audit_log.list(filter, *limit, *after);
    if (!pg) return json_error(pg.err(), rid);
    nlohmann::json items = nlohmann::json::array();
    for (const auto& e : pg->items) {
        auto details = nlohmann::json::parse(e.details, nullptr, false);
        items.push_back({{"id", e.id},
                         {"at", to_rfc3339(e.at)},
                         {"actor_id", e.actor_id.empty() ? nlohmann::json() : nlohmann::json(e.actor_id)},
                         {"action", e.action},
                         {"target", e.target},
                         {"request_id", e.request_id},
                         {"client_address", e.client_address},
                         {"details", details.is_discarded() ? nlohmann::json::object() : details}});
    }
    nlohmann::json next = pg->next_cursor.empty() ? nlohmann::json() : nlohmann::json(pg->next_cursor);
    return with_user(json_ok({{"items", std::move(items)}, {"next_cursor", std::move(next)}}, rid), *who);
}

}  // namespace galley::http
