#pragma once
// Failed sign-ins throttled per account, whatever address they come from: the first
// kFreeFailures failures cost nothing, each further one locks the account's sign-in for twice as
// long as the last (1 s, 2 s, 4 s … capped at 15 minutes); a success clears the account, and
// failures are forgotten after 15 minutes without one. An attempt during a lock is refused
// without checking the password. In memory, per node (a cluster of N nodes lets an attacker try
// N times as often, still exponentially slowed). Thread-safe; bounded memory.
#include <chrono>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace galley::http {

class login_throttle {
public:
    using clock = std::chrono::steady_clock;
    static constexpr int kFreeFailures = 5;
    static constexpr std::chrono::seconds kMaxLock{15 * 60};
    static constexpr std::chrono::seconds kForgetAfter{15 * 60};
    static constexpr std::size_t kMaxAccounts = 200'000;

    explicit login_throttle(std::function<clock::time_point()> now = clock::now) : now_(std::move(now)) {}

    /// Whole seconds (rounded up) before `account` may try again; 0: it may try now.
    int wait_seconds(std::string_view account);
    void record_failure(std::string_view account);
    void record_success(std::string_view account);

private:
    struct entry {
        int failures = 0;
        clock::time_point last_failure;
        clock::time_point locked_until;
    };
    void evict(clock::time_point now);
    std::function<clock::time_point()> now_;
    std::mutex mutex_;
    std::unordered_map<std::string, entry> accounts_;
    std::size_t calls_since_evict_ = 0;
};

}  // namespace galley::http
