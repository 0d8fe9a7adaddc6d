// GET /api/v1/admin/nodes (admin role): the cluster members as the nodes table records them.
#include "http/auth_support.hpp"
#include "http/errors.hpp"
#include "http/handlers.hpp"

namespace galley::http {

http_response list_nodes(const http_request& req, service_context& ctx) {
    auto who = authenticate_admin(req, ctx);
    if (!who) return json_error(who.err(), req.request_id);
    auto nodes = ctx.nodes.list();
    if (!nodes) return json_error(nodes.err(), req.request_id);
    nlohmann::json items = nlohmann::json::array();
    for (const auto& n : *nodes)
        items.push_back({{"node_id", n.node_id},
                         {"address", n.address},
                         {"http_address", n.http_address},
                         {"status", n.status},
                         {"last_heartbeat", to_rfc3339(n.last_heartbeat)},
                         {"running", n.running}});
    auto r = json_ok({{"items", items}, {"next_cursor", nullptr}}, req.request_id);
    r.user_id = who->account.id;
    return r;
}

}  // namespace galley::http
