// End-to-end: a project shared by its owner with an editor, a reviewer and a viewer, and a
// registered stranger, on SQLite and PostgreSQL. Every endpoint of a project's resources is tried
// as each of the five: each cell of docs/permissions.md is one request, allowed (its success
// status), forbidden (403) or hidden (404 for the stranger).
#include <atomic>

#include "domain/project_roles.hpp"
#include "tests/e2e/runs_fixture.hpp"

using namespace galley::testing;
using galley::project_action;

namespace {
// One endpoint: how to build the request (fresh resources for a destructive one), the least
// action it needs, and what it answers when allowed.
struct endpoint {
    const char* method;
    std::function<std::pair<std::string, std::string>()> target_and_body;
    project_action needed;
    int allowed_status;
};
}  // namespace

class permissions : public runs {
protected:
    void SetUp() override {
        runs::SetUp();
        if (IsSkipped()) return;
        launch({});
        owner = register_user(*g, "owner@example.com");
        editor = register_user(*g, "editor@example.com");
        reviewer = register_user(*g, "reviewer@example.com");
        viewer = register_user(*g, "viewer@example.com");
        stranger = register_user(*g, "stranger@example.com");
        project = create_project(*g, owner, "Manuscrito compartido");
        document = upload(owner, project, "capitulo.txt", "El tren salió tarde y llego de noche.\n");
        auto started = start_run(owner, project, {document});
        ASSERT_EQ(started.status, 202) << started.body;
        run = json_of(started)["data"]["id"];
        ASSERT_EQ(wait_final(owner, run)["status"], "succeeded");
        auto suggestions = json_of(g->request("GET", "/api/v1/runs/" + run + "/suggestions", {}, owner.access_token));
        ASSERT_FALSE(suggestions["data"]["items"].empty()) << suggestions.dump();
        suggestion = suggestions["data"]["items"][0]["id"];
        export_id = exports_of(owner, run).at(0)["id"];
        share(editor, "editor");
        share(reviewer, "reviewer");
        share(viewer, "viewer");
    }

    void share(const api_user& u, const std::string& role) {
        json body = {{"email", u.email}, {"role", role}};
        auto r = g->request("POST", "/api/v1/projects/" + project + "/members", body.dump(), owner.access_token);
        ASSERT_EQ(r.status, 201) << r.body;
        EXPECT_EQ(json_of(r)["data"]["role"], role);
    }

    api_user owner, editor, reviewer, viewer, stranger;
    std::string project, document, run, suggestion, export_id;
};

TEST_P(permissions, every_endpoint_answers_each_role_as_the_permission_table_says) {
    const std::string p = "/api/v1/projects/" + project, d = "/api/v1/documents/" + document,
                      r = "/api/v1/runs/" + run;
    api_user spare = register_user(*g, "spare@example.com");
    share(spare, "viewer");
    std::atomic<int> fresh{0};
    auto fixed = [](std::string target, std::string body = {}) {
        return [target, body] { return std::pair{target, body}; };
    };
    auto fresh_document = [&] {
        return upload(owner, project, "borrable.txt", "Un texto que se borra.\n");
    };
    const std::vector<endpoint> endpoints = {
        {"GET", fixed(p), project_action::read, 200},
        {"GET", fixed(p + "/members"), project_action::read, 200},
        {"GET", fixed(p + "/documents"), project_action::read, 200},
        {"GET", fixed(d), project_action::read, 200},
        {"GET", fixed(d + "/content"), project_action::read, 200},
        {"GET", fixed(p + "/runs"), project_action::read, 200},
        {"GET", fixed(r), project_action::read, 200},
        {"GET", fixed(r + "/exports"), project_action::read, 200},
        {"GET", fixed(r + "/exports/" + export_id + "/download"), project_action::read, 200},
        {"GET", fixed(r + "/changelog.csv"), project_action::read, 200},
        {"GET", fixed(r + "/summary.md"), project_action::read, 200},
        {"GET", fixed(r + "/suggestions"), project_action::read, 200},
        {"GET", fixed(r + "/reviews/history"), project_action::read, 200},
        {"GET", fixed(p + "/dictionary"), project_action::read, 200},
        {"GET", fixed(r + "/preview?document_id=" + document), project_action::review, 200},
        {"POST",
         fixed(r + "/reviews",
               json{{"decisions", {{{"suggestion_id", suggestion}, {"decision", "accepted"}}}}}.dump()),
         project_action::review, 200},
        {"POST", fixed(r + "/reviews/bulk", R"({"filter": {"category": "style"}, "decision": "rejected"})"),
         project_action::review, 200},
        {"POST", fixed(p + "/dictionary/words", R"({"word": "Vetusta"})"), project_action::review, 200},
        {"POST", fixed(p + "/documents?filename=nuevo.txt", "Un texto nuevo.\n"), project_action::edit, 201},
        {"DELETE", [&] { return std::pair{"/api/v1/documents/" + fresh_document(), std::string()}; },
         project_action::edit, 200},
        {"POST", fixed(p + "/runs", json{{"document_ids", {document}}}.dump()), project_action::edit, 202},
        {"POST", fixed(r + "/cancel"), project_action::edit, 409},  // allowed, but the run has finished
        {"POST", fixed(r + "/finalize"), project_action::edit, 200},
        {"GET", fixed(r + "/reviews/export"), project_action::edit, 200},
        {"PUT", fixed(p + "/dictionary", R"({"words": ["Vetusta", "Ozores"]})"), project_action::edit, 200},
        {"PATCH", fixed(p, R"({"name": "Renombrado"})"), project_action::manage, 200},
        {"POST",
         [&] {
             api_user u = register_user(*g, "new" + std::to_string(++fresh) + "@example.com");
             return std::pair{p + "/members", json{{"email", u.email}, {"role", "viewer"}}.dump()};
         },
         project_action::manage, 201},
        {"PUT", fixed(p + "/members/" + spare.id, R"({"role": "reviewer"})"), project_action::manage, 200},
        {"DELETE", fixed(p + "/members/" + spare.id), project_action::manage, 200},
        {"DELETE", fixed(p), project_action::manage, 200},  // last: the project is gone after it
    };
    // The owner goes last, so what it destroys is still there for the others' attempts.
    const std::vector<std::pair<const api_user*, galley::project_role>> callers = {
        {&viewer, galley::project_role::viewer},
        {&reviewer, galley::project_role::reviewer},
        {&editor, galley::project_role::editor},
        {&owner, galley::project_role::owner},
    };
    int cells = 0;
    for (const endpoint& e : endpoints) {
        {
            auto [target, body] = e.target_and_body();
            auto reply = g->request(e.method, target, body, stranger.access_token);
            EXPECT_EQ(reply.status, 404) << "stranger " << e.method << " " << target << ": " << reply.body;
            ++cells;
        }
        for (const auto& [who, role] : callers) {
            auto [target, body] = e.target_and_body();
            auto reply = g->request(e.method, target, body, who->access_token);
            const bool allowed = galley::role_allows(role, e.needed);
            EXPECT_EQ(reply.status, allowed ? e.allowed_status : 403)
                << galley::role_name(role) << " " << e.method << " " << target << ": " << reply.body;
            if (!allowed) {
                EXPECT_EQ(json_of(reply)["error"]["code"], "forbidden");
            }
            ++cells;
        }
    }
    EXPECT_EQ(cells, 5 * static_cast<int>(endpoints.size()));
}

TEST_P(permissions, members_see_the_shared_project_with_their_role_and_lose_it_when_removed) {
    auto listed = json_of(g->request("GET", "/api/v1/projects", {}, reviewer.access_token));
    ASSERT_EQ(listed["data"]["items"].size(), 1u) << listed.dump();
    EXPECT_EQ(listed["data"]["items"][0]["id"], project);
    EXPECT_EQ(listed["data"]["items"][0]["role"], "reviewer");
    EXPECT_EQ(json_of(g->request("GET", "/api/v1/projects/" + project, {}, owner.access_token))["data"]["role"],
              "owner");
    EXPECT_TRUE(json_of(g->request("GET", "/api/v1/projects", {}, stranger.access_token))["data"]["items"].empty());

    auto members = json_of(g->request("GET", "/api/v1/projects/" + project + "/members", {}, viewer.access_token));
    ASSERT_EQ(members["data"]["items"].size(), 4u) << members.dump();
    EXPECT_EQ(members["data"]["items"][0]["user_id"], owner.id);
    EXPECT_EQ(members["data"]["items"][0]["role"], "owner");

    // The reviewer's decision is recorded as the reviewer's, not the owner's.
    json decision = {{"decisions", {{{"suggestion_id", suggestion}, {"decision", "rejected"}}}}};
    ASSERT_EQ(g->request("POST", "/api/v1/runs/" + run + "/reviews", decision.dump(), reviewer.access_token).status, 200);
    auto history = json_of(g->request("GET", "/api/v1/runs/" + run + "/reviews/history", {}, owner.access_token));
    ASSERT_FALSE(history["data"]["items"].empty());
    EXPECT_EQ(history["data"]["items"].back()["user_id"], reviewer.id);

    // A member may leave; the owner removes the others; either takes effect on the next request.
    EXPECT_EQ(g->request("DELETE", "/api/v1/projects/" + project + "/members/" + reviewer.id, {}, viewer.access_token)
                  .status,
              403);
    EXPECT_EQ(g->request("DELETE", "/api/v1/projects/" + project + "/members/" + viewer.id, {}, viewer.access_token)
                  .status,
              200);
    EXPECT_EQ(g->request("GET", "/api/v1/runs/" + run, {}, viewer.access_token).status, 404);
    EXPECT_EQ(g->request("GET", "/api/v1/runs/" + run, {}, reviewer.access_token).status, 200);
    EXPECT_EQ(g->request("DELETE", "/api/v1/projects/" + project + "/members/" + reviewer.id, {}, owner.access_token)
                  .status,
              200);
    EXPECT_EQ(g->request("GET", "/api/v1/runs/" + run, {}, reviewer.access_token).status, 404);
    EXPECT_TRUE(json_of(g->request("GET", "/api/v1/projects", {}, reviewer.access_token))["data"]["items"].empty());
}

TEST_P(permissions, sharing_refuses_bad_roles_unknown_addresses_and_duplicates) {
    const std::string members = "/api/v1/projects/" + project + "/members";
    auto add = [&](const json& body) { return g->request("POST", members, body.dump(), owner.access_token); };
    EXPECT_EQ(add({{"email", "nobody@example.com"}, {"role", "viewer"}}).status, 404);
    auto owner_role = add({{"email", stranger.email}, {"role", "owner"}});
    EXPECT_EQ(owner_role.status, 422);
    EXPECT_EQ(json_of(owner_role)["error"]["details"]["field"], "role");
    EXPECT_EQ(add({{"email", "not an address"}, {"role", "viewer"}}).status, 422);
    EXPECT_EQ(add({{"email", editor.email}, {"role", "viewer"}}).status, 409) << "already a member";
    EXPECT_EQ(add({{"email", owner.email}, {"role", "editor"}}).status, 409) << "the owner";
    EXPECT_EQ(add({{"email", "STRANGER@Example.com"}, {"role", "viewer"}}).status, 201) << "addresses ignore case";
    EXPECT_EQ(g->request("PUT", members + "/" + owner.id, R"({"role": "viewer"})", owner.access_token).status, 404);
}

// Work a member does is the owner's: stored, counted and charged on the owner's account.
TEST_P(permissions, an_editors_run_is_charged_to_the_owner) {
    auto before = json_of(g->request("GET", "/api/v1/users/me", {}, owner.access_token))["data"]["usage"]["chars_used"];
    auto started = start_run(editor, project, {document});
    ASSERT_EQ(started.status, 202) << started.body;
    std::string second = json_of(started)["data"]["id"];
    EXPECT_EQ(wait_final(editor, second)["status"], "succeeded");
    auto after = json_of(g->request("GET", "/api/v1/users/me", {}, owner.access_token))["data"]["usage"]["chars_used"];
    EXPECT_GT(after.get<long>(), before.get<long>());
    EXPECT_EQ(json_of(g->request("GET", "/api/v1/users/me", {}, editor.access_token))["data"]["usage"]["chars_used"], 0);
}

INSTANTIATE_TEST_SUITE_P(backends, permissions, ::testing::Values(backend_kind::sqlite, backend_kind::postgresql),
                         [](const auto& info) { return backend_label(info.param); });
