#pragma once
// Refresh tokens, stored only as SHA-256 hashes. Tokens rotate: each works once; presenting a
// used or revoked one revokes its whole family (the tokens descended from one login), which
// cuts off a thief who replays a stolen token and the victim alike, forcing a fresh login.
#include <cstdint>
#include <string>
#include <string_view>

#include "domain/clock.hpp"
#include "domain/result.hpp"
#include "persistence/database.hpp"

namespace galley::persistence {

struct refresh_grant {
    std::string user_id;
    std::string family_id;
    // The user's session generation read inside the rotation, after the token's row lock: an
    // admin's revocation (which bumps it and revokes the tokens) is either before the rotation,
    // which then fails, or after it, and then the access token issued now carries the old
    // generation and is refused.
    std::int64_t session_generation = 0;
};

class refresh_token_repository {
public:
    explicit refresh_token_repository(database& db) : db_(db) {}

    /// Stores a new token of `family_id` for `user_id`.
    status insert(std::string_view token_hash, std::string_view user_id, std::string_view family_id,
                  micros expires_at);

    /// Atomically marks `presented_hash` used and stores `next_hash` in the same family.
    /// unauthorized when the token is unknown, expired or revoked, or was already used — in the
    /// last two cases the whole family is revoked first, and `reused_by` (when given) receives
    /// the owner of the family.
    result<refresh_grant> rotate(std::string_view presented_hash, std::string_view next_hash,
                                 micros now, micros next_expires_at, std::string* reused_by = nullptr);

    /// Revokes the family of `token_hash` and returns its user; unauthorized when the token is
    /// unknown.
    result<std::string> revoke_family_of(std::string_view token_hash);

    /// Revokes every token of `user_id` (a claimed guest, an admin's revocation).
    status revoke_all_of_user(std::string_view user_id);

private:
    database& db_;
};

}  // namespace galley::persistence
