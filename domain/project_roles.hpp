#pragma once
// Who may do what in a shared project (API.md, Projects; docs/permissions.md). Roles are ordered:
// each one may do everything the one below it may. An action names the least role it needs, so
// the whole permission table is `role >= needed(action)`.
#include <optional>
#include <string_view>

namespace galley {

enum class project_role { viewer, reviewer, editor, owner };

enum class project_action {
    read,    // see the project, its documents, runs, suggestions, exports and members
    review,  // decide on suggestions, preview, add a word to the dictionary
    edit,    // upload and delete documents, start and cancel runs, finalize, replace the dictionary
    manage,  // rename or delete the project, add, change and remove members
};

constexpr project_role least_role_for(project_action a) {
    switch (a) {
        case project_action::read: return project_role::viewer;
        case project_action::review: return project_role::reviewer;
        case project_action::edit: return project_role::editor;
        case project_action::manage: return project_role::owner;
    }
    return project_role::owner;
}

constexpr bool role_allows(project_role r, project_action a) { return r >= least_role_for(a); }

/// "owner" | "editor" | "reviewer" | "viewer".
std::string_view role_name(project_role r);

/// Any role by its API name; nullopt for anything else.
std::optional<project_role> parse_project_role(std::string_view name);

/// A role an owner may grant: editor, reviewer or viewer (never owner).
std::optional<project_role> parse_member_role(std::string_view name);

}  // namespace galley
