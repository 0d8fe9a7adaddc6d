#pragma once
// Time as integer microseconds since the Unix epoch (UTC): what the database stores and what
// sorts correctly; RFC 3339 strings only at the API edge.
#include <cstdint>
#include <string>

namespace galley {

using micros = std::int64_t;

/// Wall-clock now, in microseconds since the epoch.
micros now_micros();

/// RFC 3339 UTC with millisecond precision, e.g. 2026-11-22T04:36:54.123Z.
std::string to_rfc3339(micros t);

/// The calendar month in UTC as YYYY-MM (the quota period of API.md).
std::string month_period(micros t);

}  // namespace galley
