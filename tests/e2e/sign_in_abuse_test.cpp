// End-to-end: password guessing is throttled per account even when every attempt comes from a
// different address behind the proxy, sign-in routes are limited per address (IPv6 per /64),
// and the client address is taken from X-Forwarded-For only when the peer is a trusted proxy.
#include <gtest/gtest.h>

#include "tests/support/api_session.hpp"

using namespace galley::testing;

namespace {
const std::string kWrong = R"({"email":"victim@example.com","password":"not-the-password"})";
const std::string kRight = R"({"email":"victim@example.com","password":"correct-horse"})";

galley::testing::http_reply login_from(galley_process& g, const std::string& body, const std::string& address) {
    return g.request("POST", "/api/v1/auth/login", body, {}, {{"X-Forwarded-For", address}});
}
}  // namespace

TEST(sign_in_abuse, guessing_one_accounts_password_from_40_addresses_is_throttled) {
    std::string dir = make_temp_dir("galley-signin");
    galley_process g(dir, "", {{"GALLEY_AUTH_PER_MINUTE", "1000"}});
    g.set_extra_args({"--trusted-proxy", "127.0.0.1/32"});
    ASSERT_TRUE(g.start()) << g.log();
    ASSERT_EQ(g.request("POST", "/api/v1/auth/register", kRight).status, 201);

    int refused = 0, first_refusal = -1;
    for (int i = 0; i < 40; ++i) {
        auto r = login_from(g, kWrong, "198.51.100." + std::to_string(i + 1));
        ASSERT_TRUE(r.status == 401 || r.status == 429) << r.status << " " << r.body;
        if (r.status == 429) {
            ++refused;
            if (first_refusal < 0) first_refusal = i;
            EXPECT_GE(std::stoi(r.header("retry-after")), 1) << "a refusal says when to retry";
            EXPECT_EQ(json_of(r)["error"]["code"], "rate_limited");
        }
    }
    EXPECT_GT(refused, 0);
    EXPECT_LE(first_refusal, 6) << "after the first few failures, each attempt must wait";
    // The right password is refused too while the account is locked: a guess that happens to be
    // right learns nothing.
    auto locked = login_from(g, kRight, "203.0.113.5");
    EXPECT_EQ(locked.status, 429) << locked.body;
    // Another account is not affected.
    ASSERT_EQ(g.request("POST", "/api/v1/auth/register", R"({"email":"other@example.com","password":"another-pass"})").status, 201);
    EXPECT_EQ(login_from(g, R"({"email":"other@example.com","password":"another-pass"})", "198.51.100.1").status, 200);
}

TEST(sign_in_abuse, sign_in_routes_are_limited_per_address_and_ipv6_per_64) {
    std::string dir = make_temp_dir("galley-signin-ip");
    galley_process g(dir, "", {{"GALLEY_AUTH_PER_MINUTE", "5"}});
    g.set_extra_args({"--trusted-proxy", "127.0.0.1"});
    ASSERT_TRUE(g.start()) << g.log();
    auto attempt = [&](const std::string& address, int n) {
        return login_from(g, R"({"email":"nobody)" + std::to_string(n) + R"(@example.com","password":"whatever-1"})",
                          address);
    };
    // Five attempts from one /64, each address different inside it, then a refusal.
    for (int i = 0; i < 5; ++i) EXPECT_EQ(attempt("2001:db8:7:7::" + std::to_string(i + 1), i).status, 401);
    auto sixth = attempt("2001:db8:7:7:ffff::1", 5);
    EXPECT_EQ(sixth.status, 429) << sixth.body;
    EXPECT_GE(std::stoi(sixth.header("retry-after")), 1);
    // A neighbouring /64 and an IPv4 client have buckets of their own.
    EXPECT_EQ(attempt("2001:db8:7:8::1", 6).status, 401);
    EXPECT_EQ(attempt("192.0.2.10", 7).status, 401);
    // Without a trusted proxy the header is ignored: every request is the peer's.
    std::string dir2 = make_temp_dir("galley-signin-direct");
    galley_process direct(dir2, "", {{"GALLEY_AUTH_PER_MINUTE", "5"}});
    ASSERT_TRUE(direct.start()) << direct.log();
    int refused = 0;
    for (int i = 0; i < 6; ++i)
        refused += login_from(direct, R"({"email":"x@example.com","password":"whatever-1"})",
                              "192.0.2." + std::to_string(i + 1))
                       .status == 429;
    EXPECT_EQ(refused, 1) << "spoofed X-Forwarded-For does not buy fresh buckets";
}

TEST(sign_in_abuse, a_bad_trusted_proxy_block_stops_the_server_with_a_clear_message) {
    std::string dir = make_temp_dir("galley-signin-bad");
    galley_process g(dir);
    g.set_extra_args({"--trusted-proxy", "10.0.0.0/40"});
    EXPECT_FALSE(g.start());
    EXPECT_NE(g.log().find("trusted-proxy"), std::string::npos) << g.log();
}
