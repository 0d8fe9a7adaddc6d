// End-to-end: the admin API and the audit log over HTTP, on SQLite and PostgreSQL. An operator
// (made admin with `galley admin set-role`) searches users with their usage, changes a plan,
// disables an account, revokes every session of a user — whose access token stops working on the
// very next request — reads the month's usage per plan, and finds each of these actions, and the
// users' own, in the audit log with its request id and client address.
#include <cstdlib>
#include <set>

#include "tests/e2e/runs_fixture.hpp"

using namespace galley::testing;

class admin_api : public runs {
protected:
    void SetUp() override {
        runs::SetUp();
        if (IsSkipped()) return;
        launch({});
        admin = register_user(*g, "ops@example.com");
        const std::string cmd = galley_binary() + " admin set-role --db '" + db_url + "' ops@example.com admin >/dev/null 2>&1";
        ASSERT_EQ(std::system(cmd.c_str()), 0);
        ana = register_user(*g, "ana@example.com");
    }

    http_reply as(const api_user& u, const std::string& method, const std::string& target, const json& body = nullptr,
                  std::vector<std::pair<std::string, std::string>> headers = {}) {
        return g->request(method, target, body.is_null() ? std::string() : body.dump(), u.access_token, std::move(headers));
    }

    // The audit lines matching `query` (e.g. "action=auth.login"), every page.
    json audit_lines(const std::string& query) {
        json out = json::array();
        std::string cursor;
        for (int pages = 0; pages < 50; ++pages) {
            auto r = as(admin, "GET", "/api/v1/admin/audit?limit=2&" + query + (cursor.empty() ? "" : "&cursor=" + cursor));
            EXPECT_EQ(r.status, 200) << r.body;
            auto data = json_of(r)["data"];
            for (auto& line : data["items"]) out.push_back(line);
            if (!data["next_cursor"].is_string()) break;
            cursor = data["next_cursor"];
        }
        return out;
    }

    api_user admin, ana;
};

TEST_P(admin_api, only_admins_reach_the_admin_endpoints) {
    const std::vector<std::pair<std::string, std::string>> endpoints = {
        {"GET", "/api/v1/admin/users"},
        {"PATCH", "/api/v1/admin/users/" + ana.id},
        {"POST", "/api/v1/admin/users/" + ana.id + "/revoke-sessions"},
        {"GET", "/api/v1/admin/usage"},
        {"GET", "/api/v1/admin/audit"},
        {"GET", "/api/v1/admin/nodes"},
    };
    for (const auto& [method, target] : endpoints) {
        auto denied = g->request(method, target, method == "PATCH" ? R"({"plan": "pro"})" : "", ana.access_token);
        EXPECT_EQ(denied.status, 403) << method << " " << target;
        EXPECT_EQ(json_of(denied)["error"]["code"], "forbidden");
        EXPECT_EQ(g->request(method, target).status, 401) << method << " " << target;
    }
}

TEST_P(admin_api, admins_search_users_and_change_plan_role_and_access) {
    register_user(*g, "benito@example.org");
    auto found = json_of(as(admin, "GET", "/api/v1/admin/users?q=EXAMPLE.ORG"))["data"]["items"];
    ASSERT_EQ(found.size(), 1u) << found.dump();
    EXPECT_EQ(found[0]["email"], "benito@example.org");
    EXPECT_EQ(found[0]["disabled"], false);
    EXPECT_EQ(found[0]["usage"]["chars_used"], 0);
    EXPECT_EQ(found[0]["usage"]["chars_limit"], 500000);
    EXPECT_FALSE(found[0].contains("password_hash"));
    EXPECT_EQ(as(admin, "GET", "/api/v1/admin/users?plan=platinum").status, 400);

    auto upgraded = as(admin, "PATCH", "/api/v1/admin/users/" + ana.id, {{"plan", "pro"}});
    ASSERT_EQ(upgraded.status, 200) << upgraded.body;
    EXPECT_EQ(json_of(upgraded)["data"]["plan"], "pro");
    EXPECT_EQ(json_of(as(ana, "GET", "/api/v1/users/me"))["data"]["plan"], "pro") << "on the user's next request";
    EXPECT_EQ(json_of(as(admin, "GET", "/api/v1/admin/users?plan=pro"))["data"]["items"].size(), 1u);

    auto bad = as(admin, "PATCH", "/api/v1/admin/users/" + ana.id, {{"role", "root"}});
    EXPECT_EQ(bad.status, 422);
    EXPECT_EQ(json_of(bad)["error"]["details"]["field"], "role");
    EXPECT_EQ(as(admin, "PATCH", "/api/v1/admin/users/" + ana.id, {{"plan", "guest"}}).status, 422);
    EXPECT_EQ(as(admin, "PATCH", "/api/v1/admin/users/" + ana.id, {{"disabled", "yes"}}).status, 422);
    EXPECT_EQ(as(admin, "PATCH", "/api/v1/admin/users/" + admin.id, {{"disabled", true}}).status, 409)
        << "an admin cannot lock themselves out";
    EXPECT_EQ(as(admin, "PATCH", "/api/v1/admin/users/00000000-0000-4000-8000-000000000000", {{"plan", "pro"}}).status,
              404);

    ASSERT_EQ(as(admin, "PATCH", "/api/v1/admin/users/" + ana.id, {{"disabled", true}}).status, 200);
    EXPECT_EQ(as(ana, "GET", "/api/v1/users/me").status, 401) << "a disabled account's token is refused at once";
    json creds = {{"email", ana.email}, {"password", ana.password}};
    auto refused = g->request("POST", "/api/v1/auth/login", creds.dump());
    EXPECT_EQ(refused.status, 403) << refused.body;
    ASSERT_EQ(as(admin, "PATCH", "/api/v1/admin/users/" + ana.id, {{"disabled", false}}).status, 200);
    auto back = g->request("POST", "/api/v1/auth/login", creds.dump());
    ASSERT_EQ(back.status, 200) << back.body;
    EXPECT_EQ(g->request("GET", "/api/v1/users/me", {}, json_of(back)["data"]["access_token"]).status, 200);
    EXPECT_EQ(as(ana, "GET", "/api/v1/users/me").status, 401) << "tokens from before the lock stay dead";
}

TEST_P(admin_api, revoking_sessions_refuses_the_users_tokens_on_the_next_request) {
    json refresh = {{"refresh_token", ana.refresh_token}};
    ASSERT_EQ(as(ana, "GET", "/api/v1/projects").status, 200);
    auto revoked = as(admin, "POST", "/api/v1/admin/users/" + ana.id + "/revoke-sessions");
    ASSERT_EQ(revoked.status, 200) << revoked.body;
    EXPECT_EQ(as(ana, "GET", "/api/v1/projects").status, 401);
    EXPECT_EQ(g->request("POST", "/api/v1/auth/refresh", refresh.dump()).status, 401);
    EXPECT_EQ(as(admin, "GET", "/api/v1/projects").status, 200) << "other users keep their sessions";
    json creds = {{"email", ana.email}, {"password", ana.password}};
    auto again = g->request("POST", "/api/v1/auth/login", creds.dump());
    ASSERT_EQ(again.status, 200);
    EXPECT_EQ(g->request("GET", "/api/v1/projects", {}, json_of(again)["data"]["access_token"]).status, 200)
        << "a new sign-in works";
}

TEST_P(admin_api, usage_per_plan_counts_the_months_characters_documents_and_runs) {
    std::string project = create_project(*g, ana, "Uso");
    std::string doc = upload(ana, project, "uso.txt", "Un texto breve para contar caracteres.\n");
    auto started = start_run(ana, project, {doc});
    ASSERT_EQ(started.status, 202);
    ASSERT_EQ(wait_final(ana, json_of(started)["data"]["id"])["status"], "succeeded");
    auto usage = as(admin, "GET", "/api/v1/admin/usage");
    ASSERT_EQ(usage.status, 200) << usage.body;
    const json plans = json_of(usage)["data"]["plans"];
    json free_plan;
    for (const auto& p : plans)
        if (p["plan"] == "free") free_plan = p;
    ASSERT_TRUE(free_plan.is_object()) << usage.body;
    EXPECT_EQ(free_plan["users"], 2) << "ana and the admin";
    EXPECT_GT(free_plan["chars"].get<long>(), 30);
    EXPECT_EQ(free_plan["documents"], 1);
    EXPECT_EQ(free_plan["runs"], 1);
    EXPECT_EQ(json_of(as(admin, "GET", "/api/v1/admin/usage?period=2001-01"))["data"]["total"]["runs"], 0);
    EXPECT_EQ(as(admin, "GET", "/api/v1/admin/usage?period=2026-13").status, 400);
}

TEST_P(admin_api, the_audit_log_records_who_did_what_from_where) {
    std::string project = create_project(*g, ana, "Auditado");
    auto up = g->request("POST", "/api/v1/projects/" + project + "/documents?filename=a.txt", "Un texto.\n",
                         ana.access_token, {{"X-Request-Id", "upload-request-1"}});
    ASSERT_EQ(up.status, 201) << up.body;
    std::string doc = json_of(up)["data"]["id"];
    json wrong = {{"email", ana.email}, {"password", "not the password"}};
    EXPECT_EQ(g->request("POST", "/api/v1/auth/login", wrong.dump()).status, 401);
    ASSERT_EQ(as(ana, "DELETE", "/api/v1/documents/" + doc).status, 200);
    ASSERT_EQ(as(admin, "PATCH", "/api/v1/admin/users/" + ana.id, {{"plan", "pro"}}).status, 200);
    ASSERT_EQ(as(admin, "POST", "/api/v1/admin/users/" + ana.id + "/revoke-sessions").status, 200);

    auto uploads = audit_lines("action=document.upload");
    ASSERT_EQ(uploads.size(), 1u) << uploads.dump();
    EXPECT_EQ(uploads[0]["actor_id"], ana.id);
    EXPECT_EQ(uploads[0]["target"], doc);
    EXPECT_EQ(uploads[0]["request_id"], "upload-request-1");
    EXPECT_EQ(uploads[0]["client_address"], "127.0.0.1");
    EXPECT_EQ(uploads[0]["details"]["filename"], "a.txt");

    auto anas = audit_lines("user_id=" + ana.id);
    std::vector<std::string> actions;
    for (const auto& l : anas) actions.push_back(l["action"]);
    EXPECT_EQ(actions, (std::vector<std::string>{"auth.register", "project.create", "document.upload", "document.delete"}))
        << "in time order, across pages";

    auto failed = audit_lines("action=auth.login_failed");
    ASSERT_EQ(failed.size(), 1u);
    EXPECT_TRUE(failed[0]["actor_id"].is_null());
    EXPECT_EQ(failed[0]["target"], ana.email);

    auto by_admin = audit_lines("user_id=" + admin.id + "&action=admin.user_update");
    ASSERT_EQ(by_admin.size(), 1u);
    EXPECT_EQ(by_admin[0]["target"], ana.id);
    EXPECT_EQ(by_admin[0]["details"]["plan"], "pro");
    EXPECT_EQ(audit_lines("action=admin.revoke_sessions").size(), 1u);

    const std::string at = uploads[0]["at"];  // as typed: RFC 3986 lets ':' stand in a query
    std::string encoded = at;
    for (std::size_t i = encoded.find(':'); i != std::string::npos; i = encoded.find(':', i)) encoded.replace(i, 1, "%3A");
    EXPECT_EQ(audit_lines("action=document.upload&since=" + at).size(), 1u) << "since is inclusive";
    EXPECT_EQ(audit_lines("action=document.upload&until=" + encoded).size(), 0u) << "until is exclusive";
    EXPECT_EQ(as(admin, "GET", "/api/v1/admin/audit?since=yesterday").status, 400);
    EXPECT_EQ(as(admin, "GET", "/api/v1/admin/audit?user_id=42").status, 400);
}

TEST_P(admin_api, a_feature_flag_turns_the_tracked_changes_export_off_for_one_account) {
    auto known = as(admin, "GET", "/api/v1/admin/feature-flags");
    ASSERT_EQ(known.status, 200) << known.body;
    EXPECT_EQ(json_of(known)["data"]["known"][0]["name"], "tracked_changes_export");
    EXPECT_EQ(json_of(known)["data"]["known"][0]["default"], true);
    EXPECT_TRUE(json_of(known)["data"]["flags"].empty());

    json off = {{"flags", {{{"name", "tracked_changes_export"}, {"enabled", false}, {"user_id", ana.id}}}}};
    auto set = as(admin, "PUT", "/api/v1/admin/feature-flags", off);
    ASSERT_EQ(set.status, 200) << set.body;
    EXPECT_EQ(json_of(set)["data"]["flags"][0]["user_id"], ana.id);
    EXPECT_EQ(json_of(as(ana, "GET", "/api/v1/users/me"))["data"]["features"]["tracked_changes_export"], false);
    EXPECT_EQ(json_of(as(admin, "GET", "/api/v1/users/me"))["data"]["features"]["tracked_changes_export"], true);

    // The same DOCX corrected for both: only the admin's run writes the tracked-changes copy.
    const std::string docx = slurp(GALLEY_CORPUS_DIR "/docx/mammoth__tables.docx");
    auto kinds_for = [&](const api_user& u) {
        std::string project = create_project(*g, u, "Banderas");
        std::string doc = upload(u, project, "tablas.docx", docx);
        auto started = start_run(u, project, {doc});
        EXPECT_EQ(started.status, 202) << started.body;
        std::string run = json_of(started)["data"]["id"];
        EXPECT_EQ(wait_final(u, run)["status"], "succeeded");
        std::set<std::string> kinds;
        for (const auto& e : exports_of(u, run)) kinds.insert(e["kind"].get<std::string>());
        return kinds;
    };
    EXPECT_EQ(kinds_for(ana).count("tracked_docx"), 0u);
    EXPECT_EQ(kinds_for(admin).count("tracked_docx"), 1u);

    auto bad_name = as(admin, "PUT", "/api/v1/admin/feature-flags", {{"flags", {{{"name", "nope"}, {"enabled", true}}}}});
    EXPECT_EQ(bad_name.status, 422);
    EXPECT_EQ(json_of(bad_name)["error"]["details"]["field"], "flags[0].name");
    EXPECT_EQ(as(admin, "PUT", "/api/v1/admin/feature-flags",
                 {{"flags", {{{"name", "tracked_changes_export"}, {"enabled", "no"}}}}})
                  .status,
              422);
    EXPECT_EQ(as(ana, "PUT", "/api/v1/admin/feature-flags", off).status, 403);
    json cleared = {{"flags", {{{"name", "tracked_changes_export"}, {"enabled", nullptr}, {"user_id", ana.id}}}}};
    ASSERT_EQ(as(admin, "PUT", "/api/v1/admin/feature-flags", cleared).status, 200);
    EXPECT_EQ(json_of(as(ana, "GET", "/api/v1/users/me"))["data"]["features"]["tracked_changes_export"], true)
        << "removing the setting brings back the default";
    EXPECT_EQ(audit_lines("action=admin.feature_flags").size(), 2u);
}

INSTANTIATE_TEST_SUITE_P(backends, admin_api, ::testing::Values(backend_kind::sqlite, backend_kind::postgresql),
                         [](const auto& info) { return backend_label(info.param); });
