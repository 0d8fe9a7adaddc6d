#pragma once
// What a webhook delivery is, apart from the I/O (API.md, Operations: Webhooks): which event a
// run's final state raises, the signature a receiver checks, and when a failed delivery is
// tried again. Receivers verify `Galley-Signature: v1=HEX` as HMAC-SHA256(secret,
// timestamp + "." + body) with the `Galley-Timestamp` header, and de-duplicate on the event id.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "domain/clock.hpp"
#include "domain/run_state.hpp"

namespace galley {

/// "run.finished" (succeeded or partial), "run.failed" or "run.cancelled"; nullopt for a run
/// that has not ended.
std::optional<std::string_view> webhook_event_type(run_status final_status);

/// "v1=" and the lower-case hex HMAC-SHA256 of `timestamp.body` under `secret`.
std::string webhook_signature(std::string_view secret, std::int64_t timestamp_seconds, std::string_view body);

struct webhook_retry_policy {
    micros first_delay = 5'000'000;          // after the first failed attempt
    micros max_delay = 3600LL * 1'000'000;   // the doubling stops here
    micros give_up_after = 24LL * 3600 * 1'000'000;  // counted from the event
};

/// When to try again after `failed_attempts` (1 after the first failure): the delay doubles
/// each time up to max_delay, and `jitter` in [0, 1) takes up to a quarter off it so receivers
/// that came back are not hit by every sender at once. nullopt: past give_up_after, abandon.
std::optional<micros> next_webhook_attempt(const webhook_retry_policy& policy, micros event_created_at,
                                           int failed_attempts, micros now, double jitter);

/// A new secret: "whsec_" and 32 random bytes as hex.
std::string new_webhook_secret();

}  // namespace galley
