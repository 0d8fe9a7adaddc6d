// Webhook rules that need no network: event types, signatures, the retry schedule and which
// addresses a webhook may reach.
#include <gtest/gtest.h>

#include "domain/ids.hpp"
#include "domain/sha256.hpp"
#include "domain/webhooks.hpp"
#include "http/webhook_sender.hpp"

using namespace galley;

TEST(webhooks, a_runs_final_state_names_its_event) {
    EXPECT_EQ(webhook_event_type(run_status::succeeded), "run.finished");
    EXPECT_EQ(webhook_event_type(run_status::partial), "run.finished");
    EXPECT_EQ(webhook_event_type(run_status::failed), "run.failed");
    EXPECT_EQ(webhook_event_type(run_status::cancelled), "run.cancelled");
    EXPECT_FALSE(webhook_event_type(run_status::running));
    EXPECT_FALSE(webhook_event_type(run_status::cancelling));
}

TEST(webhooks, signature_is_hmac_sha256_of_timestamp_dot_body) {
    // RFC 4231, test case 2.
    EXPECT_EQ(to_hex(hmac_sha256("Jefe", "what do ya want for nothing?")),
              "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    const std::string body = R"({"id":"e1","type":"run.finished"})";
    EXPECT_EQ(webhook_signature("whsec_k", 1700000000, body), "v1=" + to_hex(hmac_sha256("whsec_k", "1700000000." + body)));
    EXPECT_NE(webhook_signature("whsec_k", 1700000001, body), webhook_signature("whsec_k", 1700000000, body));
    EXPECT_NE(new_webhook_secret(), new_webhook_secret());
    EXPECT_EQ(new_webhook_secret().size(), 6u + 64u);
}

TEST(webhooks, retries_double_with_jitter_and_stop_after_a_day) {
    const webhook_retry_policy p;
    constexpr micros s = 1'000'000;
    EXPECT_EQ(next_webhook_attempt(p, 0, 1, 100 * s, 0.0), 105 * s);
    EXPECT_EQ(next_webhook_attempt(p, 0, 2, 100 * s, 0.0), 110 * s);
    EXPECT_EQ(next_webhook_attempt(p, 0, 4, 100 * s, 0.0), 140 * s);
    EXPECT_EQ(next_webhook_attempt(p, 0, 30, 100 * s, 0.0), 3700 * s) << "capped at an hour";
    auto jittered = next_webhook_attempt(p, 0, 2, 100 * s, 0.99);
    ASSERT_TRUE(jittered);
    EXPECT_GE(*jittered, 100 * s + 7'500'000);
    EXPECT_LT(*jittered, 110 * s);
    EXPECT_FALSE(next_webhook_attempt(p, 0, 20, 24 * 3600 * s - 60 * s, 0.0)) << "past 24 h: abandoned";
}

TEST(webhooks, only_public_addresses_are_reachable) {
    for (const char* ok : {"8.8.8.8", "93.184.216.34", "2606:4700:4700::1111", "2a00:1450:4007:80f::200e"})
        EXPECT_TRUE(http::is_public_address(*http::parse_ip(ok))) << ok;
    for (const char* refused :
         {"127.0.0.1", "127.9.9.9", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1", "169.254.169.254",
          "100.64.0.1", "0.0.0.0", "224.0.0.1", "255.255.255.255", "::1", "::", "fe80::1", "fd00:ec2::254",
          "fc00::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "64:ff9b::a00:1", "ff02::1", "2001:db8::1"})
        EXPECT_FALSE(http::is_public_address(*http::parse_ip(refused))) << refused;
}
