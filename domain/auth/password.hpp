#pragma once
// Password hashing with Argon2id (Botan 2.19; RFC 9106 second recommended profile: 19 MiB,
// t=2, p=1), encoded in the standard $argon2id$ string so parameters can be raised later.
// Thread-safe. About 36 ms per call on the reference machine: never call it on an I/O thread.
#include <string>
#include <string_view>

namespace galley::auth {

std::string hash_password(std::string_view password);
/// Constant-time check against a stored hash; false for malformed hashes.
bool verify_password(std::string_view password, std::string_view stored_hash);

}  // namespace galley::auth
