#include "app/jwt_keys.hpp"

#include <botan/system_rng.h>

#include <filesystem>

#include "domain/ids.hpp"
#include "persistence/blob_store.hpp"

namespace galley::app {

result<auth::key_ring> load_key_ring(const config& c) {
    std::string secret = c.jwt_secret;
    if (secret.empty()) {
        std::filesystem::path path = std::filesystem::path(c.storage_dir) / "jwt_secret";
        auto existing = persistence::read_file(path);
        if (existing && existing->size() >= 32) {
            secret = *existing;
        } else {
            std::uint8_t raw[48];
            Botan::system_rng().randomize(raw, sizeof raw);
            secret = to_hex(std::string_view(reinterpret_cast<char*>(raw), sizeof raw));
            if (auto s = persistence::write_file_atomically(path, secret, 0600); !s)
                return make_error(errc::unavailable, "cannot write the JWT secret to " + path.string());
        }
    }
    std::vector<auth::signing_key> previous;
    for (const auto& p : c.jwt_previous_secrets)
        if (p.size() >= 32) previous.push_back({auth::key_id_of(p), p});
    return auth::key_ring({auth::key_id_of(secret), secret}, std::move(previous));
}

}  // namespace galley::app
