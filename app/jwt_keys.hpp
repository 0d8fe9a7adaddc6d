#pragma once
// The JWT key ring: the secret from GALLEY_JWT_SECRET, or one generated on first start and kept
// in STORAGE/jwt_secret (mode 0600) so tokens survive restarts; previous secrets still verify.
#include "app/config.hpp"
#include "domain/auth/jwt.hpp"
#include "domain/result.hpp"

namespace galley::app {

result<auth::key_ring> load_key_ring(const config& c);

}  // namespace galley::app
