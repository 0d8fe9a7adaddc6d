#pragma once
// Access tokens: JWT with HS256 only, signed with Botan's HMAC(SHA-256). Every token names the
// key that signed it (`kid`), so secrets can rotate: verification accepts any key in the ring,
// signing uses the current one. Thread-safe after construction (const use only).
#include <string>
#include <string_view>
#include <vector>

#include "domain/clock.hpp"
#include "domain/result.hpp"

namespace galley::auth {

struct token_claims {
    std::string subject;  // user id
    std::string role;
    micros issued_at = 0;
    micros expires_at = 0;
    std::int64_t generation = 0;  // the user's session generation when issued ("gen"; 0 if absent)
};

struct signing_key {
    std::string kid;
    std::string secret;  // raw bytes, at least 32
};

/// The key id galley derives from a secret: the first 16 hex digits of its SHA-256.
std::string key_id_of(std::string_view secret);

class key_ring {
public:
    /// REQUIRES: `current.secret` has at least 32 bytes.
    explicit key_ring(signing_key current, std::vector<signing_key> previous = {});

    /// A compact JWS: header {alg: HS256, typ: JWT, kid}, payload {sub, role, iat, exp, gen}.
    std::string sign(const token_claims& claims) const;

    /// Verifies signature (constant time), algorithm (HS256 only; "none" and others refused),
    /// key id and expiry against `now`. Every failure is unauthorized with a short reason.
    result<token_claims> verify(std::string_view token, micros now) const;

private:
    const signing_key* find(std::string_view kid) const;
    signing_key current_;
    std::vector<signing_key> previous_;
};

}  // namespace galley::auth
