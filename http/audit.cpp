#include "http/audit.hpp"

#include <cstdio>

#include "domain/ids.hpp"
#include "http/request_log.hpp"

namespace galley::http {

void audit(service_context& ctx, const http_request& req, std::string_view actor_id, std::string_view action,
           std::string_view target, const nlohmann::json& details) {
    audit_entry e;
    e.id = new_uuid();
    e.at = now_micros();
    e.actor_id = actor_id;
    e.action = action;
    e.target = target;
    e.request_id = req.request_id;
    e.client_address = req.remote_ip;
    e.details = details.dump();
    if (auto s = ctx.audit_log.record(e); !s) {
        std::string line = R"({"level":"error","msg":"audit line not recorded","request_id":")";
        append_json_escaped(line, e.request_id);
        line += R"(","action":")";
        append_json_escaped(line, e.action);
        line += R"(","cause":")";
        append_json_escaped(line, s.err().message);
        line += "\"}\n";
        std::fputs(line.c_str(), stderr);
    }
}

}  // namespace galley::http
