#pragma once
// Time as integer microseconds since the Unix epoch (UTC): what the database stores and what
// sorts correctly; RFC 3339 strings only at the API edge.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace galley {

using micros = std::int64_t;

/// Wall-clock now, in microseconds since the epoch, corrected by the clock offset below: on a
/// cluster every node reads the shared database's clock, so leases, heartbeats and deaths are
/// decided on one clock whatever each machine's clock says.
micros now_micros();

/// The correction from this process's clock to the database's (database minus local), measured
/// at start-up and every few seconds by app/clock_sync; 0 until then and on SQLite.
void set_clock_offset(micros offset);
micros clock_offset();

/// RFC 3339 UTC with millisecond precision, e.g. 2026-11-22T04:36:54.123Z.
std::string to_rfc3339(micros t);

/// The calendar month in UTC as YYYY-MM (the quota period of API.md).
std::string month_period(micros t);

/// [first instant, first instant of the next month) of a YYYY-MM period; nullopt when malformed
/// or outside years 1970..9999.
std::optional<std::pair<micros, micros>> month_bounds(std::string_view period);

/// An RFC 3339 instant: YYYY-MM-DDTHH:MM:SS with optional fraction (up to microseconds) and a
/// zone of Z or ±HH:MM ('t' and 'z' accepted); nullopt for anything else.
std::optional<micros> parse_rfc3339(std::string_view text);

}  // namespace galley
