// The permission table of docs/permissions.md, cell by cell, and the role names of API.md.
#include "domain/project_roles.hpp"

#include <gtest/gtest.h>

using namespace galley;

TEST(project_roles, each_role_may_do_what_docs_permissions_says) {
    struct row {
        project_action action;
        bool viewer, reviewer, editor, owner;
    };
    const row table[] = {
        {project_action::read, true, true, true, true},
        {project_action::review, false, true, true, true},
        {project_action::edit, false, false, true, true},
        {project_action::manage, false, false, false, true},
    };
    for (const row& r : table) {
        EXPECT_EQ(role_allows(project_role::viewer, r.action), r.viewer) << static_cast<int>(r.action);
        EXPECT_EQ(role_allows(project_role::reviewer, r.action), r.reviewer) << static_cast<int>(r.action);
        EXPECT_EQ(role_allows(project_role::editor, r.action), r.editor) << static_cast<int>(r.action);
        EXPECT_EQ(role_allows(project_role::owner, r.action), r.owner) << static_cast<int>(r.action);
    }
}

TEST(project_roles, owners_grant_every_role_but_their_own) {
    EXPECT_EQ(parse_member_role("editor"), project_role::editor);
    EXPECT_EQ(parse_member_role("reviewer"), project_role::reviewer);
    EXPECT_EQ(parse_member_role("viewer"), project_role::viewer);
    EXPECT_FALSE(parse_member_role("owner"));
    EXPECT_FALSE(parse_member_role("Editor"));
    EXPECT_FALSE(parse_member_role(""));
    EXPECT_EQ(parse_project_role("owner"), project_role::owner);
    for (auto r : {project_role::viewer, project_role::reviewer, project_role::editor, project_role::owner})
        EXPECT_EQ(parse_project_role(role_name(r)), r);
}
