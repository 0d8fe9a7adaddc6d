#include "http/login_throttle.hpp"

#include <algorithm>

namespace galley::http {

int login_throttle::wait_seconds(std::string_view account) {
    std::lock_guard lock(mutex_);
    auto it = accounts_.find(std::string(account));
    if (it == accounts_.end()) return 0;
    const auto now = now_();
    if (it->second.locked_until <= now) return 0;
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(it->second.locked_until - now).count();
    return static_cast<int>((left + 999) / 1000);
}

void login_throttle::record_failure(std::string_view account) {
    std::lock_guard lock(mutex_);
    const auto now = now_();
    if (++calls_since_evict_ >= 1024 || accounts_.size() >= kMaxAccounts) evict(now);
    entry& e = accounts_[std::string(account)];
    if (e.failures > 0 && now - e.last_failure > kForgetAfter) e.failures = 0;
    ++e.failures;
    e.last_failure = now;
    if (e.failures > kFreeFailures) {
        const int doublings = std::min(e.failures - kFreeFailures - 1, 20);
        const auto lock_for = std::min<std::chrono::seconds>(std::chrono::seconds(1LL << doublings), kMaxLock);
        e.locked_until = now + lock_for;
    }
}

void login_throttle::record_success(std::string_view account) {
    std::lock_guard lock(mutex_);
    accounts_.erase(std::string(account));
}

// Drops accounts whose failures are forgotten; at the cap, also unlocked ones (an attacker who
// floods the table with fresh names can then only reset accounts that are not locked).
void login_throttle::evict(clock::time_point now) {
    calls_since_evict_ = 0;
    std::erase_if(accounts_, [&](const auto& kv) {
        return kv.second.locked_until <= now && now - kv.second.last_failure > kForgetAfter;
    });
    if (accounts_.size() < kMaxAccounts) return;
    std::erase_if(accounts_, [&](const auto& kv) { return kv.second.locked_until <= now; });
}

}  // namespace galley::http
