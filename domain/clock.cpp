#include "domain/clock.hpp"

#include <chrono>
#include <cstdio>
#include <ctime>

namespace galley {

micros now_micros() {
    using namespace std::chrono;
    return duration_cast<microseconds>(system_clock::now().time_since_epoch()).count();
}

static std::tm utc_tm(micros t) {
    std::time_t secs = static_cast<std::time_t>(t / 1'000'000);
    if (t < 0 && t % 1'000'000 != 0) --secs;
    std::tm tm{};
    gmtime_r(&secs, &tm);
    return tm;
}

std::string to_rfc3339(micros t) {
    std::tm tm = utc_tm(t);
    long long ms = ((t % 1'000'000) + 1'000'000) % 1'000'000 / 1000;
    char buf[64];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03lldZ", tm.tm_year + 1900,
                  tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, ms);
    return buf;
}

std::string month_period(micros t) {
    std::tm tm = utc_tm(t);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d", tm.tm_year + 1900, tm.tm_mon + 1);
    return buf;
}

}  // namespace galley
