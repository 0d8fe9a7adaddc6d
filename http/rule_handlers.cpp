// GET /api/v1/rules?language=es|en: the engine's rule catalogue (what rules_disabled may name).
#include "domain/engine/catalogue.hpp"
#include "http/auth_support.hpp"
#include "http/errors.hpp"
#include "http/handlers.hpp"

namespace galley::http {

http_response list_rules(const http_request& req, service_context& ctx) {
    auto who = authenticate(req, ctx);
    if (!who) return json_error(who.err(), req.request_id);
    auto language = req.query_param("language");
    if (language && *language != "es" && *language != "en")
        return json_error(make_error(errc::bad_request, "language must be es or en"), req.request_id);
    nlohmann::json items = nlohmann::json::array();
    for (const auto& rule : catalogue()) {
        if (language && rule.language != *language && rule.language != "any") continue;
        items.push_back({{"id", rule.id},
                         {"category", std::string(category_name(rule.cat))},
                         {"language", rule.language},
                         {"description", rule.description},
                         {"example", rule.example}});
    }
    auto r = json_ok({{"items", items}, {"next_cursor", nullptr}}, req.request_id);
    r.user_id = who->account.id;
    return r;
}

}  // namespace galley::http
