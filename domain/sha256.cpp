#include "domain/sha256.hpp"

#include <botan/hash.h>

#include <cstdio>
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

}  // namespace galley
