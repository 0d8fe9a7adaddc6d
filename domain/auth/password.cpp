#include "domain/auth/password.hpp"

#include <botan/argon2.h>
#include <botan/system_rng.h>

namespace galley::auth {

std::string hash_password(std::string_view password) {
    return Botan::argon2_generate_pwhash(password.data(), password.size(), Botan::system_rng(),
                                         /*p=*/1, /*M=*/19456, /*t=*/2, /*y=argon2id*/ 2);
}

bool verify_password(std::string_view password, std::string_view stored_hash) {
    try {
        return Botan::argon2_check_pwhash(password.data(), password.size(), std::string(stored_hash));
    } catch (const std::exception&) {
        return false;
    }
}

}  // namespace galley::auth
