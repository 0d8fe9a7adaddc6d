// Shared projects on SQLite and PostgreSQL: who reaches a project, document or run and with which
// role, how members are added, changed, listed and removed, and that a stranger learns nothing.
#include "persistence/member_repository.hpp"

#include <gtest/gtest.h>

#include "domain/ids.hpp"
#include "domain/plans.hpp"
#include "persistence/document_repository.hpp"
#include "persistence/project_repository.hpp"
#include "persistence/run_repository.hpp"
#include "persistence/user_repository.hpp"
#include "tests/support/scratch_db.hpp"

using namespace galley;
using namespace galley::persistence;
using galley::testing::backend_kind;

class member_repository_contract : public galley::testing::scratch_database_test {
protected:
    void SetUp() override {
        scratch_database_test::SetUp();
        if (!db) return;
        members = std::make_unique<member_repository>(*db);
        owner = make_user("owner@example.com", "pro");
        project_id = new_uuid();
        ASSERT_TRUE(project_repository(*db).create({project_id, owner.id, "Shared", "es", now_micros(), 0}).ok());
        document d{new_uuid(), project_id, owner.id, "a.txt", "txt", 10, std::string(64, 'a'), "es", 2, now_micros(), 10};
        ASSERT_TRUE(document_repository(*db).create(d).ok());
        document_id = d.id;
        run_admission admission{&plans.find_or_free("pro"), 1'000'000};
        auto run = run_repository(*db).create(owner.id, project_id, {document_id}, run_options{}, admission);
        ASSERT_TRUE(run.ok()) << run.err().message;
        run_id = run->id;
    }

    user make_user(const std::string& email, const std::string& plan = "free", micros expires_at = 0) {
        user u{new_uuid(), email, "Name", "hash", "user", plan, now_micros(), expires_at};
        EXPECT_TRUE(user_repository(*db).create(u).ok());
        return u;
    }

    plan_table plans = plan_table::defaults();
    std::unique_ptr<member_repository> members;
    user owner;
    std::string project_id, document_id, run_id;
};

TEST_P(member_repository_contract, the_owner_reaches_everything_with_the_owners_plan) {
    for (auto [target, id] : {std::pair{access_target::project, project_id}, {access_target::document, document_id},
                              {access_target::run, run_id}}) {
        auto a = members->access(owner.id, target, id);
        ASSERT_TRUE(a.ok()) << a.err().message;
        EXPECT_EQ(a->role, project_role::owner);
        EXPECT_EQ(a->owner_id, owner.id);
        EXPECT_EQ(a->owner_plan, "pro");
        EXPECT_EQ(a->project_id, project_id);
    }
    EXPECT_EQ(members->access(owner.id, access_target::run, new_uuid()).err().code, errc::not_found);
    EXPECT_EQ(members->access(owner.id, access_target::document, run_id).err().code, errc::not_found)
        << "an id of another kind is not found";
}

TEST_P(member_repository_contract, a_stranger_gets_not_found_and_a_member_gets_its_role_until_removed) {
    user stranger = make_user("stranger@example.com");
    user ed = make_user("ed@example.com");
    for (auto [target, id] : {std::pair{access_target::project, project_id}, {access_target::document, document_id},
                              {access_target::run, run_id}})
        EXPECT_EQ(members->access(stranger.id, target, id).err().code, errc::not_found);

    auto added = members->add(project_id, "ed@example.com", project_role::reviewer, now_micros());
    ASSERT_TRUE(added.ok()) << added.err().message;
    EXPECT_EQ(added->user_id, ed.id);
    EXPECT_EQ(added->role, "reviewer");
    auto a = members->access(ed.id, access_target::run, run_id);
    ASSERT_TRUE(a.ok());
    EXPECT_EQ(a->role, project_role::reviewer);
    EXPECT_EQ(a->owner_id, owner.id) << "members work under the owner's id";
    EXPECT_EQ(a->owner_plan, "pro") << "and count against the owner's plan, not their own";

    auto changed = members->set_role(project_id, ed.id, project_role::editor);
    ASSERT_TRUE(changed.ok());
    EXPECT_EQ(changed->role, "editor");
    EXPECT_EQ(members->access(ed.id, access_target::document, document_id)->role, project_role::editor);

    ASSERT_TRUE(members->remove(project_id, ed.id).ok());
    EXPECT_EQ(members->access(ed.id, access_target::project, project_id).err().code, errc::not_found);
    EXPECT_EQ(members->remove(project_id, ed.id).err().code, errc::not_found);
    EXPECT_EQ(members->set_role(project_id, ed.id, project_role::viewer).err().code, errc::not_found);
    EXPECT_EQ(members->set_role(project_id, owner.id, project_role::viewer).err().code, errc::not_found)
        << "the owner is not a member whose role can change";
}

TEST_P(member_repository_contract, only_registered_strangers_can_be_added_once) {
    make_user("viv@example.com");
    make_user("guest-1@guest.invalid", "guest", now_micros() + 3'600'000'000LL);
    EXPECT_EQ(members->add(project_id, "nobody@example.com", project_role::viewer, now_micros()).err().code,
              errc::not_found);
    EXPECT_EQ(members->add(project_id, "guest-1@guest.invalid", project_role::viewer, now_micros()).err().code,
              errc::not_found)
        << "a guest is not a registered user";
    EXPECT_EQ(members->add(project_id, "owner@example.com", project_role::editor, now_micros()).err().code,
              errc::conflict);
    ASSERT_TRUE(members->add(project_id, "viv@example.com", project_role::viewer, now_micros()).ok());
    EXPECT_EQ(members->add(project_id, "viv@example.com", project_role::editor, now_micros()).err().code,
              errc::conflict);
    EXPECT_EQ(members->add(new_uuid(), "viv@example.com", project_role::viewer, now_micros()).err().code,
              errc::not_found);
}

TEST_P(member_repository_contract, a_project_is_shared_with_at_most_the_cap) {
    for (int i = 0; i < member_repository::kMaxMembers; ++i) {
        std::string email = "m" + std::to_string(i) + "@example.com";
        make_user(email);
        ASSERT_TRUE(members->add(project_id, email, project_role::viewer, now_micros()).ok()) << i;
    }
    make_user("one-more@example.com");
    auto over = members->add(project_id, "one-more@example.com", project_role::viewer, now_micros());
    ASSERT_FALSE(over.ok());
    EXPECT_EQ(over.err().code, errc::invalid_argument);
    EXPECT_EQ(over.err().field, "email");
}

TEST_P(member_repository_contract, members_list_owner_first_in_pages_and_see_shared_projects) {
    std::vector<std::string> expected{owner.id};
    micros t = now_micros();
    for (int i = 0; i < 4; ++i) {
        user u = make_user("p" + std::to_string(i) + "@example.com");
        ASSERT_TRUE(members->add(project_id, u.email, project_role::viewer, t + 10 + i).ok());
        expected.push_back(u.id);
    }
    std::vector<std::string> seen;
    std::optional<cursor_key> after;
    for (int pages = 0; pages < 10; ++pages) {
        auto pg = members->list(project_id, 2, after);
        ASSERT_TRUE(pg.ok()) << pg.err().message;
        for (const auto& m : pg->items) seen.push_back(m.user_id);
        if (pg->next_cursor.empty()) break;
        after = decode_cursor(pg->next_cursor);
    }
    EXPECT_EQ(seen, expected);
    EXPECT_EQ(members->list(project_id, 1, std::nullopt)->items.at(0).role, "owner");

    // The member's own project list holds the shared project with the member's role, next to its own.
    project_repository projects(*db);
    user p0 = *user_repository(*db).find_by_email("p0@example.com");
    ASSERT_TRUE(projects.create({new_uuid(), p0.id, "Mine", "auto", now_micros() + 1000, 0}).ok());
    auto listed = projects.list(p0.id, 50, std::nullopt);
    ASSERT_TRUE(listed.ok()) << listed.err().message;
    ASSERT_EQ(listed->items.size(), 2u);
    EXPECT_EQ(listed->items[0].id, project_id);
    EXPECT_EQ(listed->items[0].role, "viewer");
    EXPECT_EQ(listed->items[0].document_count, 1);
    EXPECT_EQ(listed->items[1].role, "owner");
    EXPECT_EQ(projects.list(owner.id, 50, std::nullopt)->items.size(), 1u) << "the owner sees it once";

    ASSERT_TRUE(projects.remove(owner.id, project_id).ok());
    EXPECT_EQ(projects.list(p0.id, 50, std::nullopt)->items.size(), 1u) << "members go with the project";
    EXPECT_EQ(members->access(p0.id, access_target::project, project_id).err().code, errc::not_found);
}

INSTANTIATE_TEST_SUITE_P(backends, member_repository_contract,
                         ::testing::Values(backend_kind::sqlite, backend_kind::postgresql),
                         [](const auto& info) { return galley::testing::backend_label(info.param); });
