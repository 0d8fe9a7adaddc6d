#pragma once
// Identifiers: random UUIDs for resources, and checks on ids that arrive in URLs.
#include <string>
#include <string_view>

namespace galley {

/// A random (version 4) UUID in canonical lower-case form, from a CSPRNG so ids cannot be guessed.
std::string new_uuid();

/// A time-ordered (version 7) UUID: ids made in a later millisecond sort later, so rows keyed by
/// them are appended to their index instead of scattered over it. Unique, not unguessable: only
/// for rows reached through a resource the caller may already see (job log lines).
std::string new_time_ordered_uuid();

/// True for the canonical 36-character form with lower- or upper-case hex digits.
bool is_uuid(std::string_view s);

/// Lower-case hex of `bytes`.
std::string to_hex(std::string_view bytes);

}  // namespace galley
