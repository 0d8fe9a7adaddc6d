#pragma once
// Writing the audit log from handlers (persistence/audit_repository.hpp): one line per action a
// user or admin took, with the request id and client address of the request that did it.
// Recorded after the action succeeded; a failure to record is logged, never turned into a
// failure of an action that has already happened.
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "http/http_types.hpp"
#include "http/service_context.hpp"

namespace galley::http {

void audit(service_context& ctx, const http_request& req, std::string_view actor_id, std::string_view action,
           std::string_view target, const nlohmann::json& details = nlohmann::json::object());

}  // namespace galley::http
