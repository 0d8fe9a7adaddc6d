#include "http/idempotency.hpp"

#include "domain/sha256.hpp"
#include "http/errors.hpp"
#include "persistence/idempotency_repository.hpp"

namespace galley::http {

namespace {
bool valid_key(std::string_view k) {
    if (k.empty() || k.size() > 128) return false;
    for (unsigned char c : k)
        if (c < 0x21 || c > 0x7E) return false;
    return true;
}

// What makes two requests "the same": method, route, path parameters, the filename of a raw
// upload, and the body.
std::string fingerprint(const http_request& req) {
    std::string text = req.method + "\n" + req.route + "\n";
    for (const auto& p : req.params) text += p + "\n";
    if (auto f = req.query_param("filename")) text += std::string(*f);
    text += "\n";
    return sha256_hex(text + sha256_hex(req.body));
}
}  // namespace

http_response idempotent(const http_request& req, service_context& ctx, const std::string& user_id,
                         const std::function<http_response()>& act) {
    auto key = req.header("idempotency-key");
    if (!key) return act();
    if (!valid_key(*key))
        return json_error(make_error(errc::bad_request, "Idempotency-Key must be 1 to 128 printable characters"),
                          req.request_id);
    persistence::idempotency_repository keys(ctx.db);
    const std::string k(*key);
    auto claim = keys.begin(user_id, k, fingerprint(req), now_micros());
    if (!claim) return json_error(claim.err(), req.request_id);
    if (*claim) {
        http_response replay;
        replay.status = (*claim)->status;
        replay.content_type = (*claim)->content_type;
        replay.body = (*claim)->body;
        replay.headers.emplace_back("Idempotent-Replayed", "true");
        replay.user_id = user_id;
        return replay;
    }
    http_response r = act();
    if (r.status >= 500 || r.status == 429 || r.stream)
        (void)keys.abandon(user_id, k);
    else
        (void)keys.finish(user_id, k, {r.status, r.content_type, r.body});
    return r;
}

}  // namespace galley::http
