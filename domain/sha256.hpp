#pragma once
// SHA-256 as lower-case hex (content addresses, token hashes, export checksums), and
// HMAC-SHA-256 (access tokens, webhook signatures).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace galley {

std::string sha256_hex(std::string_view bytes);

/// SHA-256 of a file read in 1 MiB pieces; nullopt when it cannot be read. `size` gets its length.
std::optional<std::string> sha256_file_hex(const std::string& path, std::uint64_t* size = nullptr);

/// The raw 32-byte HMAC-SHA-256 tag of `data` under `key`.
std::string hmac_sha256(std::string_view key, std::string_view data);

}  // namespace galley
