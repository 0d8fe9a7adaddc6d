#pragma once
// Base64url without padding (RFC 4648 §5), as JWTs use it. Botan 2 has only plain base64.
#include <optional>
#include <string>
#include <string_view>

namespace galley::auth {

std::string base64url_encode(std::string_view bytes);
/// nullopt on characters outside the alphabet or an impossible length.
std::optional<std::string> base64url_decode(std::string_view text);

}  // namespace galley::auth
