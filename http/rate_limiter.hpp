#pragma once
// Per-key request rate limits (a token bucket per user, refilled continuously at the plan's
// requests per minute, bursting up to one minute's worth). In memory, per node: a cluster of N
// nodes admits at most N times the rate, which is acceptable for abuse protection.
// Thread-safe; memory stays bounded by evicting idle buckets.
#include <chrono>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace galley::http {

class rate_limiter {
public:
    /// True when a request by `key` is allowed at `per_minute` (0 = unlimited); consumes a token.
    bool allow(std::string_view key, int per_minute);
    /// The same, returning 0 when allowed, else the whole seconds until a token is back.
    int wait_seconds(std::string_view key, int per_minute);

private:
    struct bucket {
        double tokens;
        std::chrono::steady_clock::time_point last;
    };
    void evict_idle(std::chrono::steady_clock::time_point now);
    std::mutex mutex_;
    std::unordered_map<std::string, bucket> buckets_;
    std::size_t calls_since_evict_ = 0;
};

}  // namespace galley::http
