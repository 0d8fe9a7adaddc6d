#pragma once
// Validation of user-supplied fields, shared by HTTP handlers and admin commands.
// Each check returns invalid_argument naming the field, with a message fit for the client.
#include <string>
#include <string_view>

#include "domain/result.hpp"

namespace galley {

/// A plausible e-mail: 3..254 bytes, one '@', non-empty local part and a dotted domain, no spaces
/// or control characters. Returns the address lower-cased (emails are unique case-insensitively).
result<std::string> normalize_email(std::string_view email);

/// Passwords: 8..1024 bytes of valid UTF-8 (long enough to be safe, bounded to cap hashing cost).
status validate_password(std::string_view password);

/// Display names and project names: valid UTF-8, 1..max code points after trimming, no control
/// characters. Returns the trimmed value. `field` names the field in the error.
result<std::string> validate_label(std::string_view value, std::string_view field, std::size_t max);

/// Upload filenames: the last path component, control characters removed, at most 255 bytes;
/// "document" when nothing is left.
std::string sanitize_filename(std::string_view name);

/// Project language setting: "auto", "es" or "en".
bool is_valid_language_setting(std::string_view lang);

}  // namespace galley
