// POST /api/v1/auth/{register,login,refresh,logout,guest,claim}.
#include "domain/auth/password.hpp"
#include "domain/ids.hpp"
#include "domain/sha256.hpp"
#include "domain/utf8.hpp"
#include "domain/validation.hpp"
#include "http/audit.hpp"
#include "http/auth_support.hpp"
#include "http/client_address.hpp"
#include "http/errors.hpp"
#include "http/handlers.hpp"
#include "http/json_input.hpp"

namespace galley::http {

namespace {
// Verifying against this keeps a login for an unknown email as slow as one with a wrong
// password, so response times do not reveal which emails are registered.
const std::string& dummy_hash() {
    static const std::string h = auth::hash_password("galley-timing-equaliser");
    return h;
}

// Sign-in routes (register, login, claim) are limited per client address at
// ctx.auth_per_minute; token routes (refresh, logout), which a signed-in client calls every
// few minutes, at four times that. IPv6 clients share their /64.
error too_many_from(int wait) { return retry_later(wait, "too many requests from this address"); }


int sign_in_wait(const http_request& req, service_context& ctx) {
    return ctx.limiter.wait_seconds("auth-ip:" + client_key(req.remote_ip), ctx.auth_per_minute);
}

int token_route_wait(const http_request& req, service_context& ctx) {
    return ctx.limiter.wait_seconds("token-ip:" + client_key(req.remote_ip), 4 * ctx.auth_per_minute);
}

// Each guest is a user row and a storage directory: far fewer per address than other calls.
constexpr int kGuestsPerMinute = 10;

// The email and password of a register or claim body, validated.
struct credentials {
    std::string email, password;
};
result<credentials> read_credentials(const nlohmann::json& body) {
    auto email_raw = required_string(body, "email", 254);
    if (!email_raw) return email_raw.err();
    auto email = normalize_email(*email_raw);
    if (!email) return email.err();
    auto password = required_string(body, "password", 1024);
    if (!password) return password.err();
    if (auto s = validate_password(*password); !s) return s.err();
    return credentials{*email, *password};
}
}  // namespace

http_response register_user(const http_request& req, service_context& ctx) {
    const auto& rid = req.request_id;
    if (int wait = sign_in_wait(req, ctx)) return json_error(too_many_from(wait), rid);
    auto body = parse_json_object(req);
    if (!body) return json_error(body.err(), rid);
    auto creds = read_credentials(*body);
    if (!creds) return json_error(creds.err(), rid);
    auto name_raw = optional_string(*body, "name", 1024);
    if (!name_raw) return json_error(name_raw.err(), rid);
    std::string name = creds->email.substr(0, creds->email.find('@'));
    if (*name_raw) {
        auto n = validate_label(**name_raw, "name", 200);
        if (!n) return json_error(n.err(), rid);
        name = *n;
    }
    user u;
    u.id = new_uuid();
    u.email = creds->email;
    u.name = name;
    u.password_hash = auth::hash_password(creds->password);
    u.role = "user";
    u.plan = "free";
    u.created_at = now_micros();
    if (auto s = ctx.users.create(u); !s) {
        if (s.err().code == errc::conflict)
            return json_error(make_error(errc::conflict, "an account with this email already exists"), rid);
        return json_error(s.err(), rid);
    }
    auto session = issue_session(ctx, u);
    if (!session) return json_error(session.err(), rid);
    audit(ctx, req, u.id, "auth.register", u.id);
    auto r = json_ok(*session, rid, 201);
    r.user_id = u.id;
    return r;
}

// Failures are counted per account (the normalised email, registered or not, so the answer
// does not reveal which emails exist), whatever address they come from.
http_response login(const http_request& req, service_context& ctx) {
    const auto& rid = req.request_id;
    if (int wait = sign_in_wait(req, ctx)) return json_error(too_many_from(wait), rid);
    auto body = parse_json_object(req);
    if (!body) return json_error(body.err(), rid);
    auto email_raw = required_string(*body, "email", 254);
    if (!email_raw) return json_error(email_raw.err(), rid);
    auto password = required_string(*body, "password", 1024);
    if (!password) return json_error(password.err(), rid);
    auto wrong = make_error(errc::unauthorized, "wrong email or password");
    auto email = normalize_email(*email_raw);
    const std::string account = email ? *email : utf8::ascii_lower(*email_raw);
    if (int wait = ctx.sign_in_failures.wait_seconds(account))
        return json_error(retry_later(wait, "too many failed sign-ins for this account; try again later"), rid);
    auto fail = [&] {
        ctx.sign_in_failures.record_failure(account);
        audit(ctx, req, {}, "auth.login_failed", account.substr(0, 254));
        return json_error(wrong, rid);
    };
    if (!email) {
        (void)auth::verify_password(*password, dummy_hash());
        return fail();
    }
    auto u = ctx.users.find_by_email(*email);
    if (!u) {
        if (u.err().code != errc::not_found) return json_error(u.err(), rid);
        (void)auth::verify_password(*password, dummy_hash());
        return fail();
    }
    if (!auth::verify_password(*password, u->password_hash)) return fail();
    ctx.sign_in_failures.record_success(account);
    if (u->disabled) return json_error(make_error(errc::forbidden, "this account is disabled"), rid);
    auto session = issue_session(ctx, *u);
    if (!session) return json_error(session.err(), rid);
    audit(ctx, req, u->id, "auth.login", u->id);
    auto r = json_ok(*session, rid);
    r.user_id = u->id;
    return r;
}

http_response refresh_session(const http_request& req, service_context& ctx) {
    const auto& rid = req.request_id;
    if (int wait = token_route_wait(req, ctx)) return json_error(too_many_from(wait), rid);
    auto body = parse_json_object(req);
    if (!body) return json_error(body.err(), rid);
    auto token = required_string(*body, "refresh_token", 512);
    if (!token) return json_error(token.err(), rid);
    micros now = now_micros();
    refresh_secret next = new_refresh_secret();
    std::string reused_by;
    auto grant = ctx.refresh_tokens.rotate(sha256_hex(*token), next.hash, now, now + ctx.refresh_token_ttl, &reused_by);
    if (!grant) {
        // A used token presented again: stolen, or a client bug. Its family is revoked now.
        if (!reused_by.empty()) audit(ctx, req, reused_by, "auth.refresh_reuse", reused_by);
        return json_error(grant.err(), rid);
    }
    auto u = ctx.users.find_by_id(grant->user_id);
    if (!u) return json_error(make_error(errc::unauthorized, "the account no longer exists"), rid);
    if (u->guest() && u->expires_at <= now)
        return json_error(make_error(errc::unauthorized, "the guest session has expired"), rid);
    if (u->disabled) return json_error(make_error(errc::unauthorized, "this account is disabled"), rid);
    std::string access = ctx.keys.sign({u->id, u->role, now, now + ctx.access_token_ttl, grant->session_generation});
    auto r = json_ok({{"user", user_json(*u)},
                      {"access_token", access},
                      {"refresh_token", next.token},
                      {"expires_in", ctx.access_token_ttl / 1'000'000}},
                     rid);
    r.user_id = u->id;
    return r;
}

http_response logout(const http_request& req, service_context& ctx) {
    const auto& rid = req.request_id;
    if (int wait = token_route_wait(req, ctx)) return json_error(too_many_from(wait), rid);
    auto body = parse_json_object(req);
    if (!body) return json_error(body.err(), rid);
    auto token = required_string(*body, "refresh_token", 512);
    if (!token) return json_error(token.err(), rid);
    auto revoked = ctx.refresh_tokens.revoke_family_of(sha256_hex(*token));
    if (!revoked) return json_error(revoked.err(), rid);
    audit(ctx, req, *revoked, "auth.logout", *revoked);
    return json_ok(nullptr, rid);
}

// A guest: a user on the guest plan with no email or password, gone after the guest TTL unless
// claimed. Its placeholder address is under .invalid, which no one can register or log in with.
http_response create_guest(const http_request& req, service_context& ctx) {
    const auto& rid = req.request_id;
    if (int wait = ctx.limiter.wait_seconds("guest-ip:" + client_key(req.remote_ip), kGuestsPerMinute))
        return json_error(retry_later(wait, "too many guest sessions from this address"), rid);
    user u;
    u.id = new_uuid();
    u.email = "guest-" + u.id + "@guest.invalid";
    u.name = "Guest";
    u.password_hash = "!guest";  // verifies against no password
    u.role = "user";
    u.plan = "guest";
    u.created_at = now_micros();
    u.expires_at = u.created_at + ctx.guest_ttl;
    if (auto s = ctx.users.create(u); !s) return json_error(s.err(), rid);
    auto session = issue_session(ctx, u);
    if (!session) return json_error(session.err(), rid);
    auto r = json_ok(*session, rid, 201);
    r.user_id = u.id;
    return r;
}

// The guest behind the bearer token becomes a free user with this email and password; the
// guest's refresh tokens stop working.
http_response claim_guest(const http_request& req, service_context& ctx) {
    const auto& rid = req.request_id;
    if (int wait = sign_in_wait(req, ctx)) return json_error(too_many_from(wait), rid);
    auto who = authenticate(req, ctx);
    if (!who) return json_error(who.err(), rid);
    if (!who->account.guest())
        return json_error(make_error(errc::conflict, "this account is not a guest account"), rid);
    auto body = parse_json_object(req);
    if (!body) return json_error(body.err(), rid);
    auto creds = read_credentials(*body);
    if (!creds) return json_error(creds.err(), rid);
    if (auto taken = ctx.users.find_by_email(creds->email); taken)
        return json_error(make_error(errc::conflict, "an account with this email already exists"), rid);
    if (auto s = ctx.users.claim_guest(who->account.id, creds->email, auth::hash_password(creds->password), now_micros());
        !s) {
        if (s.err().code == errc::conflict)  // a registration won the race for the email, or the guest expired
            return json_error(make_error(errc::conflict, "an account with this email already exists"), rid);
        return json_error(s.err(), rid);
    }
    // The guest's refresh tokens may sit on a shared machine: the claimed account starts afresh.
    if (auto s = ctx.refresh_tokens.revoke_all_of_user(who->account.id); !s) return json_error(s.err(), rid);
    auto claimed = ctx.users.find_by_id(who->account.id);
    if (!claimed) return json_error(claimed.err(), rid);
    auto session = issue_session(ctx, *claimed);
    if (!session) return json_error(session.err(), rid);
    audit(ctx, req, claimed->id, "auth.claim", claimed->id);
    auto r = json_ok(*session, rid);
    r.user_id = claimed->id;
    return r;
}

}  // namespace galley::http
