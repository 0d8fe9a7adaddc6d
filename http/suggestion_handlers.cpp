// /api/v1/runs/{run_id}/suggestions, /reviews, /reviews/bulk and /reviews/history.
#include "http/auth_support.hpp"
#include "http/audit.hpp"
#include "http/errors.hpp"
#include "http/handlers.hpp"
#include "http/project_access.hpp"
#include "http/json_input.hpp"
#include "http/review_support.hpp"

namespace galley::http {

namespace {
constexpr std::size_t kMaxDecisions = 5000;

error invalid(const std::string& message, const std::string& field) {
    return make_error(errc::invalid_argument, message, field);
}

result<review_state> decision_field(const nlohmann::json& obj, const std::string& field) {
    auto it = obj.find("decision");
    if (it == obj.end() || !it->is_string()) return invalid("decision is required", field);
    auto d = parse_review_state(it->get<std::string>());
    if (!d) return invalid("decision must be accepted, rejected or pending", field);
    return *d;
}

result<review_decision> decision_entry(const nlohmann::json& item, std::size_t i) {
    const std::string at = "decisions[" + std::to_string(i) + "]";
    if (!item.is_object()) return invalid("each decision must be an object", at);
    auto id = item.find("suggestion_id");
    if (id == item.end() || !id->is_string())
        return invalid("suggestion_id is required", at + ".suggestion_id");
    review_decision d;
    d.suggestion_id = id->get<std::string>().substr(0, 200);
    auto decision = decision_field(item, at + ".decision");
    if (!decision) return decision.err();
    d.decision = *decision;
    auto repl = item.find("replacement");
    if (repl != item.end() && !repl->is_null()) {
        if (!repl->is_string()) return invalid("replacement must be a string", at + ".replacement");
        if (d.decision != review_state::accepted)
            return invalid("a replacement goes only with accepted", at + ".replacement");
        if (auto ok =
                validate_replacement(repl->get_ref<const std::string&>(), at + ".replacement");
            !ok)
            return ok.err();
        d.replacement = repl->get<std::string>();
    }
    return d;
}

nlohmann::json batch_json(const persistence::review_batch& b) {
    nlohmann::json changes = nlohmann::json::array();
    for (const auto& c : b.changes)
        changes.push_back(
            {{"suggestion_id", c.suggestion_id},
             {"decision", std::string(review_state_name(c.decision))},
             {"replacement", c.replacement ? nlohmann::json(*c.replacement) : nlohmann::json()},
             {"previous_state", std::string(review_state_name(c.previous))}});
    nlohmann::json filter = nullptr;
    if (!b.filter_json.empty()) filter = nlohmann::json::parse(b.filter_json, nullptr, false);
    return {{"batch_id", b.id},
            {"user_id", b.user_id},
            {"at", to_rfc3339(b.at)},
            {"kind", b.kind},
            {"count", b.count},
            {"filter", filter.is_discarded() ? nlohmann::json() : filter},
            {"decisions", std::move(changes)},
            {"decisions_truncated", b.truncated}};
}
}  // namespace

http_response list_suggestions(const http_request& req, service_context& ctx) {
    const auto& rid = req.request_id;
    auto scope = authorize(req, ctx, access_target::run, req.param(0), project_action::read);
    if (!scope) return json_error(scope.err(), rid);
    const caller* who = &scope->who;
    auto filter = filter_from_query(req);
    if (!filter) return json_error(filter.err(), rid);
    auto limit = list_limit(req);
    if (!limit) return json_error(limit.err(), rid);
    auto after = suggestion_cursor(req);
    if (!after) return json_error(after.err(), rid);
    auto pg = ctx.reviews.list(scope->owner(), req.param(0), *filter, *limit, *after);
    if (!pg) return json_error(pg.err(), rid);
    nlohmann::json items = nlohmann::json::array();
    for (const auto& r : pg->items) items.push_back(suggestion_json(r));
    nlohmann::json next =
        pg->next_cursor.empty() ? nlohmann::json() : nlohmann::json(pg->next_cursor);
    return with_user(json_ok({{"items", std::move(items)}, {"next_cursor", std::move(next)}}, rid),
                     *who);
}

http_response post_reviews(const http_request& req, service_context& ctx) {
    const auto& rid = req.request_id;
    auto scope = authorize(req, ctx, access_target::run, req.param(0), project_action::review);
    if (!scope) return json_error(scope.err(), rid);
    const caller* who = &scope->who;
    auto body = parse_json_object(req);
    if (!body) return json_error(body.err(), rid);
    auto list = body->find("decisions");
    if (list == body->end() || !list->is_array())
        return json_error(invalid("decisions must be a list", "decisions"), rid);
    if (list->size() > kMaxDecisions)
        return json_error(invalid("at most 5000 decisions per request", "decisions"), rid);
    std::vector<review_decision> decisions;
    for (std::size_t i = 0; i < list->size(); ++i) {
        auto d = decision_entry((*list)[i], i);
        if (!d) return json_error(d.err(), rid);
        decisions.push_back(std::move(*d));
    }
    auto updated = ctx.reviews.decide(scope->owner(), req.param(0), decisions, who->account.id);
    if (!updated) return json_error(updated.err(), rid);
    if (*updated > 0) audit(ctx, req, who->account.id, "review.decide", req.param(0), {{"kind", "single"}, {"updated", *updated}});
    return with_user(json_ok({{"updated", *updated}}, rid), *who);
}

http_response post_reviews_bulk(const http_request& req, service_context& ctx) {
    const auto& rid = req.request_id;
    auto scope = authorize(req, ctx, access_target::run, req.param(0), project_action::review);
    if (!scope) return json_error(scope.err(), rid);
    const caller* who = &scope->who;
    auto body = parse_json_object(req);
    if (!body) return json_error(body.err(), rid);
    auto filter = filter_from_json(*body);
    if (!filter) return json_error(filter.err(), rid);
    auto decision = decision_field(*body, "decision");
    if (!decision) return json_error(decision.err(), rid);
    auto updated = ctx.reviews.decide_bulk(scope->owner(), req.param(0), *filter, *decision,
                                           filter_json(*filter).dump(), who->account.id);
    if (!updated) return json_error(updated.err(), rid);
    if (*updated > 0)
        audit(ctx, req, who->account.id, "review.decide", req.param(0),
              {{"kind", "bulk"}, {"updated", *updated}, {"decision", std::string(review_state_name(*decision))}});
    return with_user(json_ok({{"updated", *updated}}, rid), *who);
}

http_response review_history(const http_request& req, service_context& ctx) {
    const auto& rid = req.request_id;
    auto scope = authorize(req, ctx, access_target::run, req.param(0), project_action::read);
    if (!scope) return json_error(scope.err(), rid);
    const caller* who = &scope->who;
    auto limit = list_limit(req);
    if (!limit) return json_error(limit.err(), rid);
    auto after = list_cursor(req);
    if (!after) return json_error(after.err(), rid);
    auto pg = ctx.reviews.history(scope->owner(), req.param(0), *limit, *after);
    if (!pg) return json_error(pg.err(), rid);
    nlohmann::json items = nlohmann::json::array();
    for (const auto& b : pg->items) items.push_back(batch_json(b));
    nlohmann::json next =
        pg->next_cursor.empty() ? nlohmann::json() : nlohmann::json(pg->next_cursor);
    return with_user(json_ok({{"items", std::move(items)}, {"next_cursor", std::move(next)}}, rid),
                     *who);
}

}  // namespace galley::http
