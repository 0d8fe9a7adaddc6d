#include "http/rate_limiter.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace galley::http {

namespace {
constexpr auto kLeaseLifetime = std::chrono::seconds(1);
}

void rate_limiter::share_through(persistence::rate_bucket_repository* store) {
    store_.store(store && store->shared() ? store : nullptr);
}

bool rate_limiter::allow(std::string_view key, int per_minute) { return wait_seconds(key, per_minute) == 0; }

int rate_limiter::lease_size(int per_minute) { return std::clamp(per_minute / 30, 1, 20); }

int rate_limiter::wait_seconds(std::string_view key, int per_minute) {
    if (per_minute <= 0) return 0;
    return store_.load() ? shared_wait(key, per_minute) : local_wait(key, per_minute);
}

int rate_limiter::shared_wait(std::string_view key, int per_minute) {
    const auto now = std::chrono::steady_clock::now();
    {
        std::lock_guard lock(mutex_);
        if (++calls_since_evict_ >= 10'000) evict_idle(now);
        auto it = leases_.find(std::string(key));
        if (it != leases_.end() && it->second.tokens > 0 && now < it->second.expires) {
            --it->second.tokens;
            return 0;
        }
    }
    auto lease = store_.load()->lease(std::string(key), per_minute, per_minute, lease_size(per_minute));
    if (!lease) {
        // The database is slow or away: this node's own bucket meanwhile (logged at most every 10 s).
        const auto secs = std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count();
        auto last = last_failure_logged_.load();
        if (secs - last >= 10 && last_failure_logged_.compare_exchange_strong(last, secs))
            std::fprintf(stderr,
                         "{\"level\":\"warn\",\"msg\":\"shared rate limits unavailable; limiting per node\","
                         "\"cause\":\"%s\"}\n",
                         lease.err().message.c_str());
        return local_wait(key, per_minute);
    }
    if (lease->granted < 1)
        return std::max(1, static_cast<int>(std::ceil((1.0 - lease->remaining) * 60.0 / per_minute)));
    std::lock_guard lock(mutex_);
    leased& l = leases_[std::string(key)];
    if (now >= l.expires) l.tokens = 0;  // what lapsed is not spent
    l.tokens += lease->granted - 1;
    l.expires = now + kLeaseLifetime;
    return 0;
}

int rate_limiter::local_wait(std::string_view key, int per_minute) {
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
    // A bucket idle for a minute is full again: forgetting it changes nothing; lapsed leases are spent.
    std::erase_if(buckets_, [&](const auto& kv) { return now - kv.second.last > std::chrono::minutes(1); });
    std::erase_if(leases_, [&](const auto& kv) { return now >= kv.second.expires; });
}

}  // namespace galley::http
