#pragma once
// Token buckets shared by every node of a cluster (PostgreSQL only; SQLite runs one node). A
// node leases a few tokens at a time from a key's bucket in one atomic upsert, refilled with the
// database's clock so nodes' clocks never matter. Tokens are taken from the shared bucket when
// leased, so what all nodes admit together never exceeds the bucket, whatever they lease.
#include <string>

#include "domain/result.hpp"
#include "persistence/database.hpp"

namespace galley::persistence {

struct token_lease {
    int granted = 0;        // tokens now the node's to spend (0..wanted)
    double remaining = 0;   // what the bucket holds after the lease
};

class rate_bucket_repository {
public:
    explicit rate_bucket_repository(database& db) : db_(db) {}

    /// True on PostgreSQL, where several nodes may share the buckets.
    bool shared() const;

    /// Takes up to `wanted` whole tokens (1 <= wanted <= capacity) from `key`'s bucket of
    /// `capacity` tokens refilled at `per_minute`; a new bucket starts full.
    result<token_lease> lease(const std::string& key, double capacity, double per_minute, int wanted);

    /// Deletes buckets untouched for `idle_seconds` (they would be full again anyway).
    result<int> prune_idle(int idle_seconds);

private:
    database& db_;
};

}  // namespace galley::persistence
