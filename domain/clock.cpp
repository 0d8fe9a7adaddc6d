#include "domain/clock.hpp"

#include <atomic>
#include <chrono>
#include <cstdio>
#include <ctime>

namespace galley {

namespace {
std::atomic<micros> offset_to_database{0};
}  // namespace

micros now_micros() {
    using namespace std::chrono;
    return duration_cast<microseconds>(system_clock::now().time_since_epoch()).count() +
           offset_to_database.load(std::memory_order_relaxed);
}

void set_clock_offset(micros offset) { offset_to_database.store(offset, std::memory_order_relaxed); }

micros clock_offset() { return offset_to_database.load(std::memory_order_relaxed); }

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

namespace {
// `n` decimal digits at `pos`, or -1.
int digits(std::string_view s, std::size_t pos, std::size_t n) {
    if (pos + n > s.size()) return -1;
    int v = 0;
    for (std::size_t i = pos; i < pos + n; ++i) {
        if (s[i] < '0' || s[i] > '9') return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

int days_in_month(int year, int month) {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : kDays[month - 1];
}

micros utc_micros(int year, int month, int day, int hour, int minute, int second) {
    std::tm tm{};
    tm.tm_year = year - 1900;
    tm.tm_mon = month - 1;
    tm.tm_mday = day;
    tm.tm_hour = hour;
    tm.tm_min = minute;
    tm.tm_sec = second;
    return static_cast<micros>(timegm(&tm)) * 1'000'000;
}
}  // namespace

std::optional<std::pair<micros, micros>> month_bounds(std::string_view period) {
    if (period.size() != 7 || period[4] != '-') return std::nullopt;
    const int year = digits(period, 0, 4), month = digits(period, 5, 2);
    if (year < 1970 || month < 1 || month > 12) return std::nullopt;
    const micros start = utc_micros(year, month, 1, 0, 0, 0);
    const micros end = month == 12 ? utc_micros(year + 1, 1, 1, 0, 0, 0) : utc_micros(year, month + 1, 1, 0, 0, 0);
    return std::pair{start, end};
}

std::optional<micros> parse_rfc3339(std::string_view s) {
    if (s.size() < 20 || s.size() > 40 || s[4] != '-' || s[7] != '-' || (s[10] != 'T' && s[10] != 't') ||
        s[13] != ':' || s[16] != ':')
        return std::nullopt;
    const int year = digits(s, 0, 4), month = digits(s, 5, 2), day = digits(s, 8, 2);
    const int hour = digits(s, 11, 2), minute = digits(s, 14, 2), second = digits(s, 17, 2);
    if (year < 1970 || month < 1 || month > 12 || day < 1 || day > days_in_month(year, month) || hour < 0 ||
        hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 60)
        return std::nullopt;
    std::size_t pos = 19;
    long long fraction = 0;
    if (pos < s.size() && s[pos] == '.') {
        std::size_t start = ++pos;
        while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') ++pos;
        const std::size_t n = pos - start;
        if (n == 0 || n > 9) return std::nullopt;
        for (std::size_t i = 0; i < 6; ++i) fraction = fraction * 10 + (i < n ? s[start + i] - '0' : 0);
    }
    if (pos >= s.size()) return std::nullopt;
    long long offset_seconds = 0;
    if ((s[pos] == 'Z' || s[pos] == 'z') && pos + 1 == s.size()) {
        offset_seconds = 0;
    } else if ((s[pos] == '+' || s[pos] == '-') && pos + 6 == s.size() && s[pos + 3] == ':') {
        const int oh = digits(s, pos + 1, 2), om = digits(s, pos + 4, 2);
        if (oh < 0 || oh > 23 || om < 0 || om > 59) return std::nullopt;
        offset_seconds = (s[pos] == '+' ? 1 : -1) * (oh * 3600LL + om * 60LL);
    } else {
        return std::nullopt;
    }
    return utc_micros(year, month, day, hour, minute, second) + fraction - offset_seconds * 1'000'000;
}

}  // namespace galley
