#pragma once
// Idempotency keys (API.md: the Idempotency-Key header on POST runs, uploads and finalize): the
// first answer to a user's key is kept for 24 hours, so a client that retries after a timeout
// gets it again instead of a second run. The key's row is claimed before the request is handled
// (the primary key admits one claim), so two concurrent retries cannot both act.
#include <optional>
#include <string>

#include "domain/clock.hpp"
#include "domain/result.hpp"
#include "persistence/database.hpp"

namespace galley::persistence {

struct stored_answer {
    int status = 0;
    std::string content_type;
    std::string body;
};

class idempotency_repository {
public:
    static constexpr micros kLifetime = 24LL * 3600 * 1'000'000;

    explicit idempotency_repository(database& db) : db_(db) {}

    /// Claims `key` for a request with `fingerprint`. nullopt: claimed, handle the request and
    /// finish() or abandon(). An answer: the same request was answered before (replay it).
    /// conflict: the key was used for a different request, or its first request is still running.
    result<std::optional<stored_answer>> begin(const std::string& user_id, const std::string& key,
                                               const std::string& fingerprint, micros now);
    status finish(const std::string& user_id, const std::string& key, const stored_answer& answer);
    /// Forgets the claim (the request failed in a way a retry may cure).
    status abandon(const std::string& user_id, const std::string& key);
    /// Deletes keys older than the lifetime; returns how many.
    result<int> prune(micros now);

private:
    database& db_;
};

}  // namespace galley::persistence
