// GET|PUT /api/v1/admin/feature-flags (admin role): the flags galley knows and their settings,
// global and per user (domain/feature_flags.hpp). Every change is audited.
#include "domain/feature_flags.hpp"
#include "domain/ids.hpp"
#include "http/audit.hpp"
#include "http/auth_support.hpp"
#include "http/errors.hpp"
#include "http/handlers.hpp"
#include "http/json_input.hpp"

namespace galley::http {

namespace {
constexpr std::size_t kMaxChangesPerRequest = 1000;

result<nlohmann::json> flags_json(service_context& ctx) {
    auto settings = persistence::feature_flag_repository(ctx.db).all();
    if (!settings) return settings.err();
    nlohmann::json flags = nlohmann::json::array(), known = nlohmann::json::array();
    for (const auto& s : *settings)
        flags.push_back({{"name", s.name},
                         {"enabled", s.enabled},
                         {"user_id", s.user_id.empty() ? nlohmann::json() : nlohmann::json(s.user_id)},
                         {"updated_at", to_rfc3339(s.updated_at)},
                         {"updated_by", s.updated_by}});
    for (const auto& f : known_feature_flags())
        known.push_back({{"name", std::string(f.name)},
                         {"description", std::string(f.description)},
                         {"default", f.default_enabled}});
    return nlohmann::json{{"flags", std::move(flags)}, {"known", std::move(known)}};
}

result<std::vector<persistence::flag_change>> changes_of(const nlohmann::json& body) {
    auto list = body.find("flags");
    if (list == body.end() || !list->is_array() || list->empty())
        return make_error(errc::invalid_argument, "flags must be a non-empty list", "flags");
    if (list->size() > kMaxChangesPerRequest)
        return make_error(errc::invalid_argument, "at most 1000 flags per request", "flags");
    std::vector<persistence::flag_change> out;
    for (std::size_t i = 0; i < list->size(); ++i) {
        const auto& item = (*list)[i];
        const std::string at = "flags[" + std::to_string(i) + "]";
        if (!item.is_object()) return make_error(errc::invalid_argument, "each flag is an object", at);
        persistence::flag_change c;
        auto name = item.find("name");
        if (name == item.end() || !name->is_string() || !find_feature_flag(name->get<std::string>()))
            return make_error(errc::invalid_argument, "name must be one of the known flags", at + ".name");
        c.name = name->get<std::string>();
        auto enabled = item.find("enabled");
        if (enabled == item.end() || !(enabled->is_boolean() || enabled->is_null()))
            return make_error(errc::invalid_argument, "enabled must be true, false or null (remove the setting)",
                              at + ".enabled");
        if (enabled->is_boolean()) c.enabled = enabled->get<bool>();
        if (auto user = item.find("user_id"); user != item.end() && !user->is_null()) {
            if (!user->is_string() || !is_uuid(user->get<std::string>()))
                return make_error(errc::invalid_argument, "user_id must be a user id", at + ".user_id");
            c.user_id = user->get<std::string>();
        }
        out.push_back(std::move(c));
    }
    return out;
}
}  // namespace

http_response get_feature_flags(const http_request& req, service_context& ctx) {
    auto who = authenticate_admin(req, ctx);
    if (!who) return json_error(who.err(), req.request_id);
    auto body = flags_json(ctx);
    if (!body) return json_error(body.err(), req.request_id);
    return with_user(json_ok(*body, req.request_id), *who);
}

http_response put_feature_flags(const http_request& req, service_context& ctx) {
    const auto& rid = req.request_id;
    auto who = authenticate_admin(req, ctx);
    if (!who) return json_error(who.err(), rid);
    auto body = parse_json_object(req);
    if (!body) return json_error(body.err(), rid);
    auto changes = changes_of(*body);
    if (!changes) return json_error(changes.err(), rid);
    if (auto s = persistence::feature_flag_repository(ctx.db).apply(*changes, who->account.id, now_micros()); !s)
        return json_error(s.err(), rid);
    ctx.flags.invalidate();
    nlohmann::json audited = nlohmann::json::array();
    for (const auto& c : *changes)
        audited.push_back({{"name", c.name},
                           {"enabled", c.enabled ? nlohmann::json(*c.enabled) : nlohmann::json()},
                           {"user_id", c.user_id.empty() ? nlohmann::json() : nlohmann::json(c.user_id)}});
    audit(ctx, req, who->account.id, "admin.feature_flags", "feature-flags", {{"flags", audited}});
    auto out = flags_json(ctx);
    if (!out) return json_error(out.err(), rid);
    return with_user(json_ok(*out, rid), *who);
}

}  // namespace galley::http
