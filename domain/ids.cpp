#include "domain/ids.hpp"

#include <botan/system_rng.h>

#include <array>
#include <chrono>
#include <cstdint>
#include <random>

namespace galley {

std::string to_hex(std::string_view bytes) {
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    out.reserve(bytes.size() * 2);
    for (unsigned char b : bytes) {
        out.push_back(kHex[b >> 4]);
        out.push_back(kHex[b & 15]);
    }
    return out;
}

namespace {
std::string canonical(std::array<std::uint8_t, 16>& b, std::uint8_t version) {
    b[6] = static_cast<std::uint8_t>((b[6] & 0x0F) | (version << 4));
    b[8] = static_cast<std::uint8_t>((b[8] & 0x3F) | 0x80);
    std::string hex = to_hex(std::string_view(reinterpret_cast<const char*>(b.data()), b.size()));
    return hex.substr(0, 8) + "-" + hex.substr(8, 4) + "-" + hex.substr(12, 4) + "-" +
           hex.substr(16, 4) + "-" + hex.substr(20);
}
}  // namespace

std::string new_time_ordered_uuid() {
    // Seeded once per thread from the system's CSPRNG: these ids need to be unique, not secret.
    thread_local std::mt19937_64 bits([] {
        std::uint64_t seed = 0;
        Botan::system_rng().randomize(reinterpret_cast<std::uint8_t*>(&seed), sizeof seed);
        return seed;
    }());
    std::array<std::uint8_t, 16> b;
    auto ms = static_cast<std::uint64_t>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                             std::chrono::system_clock::now().time_since_epoch())
                                             .count());
    for (int i = 0; i < 6; ++i) b[i] = static_cast<std::uint8_t>(ms >> (8 * (5 - i)));
    const std::uint64_t random[2] = {bits(), bits()};
    for (int i = 6; i < 16; ++i) b[i] = static_cast<std::uint8_t>(random[(i - 6) / 5] >> (8 * ((i - 6) % 5)));
    return canonical(b, 7);
}

std::string new_uuid() {
    std::array<std::uint8_t, 16> b;
    Botan::system_rng().randomize(b.data(), b.size());
    return canonical(b, 4);
}

bool is_uuid(std::string_view s) {
    if (s.size() != 36) return false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (c != '-') return false;
        } else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
            return false;
        }
    }
    return true;
}

}  // namespace galley
