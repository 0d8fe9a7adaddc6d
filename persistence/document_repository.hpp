#pragma once
// Uploaded documents' metadata (the bytes live in the blob store), always addressed with
// their owner so another user's document is not_found.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "domain/cursor.hpp"
#include "domain/entities.hpp"
#include "domain/result.hpp"
#include "persistence/database.hpp"

namespace galley::persistence {

/// What one user may hold; 0 means unlimited.
struct document_limits {
    int max_documents = 0;
    std::int64_t max_stored_bytes = 0;
};

class document_repository {
public:
    explicit document_repository(database& db) : db_(db) {}

    /// Stores `d` unless its owner would then hold more than `limits` allow (quota_exceeded,
    /// naming the limit); the check and the insert are one transaction, serialised per user.
    status create(const document& d, const document_limits& limits = {});
    /// The project's documents by (created_at, id). REQUIRES: the caller checked the project
    /// belongs to `user_id` (the query filters by owner too).
    result<page<document>> list(std::string_view user_id, std::string_view project_id, int limit,
                                const std::optional<cursor_key>& after);
    result<document> get(std::string_view user_id, std::string_view document_id);
    /// Deletes and returns the document; not_found when not the owner's.
    result<document> remove(std::string_view user_id, std::string_view document_id);

private:
    database& db_;
};

}  // namespace galley::persistence
