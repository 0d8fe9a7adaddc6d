#pragma once
// SHA-256 as lower-case hex (content addresses, token hashes, export checksums).
#include <string>
#include <string_view>

namespace galley {

std::string sha256_hex(std::string_view bytes);

}  // namespace galley
