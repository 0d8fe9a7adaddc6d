// JWT signing/verification and password hashing.
#include <gtest/gtest.h>

#include "domain/auth/base64url.hpp"
#include "domain/auth/jwt.hpp"
#include "domain/auth/password.hpp"

using namespace galley;
using namespace galley::auth;

namespace {
const std::string kSecret = "0123456789abcdef0123456789abcdef-test-secret";
key_ring ring() { return key_ring({key_id_of(kSecret), kSecret}); }
token_claims claims(micros now, micros ttl = 900'000'000) { return {"user-1", "user", now, now + ttl}; }
}  // namespace

TEST(base64url, round_trips_every_length) {
    std::string bytes;
    for (int i = 0; i < 70; ++i) {
        auto enc = base64url_encode(bytes);
        EXPECT_EQ(enc.find_first_of("+/="), std::string::npos);
        EXPECT_EQ(base64url_decode(enc), bytes);
        bytes.push_back(static_cast<char>(i * 37));
    }
    EXPECT_FALSE(base64url_decode("ab$c"));
}

TEST(jwt, a_signed_token_verifies_with_its_claims) {
    micros now = 1'800'000'000'000'000;
    auto token = ring().sign(claims(now));
    auto v = ring().verify(token, now + 1'000'000);
    ASSERT_TRUE(v.ok()) << v.err().message;
    EXPECT_EQ(v->subject, "user-1");
    EXPECT_EQ(v->role, "user");
}

// Revoking a user's sessions bumps its generation; the token says which one it was issued in.
TEST(jwt, the_session_generation_round_trips_and_defaults_to_zero) {
    micros now = 1'800'000'000'000'000;
    token_claims c = claims(now);
    EXPECT_EQ(ring().verify(ring().sign(c), now)->generation, 0);
    c.generation = 7;
    auto v = ring().verify(ring().sign(c), now);
    ASSERT_TRUE(v.ok()) << v.err().message;
    EXPECT_EQ(v->generation, 7);
}

TEST(jwt, expired_tokens_are_rejected) {
    micros now = 1'800'000'000'000'000;
    auto token = ring().sign(claims(now, 60'000'000));
    auto v = ring().verify(token, now + 61'000'000);
    ASSERT_FALSE(v.ok());
    EXPECT_EQ(v.err().code, errc::unauthorized);
}

TEST(jwt, tampered_payload_or_signature_is_rejected) {
    micros now = 1'800'000'000'000'000;
    auto token = ring().sign(claims(now));
    auto dot1 = token.find('.'), dot2 = token.rfind('.');
    std::string forged_payload = base64url_encode(R"({"sub":"admin","role":"admin","exp":9999999999})");
    EXPECT_FALSE(ring().verify(token.substr(0, dot1 + 1) + forged_payload + token.substr(dot2), now).ok());
    std::string bad_sig = token;
    bad_sig.back() = bad_sig.back() == 'A' ? 'B' : 'A';
    EXPECT_FALSE(ring().verify(bad_sig, now).ok());
    EXPECT_FALSE(ring().verify("not.a.token", now).ok());
    EXPECT_FALSE(ring().verify("", now).ok());
}

TEST(jwt, alg_none_and_other_algorithms_are_rejected) {
    micros now = 1'800'000'000'000'000;
    auto token = ring().sign(claims(now));
    std::string rest = token.substr(token.find('.'));
    for (const char* alg : {"none", "HS512", "RS256"}) {
        std::string header = base64url_encode(std::string(R"({"alg":")") + alg + R"(","kid":")" + key_id_of(kSecret) + R"("})");
        EXPECT_FALSE(ring().verify(header + rest, now).ok()) << alg;
    }
}

TEST(jwt, rotated_keys_still_verify_and_unknown_keys_do_not) {
    micros now = 1'800'000'000'000'000;
    const std::string old_secret = "old-secret-old-secret-old-secret-old";
    key_ring old_ring({key_id_of(old_secret), old_secret});
    auto old_token = old_ring.sign(claims(now));
    key_ring rotated({key_id_of(kSecret), kSecret}, {{key_id_of(old_secret), old_secret}});
    EXPECT_TRUE(rotated.verify(old_token, now).ok());
    EXPECT_FALSE(ring().verify(old_token, now).ok());
}

TEST(password, argon2id_hash_verifies_only_the_right_password) {
    auto h = hash_password("correct horse battery");
    EXPECT_EQ(h.rfind("$argon2id$", 0), 0u);
    EXPECT_TRUE(verify_password("correct horse battery", h));
    EXPECT_FALSE(verify_password("correct horse batterz", h));
    EXPECT_NE(hash_password("correct horse battery"), h) << "hashes must be salted";
    EXPECT_FALSE(verify_password("x", "garbage"));
}
