#include "domain/sha256.hpp"

#include <botan/hash.h>

#include "domain/ids.hpp"

namespace galley {

std::string sha256_hex(std::string_view bytes) {
    auto h = Botan::HashFunction::create_or_throw("SHA-256");
    h->update(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
    auto digest = h->final();
    return to_hex(std::string_view(reinterpret_cast<const char*>(digest.data()), digest.size()));
}

}  // namespace galley
