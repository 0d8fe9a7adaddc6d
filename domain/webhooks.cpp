#include "domain/webhooks.hpp"

#include <botan/system_rng.h>

#include <algorithm>
#include <array>

#include "domain/ids.hpp"
#include "domain/sha256.hpp"

namespace galley {

std::optional<std::string_view> webhook_event_type(run_status final_status) {
    switch (final_status) {
        case run_status::succeeded:
        case run_status::partial: return "run.finished";
        case run_status::failed: return "run.failed";
        case run_status::cancelled: return "run.cancelled";
        default: return std::nullopt;
    }
}

std::string webhook_signature(std::string_view secret, std::int64_t timestamp_seconds, std::string_view body) {
    std::string signed_text = std::to_string(timestamp_seconds);
    signed_text += '.';
    signed_text += body;
    return "v1=" + to_hex(hmac_sha256(secret, signed_text));
}

std::optional<micros> next_webhook_attempt(const webhook_retry_policy& policy, micros event_created_at,
                                           int failed_attempts, micros now, double jitter) {
    micros delay = policy.first_delay;
    for (int i = 1; i < failed_attempts && delay < policy.max_delay; ++i) delay *= 2;
    delay = std::min(delay, policy.max_delay);
    delay -= static_cast<micros>(static_cast<double>(delay) * 0.25 * std::clamp(jitter, 0.0, 1.0));
    micros at = now + delay;
    if (at > event_created_at + policy.give_up_after) return std::nullopt;
    return at;
}

std::string new_webhook_secret() {
    std::array<std::uint8_t, 32> bytes{};
    Botan::system_rng().randomize(bytes.data(), bytes.size());
    return "whsec_" + to_hex(std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()));
}

}  // namespace galley
