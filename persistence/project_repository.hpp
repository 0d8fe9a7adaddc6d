#pragma once
// Projects, always addressed together with their owner: a project of another user is
// not_found, exactly like one that does not exist (API.md: never reveal existence).
#include <optional>
#include <string>
#include <string_view>

#include "domain/cursor.hpp"
#include "domain/entities.hpp"
#include "domain/result.hpp"
#include "persistence/database.hpp"

namespace galley::persistence {

class project_repository {
public:
    explicit project_repository(database& db) : db_(db) {}

    status create(const project& p);
    /// The projects the user owns or is a member of, with the user's role, by (created_at, id),
    /// `limit` per page, after `after` if given.
    result<page<project>> list(std::string_view user_id, int limit,
                               const std::optional<cursor_key>& after);
    result<project> get(std::string_view user_id, std::string_view project_id);
    /// Applies the given changes; not_found when not the owner's.
    result<project> update(std::string_view user_id, std::string_view project_id,
                           const std::optional<std::string>& name,
                           const std::optional<std::string>& language);
    /// Deletes the project with its documents (and, through later migrations, its runs).
    status remove(std::string_view user_id, std::string_view project_id);

private:
    database& db_;
};

}  // namespace galley::persistence
