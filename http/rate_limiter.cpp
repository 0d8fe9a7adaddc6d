#include "http/rate_limiter.hpp"

#include <algorithm>
#include <cmath>

namespace galley::http {

bool rate_limiter::allow(std::string_view key, int per_minute) { return wait_seconds(key, per_minute) == 0; }

int rate_limiter::wait_seconds(std::string_view key, int per_minute) {
    if (per_minute <= 0) return 0;
    auto now = std::chrono::steady_clock::now();
    std::lock_guard lock(mutex_);
    if (++calls_since_evict_ >= 10'000) evict_idle(now);
    auto [it, fresh] = buckets_.try_emplace(std::string(key), bucket{double(per_minute), now});
    bucket& b = it->second;
    if (!fresh) {
        double elapsed = std::chrono::duration<double>(now - b.last).count();
        b.tokens = std::min<double>(per_minute, b.tokens + elapsed * per_minute / 60.0);
        b.last = now;
    }
    if (b.tokens < 1.0) return std::max(1, static_cast<int>(std::ceil((1.0 - b.tokens) * 60.0 / per_minute)));
    b.tokens -= 1.0;
    return 0;
}

void rate_limiter::evict_idle(std::chrono::steady_clock::time_point now) {
    calls_since_evict_ = 0;
    // A bucket idle for a minute is full again: forgetting it changes nothing.
    std::erase_if(buckets_, [&](const auto& kv) { return now - kv.second.last > std::chrono::minutes(1); });
}

}  // namespace galley::http
