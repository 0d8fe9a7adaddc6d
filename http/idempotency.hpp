#pragma once
// The Idempotency-Key header of API.md on POST runs, document uploads and finalize: the same key
// from the same user within 24 h gets the first answer again (same status and body, with
// `Idempotent-Replayed: true`) and nothing is done twice; the same key with a different request
// is 409 conflict. A key is at most 128 printable ASCII characters (400 otherwise). Answers that a
// retry may change (5xx, 429) are not kept.
#include <functional>
#include <string>

#include "http/http_types.hpp"
#include "http/service_context.hpp"

namespace galley::http {

http_response idempotent(const http_request& req, service_context& ctx, const std::string& user_id,
                         const std::function<http_response()>& act);

}  // namespace galley::http
