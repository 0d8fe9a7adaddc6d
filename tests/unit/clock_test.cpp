// Time at the API edge: RFC 3339 instants in (audit filters) and month periods (usage).
#include "domain/clock.hpp"

#include <gtest/gtest.h>

using namespace galley;

TEST(clock, rfc3339_round_trips_what_galley_writes) {
    const micros t = 1'796'000'123'456'000;  // milliseconds, as to_rfc3339 writes them
    auto back = parse_rfc3339(to_rfc3339(t));
    ASSERT_TRUE(back);
    EXPECT_EQ(*back, t);
}

TEST(clock, rfc3339_accepts_offsets_fractions_and_lower_case) {
    EXPECT_EQ(parse_rfc3339("1970-01-01T00:00:00Z"), 0);
    EXPECT_EQ(parse_rfc3339("1970-01-01t00:00:01z"), 1'000'000);
    EXPECT_EQ(parse_rfc3339("1970-01-01T01:00:00+01:00"), 0);
    EXPECT_EQ(parse_rfc3339("1969-12-31T23:30:00-00:30"), std::nullopt) << "before 1970 is refused";
    EXPECT_EQ(parse_rfc3339("1970-01-01T00:30:00-00:30"), 3'600'000'000LL);
    EXPECT_EQ(parse_rfc3339("1970-01-01T00:00:00.5Z"), 500'000);
    EXPECT_EQ(parse_rfc3339("1970-01-01T00:00:00.123456789Z"), 123'456) << "below a microsecond is dropped";
    EXPECT_EQ(parse_rfc3339("2024-02-29T12:00:00Z"), 1'709'208'000'000'000LL);
}

TEST(clock, rfc3339_refuses_what_is_not_an_instant) {
    for (const char* bad : {"", "2026-11-30", "2026-11-30T10:00:00", "2026-13-01T00:00:00Z", "2026-02-30T00:00:00Z",
                            "2025-02-29T00:00:00Z", "2026-11-30T24:00:00Z", "2026-11-30T10:00:00.Z",
                            "2026-11-30T10:00:00+0100", "2026-11-30 10:00:00Z", "2026-11-30T10:00:00Zjunk",
                            "２026-11-30T10:00:00Z"})
        EXPECT_FALSE(parse_rfc3339(bad)) << bad;
}

TEST(clock, month_bounds_cover_the_month_and_its_period) {
    auto nov = month_bounds("2026-11");
    ASSERT_TRUE(nov);
    EXPECT_EQ(month_period(nov->first), "2026-11");
    EXPECT_EQ(month_period(nov->second - 1), "2026-11");
    EXPECT_EQ(month_period(nov->second), "2026-12");
    auto dec = month_bounds("2026-12");
    ASSERT_TRUE(dec);
    EXPECT_EQ(month_period(dec->second), "2027-01");
    EXPECT_EQ(dec->second - dec->first, 31LL * 24 * 3600 * 1'000'000);
    for (const char* bad : {"2026-13", "2026-00", "2026-1", "26-11", "2026/11", "1969-12", ""})
        EXPECT_FALSE(month_bounds(bad)) << bad;
}
