#include "http/auth_support.hpp"

#include <botan/system_rng.h>

#include "domain/auth/base64url.hpp"
#include "domain/ids.hpp"
#include "domain/sha256.hpp"
#include "domain/utf8.hpp"
#include "http/errors.hpp"

namespace galley::http {

namespace {
// The bearer token's claims; unauthorized when missing, malformed, tampered or expired.
result<auth::token_claims> bearer_claims(const http_request& req, service_context& ctx) {
    auto header = req.header("authorization");
    if (!header) return make_error(errc::unauthorized, "an Authorization: Bearer token is required");
    constexpr std::string_view kBearer = "bearer ";
    if (header->size() <= kBearer.size()) return make_error(errc::unauthorized, "malformed Authorization header");
    if (utf8::ascii_lower(header->substr(0, kBearer.size())) != kBearer) return make_error(errc::unauthorized, "the Authorization scheme must be Bearer");
    return ctx.keys.verify(header->substr(kBearer.size()), now_micros());
}

// The user row is read on every request anyway (plans come from it), so checking the disabled
// flag and the session generation here costs no extra round trip.
result<caller> admit(result<user> account, const auth::token_claims& claims, service_context& ctx) {
    if (!account) {
        if (account.err().code == errc::not_found)
            return make_error(errc::unauthorized, "the token's user no longer exists");
        return account.err();
    }
    if (account->disabled) return make_error(errc::unauthorized, "this account is disabled");
    if (claims.generation != account->session_generation)
        return make_error(errc::unauthorized, "the session was revoked; sign in again");
    if (account->guest() && account->expires_at <= now_micros())
        return make_error(errc::unauthorized, "the guest session has expired");
    const plan* tier = &ctx.plans.find_or_free(account->plan);
    if (int wait = ctx.limiter.wait_seconds(account->id, tier->requests_per_minute))
        return retry_later(wait, "too many requests; slow down");
    return caller{std::move(*account), tier};
}
}  // namespace

result<caller> authenticate(const http_request& req, service_context& ctx) {
    auto claims = bearer_claims(req, ctx);
    if (!claims) return claims.err();
    return admit(ctx.users.find_by_id(claims->subject), *claims, ctx);
}

result<std::pair<caller, persistence::user_usage>> authenticate_with_usage(const http_request& req,
                                                                          service_context& ctx,
                                                                          const std::string& period) {
    auto claims = bearer_claims(req, ctx);
    if (!claims) return claims.err();
    persistence::user_usage usage;
    auto who = admit(ctx.users.find_with_usage(claims->subject, period, usage), *claims, ctx);
    if (!who) return who.err();
    return std::pair<caller, persistence::user_usage>(std::move(*who), usage);
}

result<caller> authenticate_admin(const http_request& req, service_context& ctx) {
    auto who = authenticate(req, ctx);
    if (!who) return who.err();
    if (who->account.role != "admin") return make_error(errc::forbidden, "this endpoint needs the admin role");
    return who;
}

http_response with_user(http_response r, const caller& who) {
    r.user_id = who.account.id;
    return r;
}

nlohmann::json user_json(const user& u) {
    // A guest has no address of its own until it is claimed.
    nlohmann::json email = u.guest() ? nlohmann::json(nullptr) : nlohmann::json(u.email);
    return {{"id", u.id},     {"email", email},   {"name", u.name},
            {"role", u.role}, {"plan", u.plan},   {"created_at", to_rfc3339(u.created_at)}};
}

refresh_secret new_refresh_secret() {
    std::uint8_t raw[32];
    Botan::system_rng().randomize(raw, sizeof raw);
    std::string token = auth::base64url_encode(std::string_view(reinterpret_cast<char*>(raw), sizeof raw));
    return {token, sha256_hex(token)};
}

result<nlohmann::json> issue_session(service_context& ctx, const user& u) {
    micros now = now_micros();
    std::string access = ctx.keys.sign({u.id, u.role, now, now + ctx.access_token_ttl, u.session_generation});
    refresh_secret refresh = new_refresh_secret();
    if (auto s = ctx.refresh_tokens.insert(refresh.hash, u.id, new_uuid(), now + ctx.refresh_token_ttl); !s)
        return s.err();
    return nlohmann::json{{"user", user_json(u)},
                          {"access_token", access},
                          {"refresh_token", refresh.token},
                          {"expires_in", ctx.access_token_ttl / 1'000'000}};
}

}  // namespace galley::http
