#include "domain/project_roles.hpp"

namespace galley {

std::string_view role_name(project_role r) {
    switch (r) {
        case project_role::viewer: return "viewer";
        case project_role::reviewer: return "reviewer";
        case project_role::editor: return "editor";
        case project_role::owner: return "owner";
    }
    return "viewer";
}

std::optional<project_role> parse_project_role(std::string_view name) {
    for (auto r : {project_role::viewer, project_role::reviewer, project_role::editor, project_role::owner})
        if (role_name(r) == name) return r;
    return std::nullopt;
}

std::optional<project_role> parse_member_role(std::string_view name) {
    auto r = parse_project_role(name);
    if (r == project_role::owner) return std::nullopt;
    return r;
}

}  // namespace galley
