// Sign-in abuse defences: the client behind trusted proxies, IPv6 keyed by /64, per-account
// throttling of failed sign-ins, and an accurate Retry-After from the rate limiter.
#include <gtest/gtest.h>

#include "http/client_address.hpp"
#include "http/login_throttle.hpp"
#include "http/rate_limiter.hpp"

using namespace galley;
using namespace galley::http;

namespace {
std::vector<cidr> blocks(std::initializer_list<const char*> texts) {
    std::vector<cidr> out;
    for (const char* t : texts) out.push_back(*parse_cidr(t, "trusted-proxy"));
    return out;
}
}  // namespace

TEST(client_address, believes_x_forwarded_for_only_from_trusted_proxies) {
    auto proxies = blocks({"10.0.0.0/8", "::1"});
    // Untrusted peer: the header is whatever the client wrote.
    EXPECT_EQ(client_address("203.0.113.9", "1.2.3.4", proxies), "203.0.113.9");
    // Trusted peer: the right-most address it did not add itself.
    EXPECT_EQ(client_address("10.1.2.3", "198.51.100.7", proxies), "198.51.100.7");
    EXPECT_EQ(client_address("10.1.2.3", "6.6.6.6, 198.51.100.7, 10.9.9.9", proxies), "198.51.100.7")
        << "a spoofed left-most entry is ignored";
    EXPECT_EQ(client_address("::1", "2001:db8::5", proxies), "2001:db8::5");
    EXPECT_EQ(client_address("10.1.2.3", "", proxies), "10.1.2.3");
    EXPECT_EQ(client_address("10.1.2.3", "garbage", proxies), "10.1.2.3");
    EXPECT_EQ(client_address("10.1.2.3", "198.51.100.7", {}), "10.1.2.3") << "no proxy trusted by default";
}

TEST(client_address, keys_ipv6_clients_by_their_64_and_ipv4_as_written) {
    EXPECT_EQ(client_key("2001:db8:1:2:aaaa::1"), "2001:db8:1:2::/64");
    EXPECT_EQ(client_key("2001:db8:1:2:ffff:ffff:ffff:ffff"), "2001:db8:1:2::/64");
    EXPECT_NE(client_key("2001:db8:1:3::1"), client_key("2001:db8:1:2::1"));
    EXPECT_EQ(client_key("192.0.2.1"), "192.0.2.1");
    EXPECT_EQ(client_key("::ffff:192.0.2.1"), "192.0.2.1") << "an IPv4-mapped address is the IPv4 client";
}

TEST(client_address, cidr_blocks_are_validated_and_matched) {
    auto v4 = parse_cidr("192.168.0.0/16", "trusted-proxy");
    ASSERT_TRUE(v4);
    EXPECT_TRUE(v4->contains(*parse_ip("192.168.44.1")));
    EXPECT_FALSE(v4->contains(*parse_ip("192.169.0.1")));
    EXPECT_FALSE(v4->contains(*parse_ip("2001:db8::1")));
    auto single = parse_cidr("127.0.0.1", "trusted-proxy");
    ASSERT_TRUE(single);
    EXPECT_TRUE(single->contains(*parse_ip("127.0.0.1")));
    EXPECT_FALSE(single->contains(*parse_ip("127.0.0.2")));
    for (const char* bad : {"", "10.0.0.0/33", "::/129", "10.0.0/8", "10.0.0.0/x", "example.com", "10.0.0.0/"}) {
        auto r = parse_cidr(bad, "trusted-proxy");
        ASSERT_FALSE(r) << bad;
        EXPECT_EQ(r.err().field, "trusted-proxy");
    }
}

TEST(login_throttle, locks_an_account_after_a_few_failures_whatever_the_address) {
    auto now = login_throttle::clock::now();
    login_throttle t([&] { return now; });
    for (int i = 0; i < login_throttle::kFreeFailures; ++i) {
        EXPECT_EQ(t.wait_seconds("ana@example.com"), 0);
        t.record_failure("ana@example.com");
    }
    EXPECT_EQ(t.wait_seconds("ana@example.com"), 0) << "the first failures are free";
    t.record_failure("ana@example.com");
    EXPECT_EQ(t.wait_seconds("ana@example.com"), 1);
    EXPECT_EQ(t.wait_seconds("bob@example.com"), 0) << "accounts do not share a lock";
    now += std::chrono::seconds(1);
    t.record_failure("ana@example.com");
    EXPECT_EQ(t.wait_seconds("ana@example.com"), 2) << "each further failure doubles the lock";
    for (int i = 0; i < 30; ++i) t.record_failure("ana@example.com");
    EXPECT_EQ(t.wait_seconds("ana@example.com"), 15 * 60) << "capped at 15 minutes";
    now += std::chrono::minutes(15);
    t.record_success("ana@example.com");
    EXPECT_EQ(t.wait_seconds("ana@example.com"), 0);
    t.record_failure("ana@example.com");
    EXPECT_EQ(t.wait_seconds("ana@example.com"), 0) << "a success clears the count";
}

TEST(login_throttle, forgets_failures_after_a_quiet_quarter_hour) {
    auto now = login_throttle::clock::now();
    login_throttle t([&] { return now; });
    for (int i = 0; i < login_throttle::kFreeFailures; ++i) t.record_failure("ana@example.com");
    now += login_throttle::kForgetAfter + std::chrono::seconds(1);
    t.record_failure("ana@example.com");
    EXPECT_EQ(t.wait_seconds("ana@example.com"), 0);
}

TEST(rate_limiter, says_how_long_until_the_next_token) {
    rate_limiter limiter;
    for (int i = 0; i < 6; ++i) EXPECT_EQ(limiter.wait_seconds("ip:1", 6), 0);
    int wait = limiter.wait_seconds("ip:1", 6);
    EXPECT_GE(wait, 9);  // one token every 10 s
    EXPECT_LE(wait, 10);
}
