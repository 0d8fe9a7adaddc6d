#include "domain/auth/jwt.hpp"

#include <botan/mem_ops.h>

#include <nlohmann/json.hpp>

#include "domain/auth/base64url.hpp"
#include "domain/sha256.hpp"

namespace galley::auth {

namespace {

error unauthorized(const char* why) { return make_error(errc::unauthorized, why); }
}  // namespace

std::string key_id_of(std::string_view secret) { return sha256_hex(secret).substr(0, 16); }

key_ring::key_ring(signing_key current, std::vector<signing_key> previous)
    : current_(std::move(current)), previous_(std::move(previous)) {}

const signing_key* key_ring::find(std::string_view kid) const {
    if (kid == current_.kid) return &current_;
    for (const auto& k : previous_)
        if (k.kid == kid) return &k;
    return nullptr;
}

std::string key_ring::sign(const token_claims& c) const {
    nlohmann::json header = {{"alg", "HS256"}, {"typ", "JWT"}, {"kid", current_.kid}};
    nlohmann::json payload = {{"sub", c.subject},
                              {"role", c.role},
                              {"iat", c.issued_at / 1'000'000},
                              {"exp", c.expires_at / 1'000'000},
                              {"gen", c.generation}};
    std::string signing_input =
        base64url_encode(header.dump()) + "." + base64url_encode(payload.dump());
    return signing_input + "." + base64url_encode(hmac_sha256(current_.secret, signing_input));
}

result<token_claims> key_ring::verify(std::string_view token, micros now) const {
    if (token.size() > 4096) return unauthorized("the token is too long");
    auto first = token.find('.');
    auto second = first == std::string_view::npos ? first : token.find('.', first + 1);
    if (second == std::string_view::npos || token.find('.', second + 1) != std::string_view::npos)
        return unauthorized("the token is malformed");
    auto header_raw = base64url_decode(token.substr(0, first));
    auto payload_raw = base64url_decode(token.substr(first + 1, second - first - 1));
    auto signature = base64url_decode(token.substr(second + 1));
    if (!header_raw || !payload_raw || !signature) return unauthorized("the token is malformed");

    auto header = nlohmann::json::parse(*header_raw, nullptr, false);
    if (!header.is_object() || !header.contains("alg") || header["alg"] != "HS256")
        return unauthorized("the token algorithm is not accepted");
    if (!header.contains("kid") || !header["kid"].is_string())
        return unauthorized("the token names no key");
    const signing_key* key = find(header["kid"].get<std::string>());
    if (!key) return unauthorized("the token was signed with an unknown key");

    std::string expected = hmac_sha256(key->secret, token.substr(0, second));
    if (signature->size() != expected.size() ||
        !Botan::constant_time_compare(reinterpret_cast<const std::uint8_t*>(signature->data()),
                                      reinterpret_cast<const std::uint8_t*>(expected.data()),
                                      expected.size()))
        return unauthorized("the token signature is invalid");

    auto payload = nlohmann::json::parse(*payload_raw, nullptr, false);
    if (!payload.is_object() || !payload.contains("sub") || !payload["sub"].is_string() ||
        !payload.contains("exp") || !payload["exp"].is_number_integer())
        return unauthorized("the token claims are invalid");
    token_claims c;
    c.subject = payload["sub"].get<std::string>();
    c.role = payload.value("role", "user");
    c.issued_at = payload.value("iat", 0LL) * 1'000'000;
    c.expires_at = payload["exp"].get<long long>() * 1'000'000;
    if (auto gen = payload.find("gen"); gen != payload.end()) {
        if (!gen->is_number_integer()) return unauthorized("the token is malformed");
        c.generation = gen->get<long long>();
    }
    if (c.expires_at <= now) return unauthorized("the token has expired");
    return c;
}

}  // namespace galley::auth
