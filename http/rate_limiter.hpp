#pragma once
// Per-key request rate limits: a token bucket per key (a user at the plan's requests per minute,
// or a client address on sign-in routes), refilled continuously and bursting up to one minute's
// worth. On PostgreSQL the buckets are the cluster's (persistence/rate_bucket_repository): each
// node leases a few tokens at a time, so what all nodes admit together stays within the plan and
// the database sees one statement per lease, not per request. With SQLite (one node), or while
// the database fails, each node keeps its own buckets: a cluster then admits up to N times the
// rate rather than refusing everyone — availability over precision while the database is away.
// Thread-safe; memory stays bounded by evicting idle buckets.
#include <atomic>
#include <chrono>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "persistence/rate_bucket_repository.hpp"

namespace galley::http {

class rate_limiter {
public:
    /// Shares the buckets through `store` when it is shared (PostgreSQL); nullptr: this node's own.
    void share_through(persistence::rate_bucket_repository* store);

    /// True when a request by `key` is allowed at `per_minute` (0 = unlimited); consumes a token.
    bool allow(std::string_view key, int per_minute);
    /// The same, returning 0 when allowed, else the whole seconds until a token is back.
    int wait_seconds(std::string_view key, int per_minute);

    /// Tokens a node leases at once: two seconds of the rate, at least 1, at most 20. The
    /// cluster-wide bucket is exact; what a lease can waste (tokens a node leased but did not
    /// spend before they lapse after a second) is at most this per node.
    static int lease_size(int per_minute);

private:
    struct bucket {
        double tokens;
        std::chrono::steady_clock::time_point last;
    };
    struct leased {
        int tokens = 0;
        std::chrono::steady_clock::time_point expires;
    };
    int local_wait(std::string_view key, int per_minute);
    int shared_wait(std::string_view key, int per_minute);
    void evict_idle(std::chrono::steady_clock::time_point now);

    std::atomic<persistence::rate_bucket_repository*> store_{nullptr};
    std::atomic<std::int64_t> last_failure_logged_{0};
    std::mutex mutex_;
    std::unordered_map<std::string, bucket> buckets_;
    std::unordered_map<std::string, leased> leases_;
    std::size_t calls_since_evict_ = 0;
};

}  // namespace galley::http
