#include "domain/sha256.hpp"

#include <botan/hash.h>
#include <botan/mac.h>

#include <cstdio>
#include <memory>
#include <vector>

#include "domain/ids.hpp"

namespace galley {

std::string sha256_hex(std::string_view bytes) {
    auto h = Botan::HashFunction::create_or_throw("SHA-256");
    h->update(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
    auto digest = h->final();
    return to_hex(std::string_view(reinterpret_cast<const char*>(digest.data()), digest.size()));
}

std::optional<std::string> sha256_file_hex(const std::string& path, std::uint64_t* size) {
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) return std::nullopt;
    auto h = Botan::HashFunction::create_or_throw("SHA-256");
    std::vector<std::uint8_t> buf(1 << 20);
    std::uint64_t total = 0;
    while (std::size_t n = std::fread(buf.data(), 1, buf.size(), f)) {
        h->update(buf.data(), n);
        total += n;
    }
    const bool failed = std::ferror(f) != 0;
    std::fclose(f);
    if (failed) return std::nullopt;
    if (size) *size = total;
    auto digest = h->final();
    return to_hex(std::string_view(reinterpret_cast<const char*>(digest.data()), digest.size()));
}

std::string hmac_sha256(std::string_view key, std::string_view data) {
    // One keyed HMAC per thread and key: creating and keying one costs more than the MAC itself.
    thread_local std::unique_ptr<Botan::MessageAuthenticationCode> mac;
    thread_local std::string mac_key;
    if (!mac) mac = Botan::MessageAuthenticationCode::create_or_throw("HMAC(SHA-256)");
    if (mac_key != key) {
        mac->set_key(reinterpret_cast<const std::uint8_t*>(key.data()), key.size());
        mac_key = std::string(key);
    }
    mac->update(reinterpret_cast<const std::uint8_t*>(data.data()), data.size());
    auto tag = mac->final();
    return std::string(reinterpret_cast<const char*>(tag.data()), tag.size());
}

}  // namespace galley
