// End-to-end: the real binary over HTTP, on SQLite and PostgreSQL: register → project → upload →
// download, auth rotation, cross-user isolation, restarts.
#include <gtest/gtest.h>

#include <sys/stat.h>

#include <chrono>
#include <thread>

#include "tests/support/api_session.hpp"
#include "tests/support/scratch_db.hpp"
#include "tests/support/zip_builder.hpp"

using namespace galley::testing;
using nlohmann::json;

class api_flow : public ::testing::TestWithParam<backend_kind> {
protected:
    void SetUp() override {
        db_url = scratch_database_url(GetParam());
        if (db_url.empty()) GTEST_SKIP() << "GALLEY_TEST_PG is not set (scripts/test.sh sets it)";
        dir = make_temp_dir("galley-e2e");
        g = std::make_unique<galley_process>(dir, db_url);
        ASSERT_TRUE(g->start()) << g->log();
    }
    std::string db_url, dir;
    std::unique_ptr<galley_process> g;
};

TEST_P(api_flow, register_project_upload_download_delete) {
    auto ana = register_user(*g, "Ana@Example.com");
    auto me = json_of(g->request("GET", "/api/v1/users/me", {}, ana.access_token));
    EXPECT_EQ(me["data"]["email"], "ana@example.com");
    EXPECT_EQ(me["data"]["plan"], "free");
    EXPECT_EQ(me["data"]["role"], "user");
    EXPECT_EQ(me["data"]["usage"]["chars_used"], 0);
    EXPECT_EQ(me["data"]["usage"]["chars_limit"], 500000);
    EXPECT_FALSE(me["data"].contains("password_hash"));

    std::string project = create_project(*g, ana, "La Regenta");
    std::string novel = slurp(GALLEY_CORPUS_DIR "/text/es__la_regenta.txt");
    auto up = upload_raw(*g, ana, project, "regenta.txt", novel);
    ASSERT_EQ(up.status, 201) << up.body;
    auto doc = json_of(up)["data"];
    EXPECT_EQ(doc["format"], "txt");
    EXPECT_EQ(doc["size"], novel.size());
    EXPECT_EQ(doc["language"], "es");
    EXPECT_GT(doc["word_count"].get<long>(), 100000);

    std::string docx = slurp(GALLEY_CORPUS_DIR "/docx/mammoth__tables.docx");
    auto up2 = upload_multipart(*g, ana, project, "tablas.txt", docx);  // the extension lies
    ASSERT_EQ(up2.status, 201) << up2.body;
    EXPECT_EQ(json_of(up2)["data"]["format"], "docx");
    std::string docx_id = json_of(up2)["data"]["id"];

    auto list = json_of(g->request("GET", "/api/v1/projects/" + project + "/documents?limit=1", {}, ana.access_token));
    ASSERT_EQ(list["data"]["items"].size(), 1u);
    ASSERT_TRUE(list["data"]["next_cursor"].is_string());
    auto page2 = json_of(g->request("GET", "/api/v1/projects/" + project + "/documents?limit=1&cursor=" +
                                               list["data"]["next_cursor"].get<std::string>(), {}, ana.access_token));
    ASSERT_EQ(page2["data"]["items"].size(), 1u);
    EXPECT_EQ(page2["data"]["items"][0]["id"], docx_id);
    EXPECT_TRUE(page2["data"]["next_cursor"].is_null());

    auto content = g->request("GET", "/api/v1/documents/" + docx_id + "/content", {}, ana.access_token);
    EXPECT_EQ(content.status, 200);
    EXPECT_EQ(content.body, docx);
    EXPECT_NE(content.header("content-disposition").find("tablas.txt"), std::string::npos);
    EXPECT_EQ(json_of(g->request("GET", "/api/v1/projects/" + project, {}, ana.access_token))["data"]["document_count"], 2);

    auto patched = g->request("PATCH", "/api/v1/projects/" + project, R"({"name":"Regenta","language":"es"})", ana.access_token);
    EXPECT_EQ(json_of(patched)["data"]["language"], "es");
    EXPECT_EQ(g->request("PATCH", "/api/v1/projects/" + project, R"({"language":"fr"})", ana.access_token).status, 422);

    EXPECT_EQ(g->request("DELETE", "/api/v1/documents/" + docx_id, {}, ana.access_token).status, 200);
    EXPECT_EQ(g->request("GET", "/api/v1/documents/" + docx_id, {}, ana.access_token).status, 404);
    EXPECT_EQ(stored_blob_count(*g), 2) << "the file waits for the collector: an export may share it";
    EXPECT_EQ(g->request("DELETE", "/api/v1/projects/" + project, {}, ana.access_token).status, 200);
    EXPECT_EQ(stored_blob_count(*g), 0) << "deleting a project removes its files";
    EXPECT_EQ(g->request("GET", "/api/v1/projects/" + project, {}, ana.access_token).status, 404);
}

TEST_P(api_flow, refresh_tokens_rotate_and_reuse_revokes_the_family) {
    auto u = register_user(*g, "rot@example.com");
    auto r1 = g->request("POST", "/api/v1/auth/refresh", json{{"refresh_token", u.refresh_token}}.dump());
    ASSERT_EQ(r1.status, 200) << r1.body;
    std::string second = json_of(r1)["data"]["refresh_token"];
    EXPECT_NE(second, u.refresh_token);
    // Replaying the first token is a theft signal: it fails and takes the second one down too.
    EXPECT_EQ(g->request("POST", "/api/v1/auth/refresh", json{{"refresh_token", u.refresh_token}}.dump()).status, 401);
    EXPECT_EQ(g->request("POST", "/api/v1/auth/refresh", json{{"refresh_token", second}}.dump()).status, 401);

    auto login = g->request("POST", "/api/v1/auth/login", json{{"email", "ROT@example.com"}, {"password", u.password}}.dump());
    ASSERT_EQ(login.status, 200) << login.body;
    std::string fresh = json_of(login)["data"]["refresh_token"];
    EXPECT_EQ(g->request("POST", "/api/v1/auth/logout", json{{"refresh_token", fresh}}.dump()).status, 200);
    EXPECT_EQ(g->request("POST", "/api/v1/auth/refresh", json{{"refresh_token", fresh}}.dump()).status, 401);
}

TEST_P(api_flow, auth_errors_use_the_api_codes) {
    register_user(*g, "dup@example.com");
    auto dup = g->request("POST", "/api/v1/auth/register", R"({"email":"DUP@example.com","password":"12345678"})");
    EXPECT_EQ(dup.status, 409);
    EXPECT_EQ(json_of(dup)["error"]["code"], "conflict");
    auto wrong = g->request("POST", "/api/v1/auth/login", R"({"email":"dup@example.com","password":"wrong-password"})");
    EXPECT_EQ(wrong.status, 401);
    EXPECT_EQ(g->request("POST", "/api/v1/auth/login", R"({"email":"nobody@example.com","password":"whatever1"})").status, 401);
    auto malformed = g->request("POST", "/api/v1/auth/register", "{\"email\": ");
    EXPECT_EQ(malformed.status, 400);
    EXPECT_EQ(json_of(malformed)["error"]["code"], "bad_request");
    auto short_pw = g->request("POST", "/api/v1/auth/register", R"({"email":"x@example.com","password":"short"})");
    EXPECT_EQ(short_pw.status, 422);
    EXPECT_EQ(json_of(short_pw)["error"]["details"]["field"], "password");
    auto bad_email = g->request("POST", "/api/v1/auth/register", R"({"email":"not-an-email","password":"12345678"})");
    EXPECT_EQ(json_of(bad_email)["error"]["details"]["field"], "email");
    EXPECT_EQ(g->request("GET", "/api/v1/users/me").status, 401);
    EXPECT_EQ(g->request("GET", "/api/v1/users/me", {}, "garbage.token.here").status, 401);
    EXPECT_EQ(g->request("GET", "/api/v1/projects?limit=9999", {}, register_user(*g, "l@example.com").access_token).status, 400);
}

TEST_P(api_flow, users_never_see_each_others_resources) {
    auto ana = register_user(*g, "ana2@example.com");
    auto bob = register_user(*g, "bob@example.com");
    std::string project = create_project(*g, ana, "Private");
    auto up = upload_raw(*g, ana, project, "secret.txt", "Texto privado.\n");
    std::string doc = json_of(up)["data"]["id"];
    for (auto [method, target] : std::vector<std::pair<std::string, std::string>>{
             {"GET", "/api/v1/projects/" + project},
             {"PATCH", "/api/v1/projects/" + project},
             {"DELETE", "/api/v1/projects/" + project},
             {"GET", "/api/v1/projects/" + project + "/documents"},
             {"POST", "/api/v1/projects/" + project + "/documents?filename=x.txt"},
             {"GET", "/api/v1/documents/" + doc},
             {"GET", "/api/v1/documents/" + doc + "/content"},
             {"DELETE", "/api/v1/documents/" + doc}}) {
        std::string body = method == "PATCH" ? R"({"name":"mine"})" : method == "POST" ? "hola" : "";
        auto r = g->request(method, target, body, bob.access_token);
        EXPECT_EQ(r.status, 404) << method << " " << target << " " << r.body;
    }
    EXPECT_TRUE(json_of(g->request("GET", "/api/v1/projects", {}, bob.access_token))["data"]["items"].empty());
    EXPECT_EQ(g->request("GET", "/api/v1/documents/" + doc + "/content", {}, ana.access_token).body, "Texto privado.\n");
}

TEST_P(api_flow, data_and_sessions_survive_a_restart) {
    auto u = register_user(*g, "keep@example.com");
    std::string project = create_project(*g, u, "Keep");
    ASSERT_EQ(upload_raw(*g, u, project, "a.txt", "Hello there.\n").status, 201);
    EXPECT_EQ(g->stop(), 0) << "SIGTERM is a clean shutdown";
    struct stat st{};
    ASSERT_EQ(::stat((dir + "/storage/jwt_secret").c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u);
    ASSERT_TRUE(g->start()) << g->log();
    EXPECT_EQ(g->request("GET", "/api/v1/users/me", {}, u.access_token).status, 200) << "the secret was kept";
    auto docs = json_of(g->request("GET", "/api/v1/projects/" + project + "/documents", {}, u.access_token));
    EXPECT_EQ(docs["data"]["items"].size(), 1u);
}

INSTANTIATE_TEST_SUITE_P(backends, api_flow, ::testing::Values(backend_kind::sqlite, backend_kind::postgresql),
                         [](const auto& info) { return backend_label(info.param); });

TEST_P(api_flow, settings_are_validated_and_become_run_defaults) {
    auto u = register_user(*g, "settings@example.com");
    auto defaults = json_of(g->request("GET", "/api/v1/users/me/settings", {}, u.access_token));
    EXPECT_EQ(defaults["data"]["language"], "auto");
    EXPECT_EQ(defaults["data"]["tracked_changes"], true);
    EXPECT_TRUE(defaults["data"]["webhook_url"].is_null());
    auto bad_lang = g->request("PUT", "/api/v1/users/me/settings", R"({"language":"fr"})", u.access_token);
    EXPECT_EQ(bad_lang.status, 422);
    EXPECT_EQ(json_of(bad_lang)["error"]["details"]["field"], "language");
    EXPECT_EQ(json_of(g->request("PUT", "/api/v1/users/me/settings", R"({"rules_disabled":["NO_SUCH_RULE"]})",
                                 u.access_token))["error"]["details"]["field"], "rules_disabled");
    EXPECT_EQ(json_of(g->request("PUT", "/api/v1/users/me/settings", R"({"webhook_url":"ftp://x"})",
                                 u.access_token))["error"]["details"]["field"], "webhook_url");

    auto rules = json_of(g->request("GET", "/api/v1/rules?language=es", {}, u.access_token));
    ASSERT_FALSE(rules["data"]["items"].empty());
    for (const auto& r : rules["data"]["items"]) EXPECT_NE(r["language"], "en");
    EXPECT_EQ(g->request("GET", "/api/v1/rules?language=xx", {}, u.access_token).status, 400);
    std::string some_rule = rules["data"]["items"][0]["id"];

    auto saved = g->request("PUT", "/api/v1/users/me/settings",
                            json{{"language", "es"}, {"tracked_changes", false}, {"rules_disabled", {some_rule}},
                                 {"webhook_url", "https://hooks.example.com/galley"}}.dump(),
                            u.access_token);
    ASSERT_EQ(saved.status, 200) << saved.body;
    EXPECT_EQ(json_of(g->request("GET", "/api/v1/users/me/settings", {}, u.access_token))["data"]["tracked_changes"], false);

    // A run without options takes the saved defaults: no tracked copy of the DOCX.
    std::string project = create_project(*g, u, "Defaults");
    ASSERT_EQ(upload_multipart(*g, u, project, "t.docx", slurp(GALLEY_CORPUS_DIR "/docx/mammoth__tables.docx")).status, 201);
    auto run = g->request("POST", "/api/v1/projects/" + project + "/runs", {}, u.access_token);
    ASSERT_EQ(run.status, 202) << run.body;
    std::string run_id = json_of(run)["data"]["id"];
    std::string status;
    for (int i = 0; i < 600 && status != "succeeded"; ++i) {
        status = json_of(g->request("GET", "/api/v1/runs/" + run_id, {}, u.access_token))["data"]["status"];
        if (status != "succeeded") std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    ASSERT_EQ(status, "succeeded");
    auto exports = json_of(g->request("GET", "/api/v1/runs/" + run_id + "/exports", {}, u.access_token));
    for (const auto& e : exports["data"]["items"]) EXPECT_NE(e["kind"], "tracked_docx");
    EXPECT_GE(exports["data"]["items"].size(), 4u);
}

// A guest works on the guest plan without an account, then claims one and keeps its projects.
TEST_P(api_flow, a_guest_works_then_claims_an_account_keeping_its_projects) {
    auto made = g->request("POST", "/api/v1/auth/guest");
    ASSERT_EQ(made.status, 201) << made.body;
    json session = json_of(made)["data"];
    EXPECT_EQ(session["user"]["plan"], "guest");
    EXPECT_TRUE(session["user"]["email"].is_null()) << "a guest has no address until it claims one";
    api_user guest{"", "", session["user"]["id"], session["access_token"], session["refresh_token"]};
    auto me = json_of(g->request("GET", "/api/v1/users/me", {}, guest.access_token));
    EXPECT_EQ(me["data"]["plan"], "guest");
    EXPECT_EQ(me["data"]["usage"]["chars_limit"], 20000);

    std::string project = create_project(*g, guest, "Borrador");
    ASSERT_EQ(upload_raw(*g, guest, project, "nota.txt", "Una nota breve para probar.\n").status, 201);
    auto big = upload_raw(*g, guest, project, "big.txt", std::string(3 << 20, 'a'));
    EXPECT_EQ(big.status, 413) << "the guest plan's 2 MB upload limit";

    register_user(*g, "taken@example.com");
    auto taken = g->request("POST", "/api/v1/auth/claim", R"({"email":"taken@example.com","password":"guest-password"})",
                            guest.access_token);
    EXPECT_EQ(taken.status, 409);
    auto weak = g->request("POST", "/api/v1/auth/claim", R"({"email":"mine@example.com","password":"short"})",
                           guest.access_token);
    EXPECT_EQ(weak.status, 422);
    EXPECT_EQ(json_of(weak)["error"]["details"]["field"], "password");
    EXPECT_EQ(g->request("POST", "/api/v1/auth/claim", R"({"email":"mine@example.com","password":"guest-password"})").status,
              401) << "claiming needs the guest's token";

    auto claimed = g->request("POST", "/api/v1/auth/claim", R"({"email":"Mine@Example.com","password":"guest-password"})",
                              guest.access_token);
    ASSERT_EQ(claimed.status, 200) << claimed.body;
    json now_user = json_of(claimed)["data"]["user"];
    EXPECT_EQ(now_user["id"], guest.id) << "the same user, now with an account";
    EXPECT_EQ(now_user["plan"], "free");
    EXPECT_EQ(now_user["email"], "mine@example.com");
    auto stale = g->request("POST", "/api/v1/auth/refresh",
                            nlohmann::json{{"refresh_token", guest.refresh_token}}.dump());
    EXPECT_EQ(stale.status, 401) << "claiming revokes the guest's refresh tokens";

    auto login = g->request("POST", "/api/v1/auth/login", R"({"email":"mine@example.com","password":"guest-password"})");
    ASSERT_EQ(login.status, 200) << login.body;
    std::string token = json_of(login)["data"]["access_token"];
    auto projects = json_of(g->request("GET", "/api/v1/projects", {}, token));
    ASSERT_EQ(projects["data"]["items"].size(), 1u);
    EXPECT_EQ(projects["data"]["items"][0]["id"], project) << "the guest's project is kept";
    auto again = g->request("POST", "/api/v1/auth/claim", R"({"email":"other@example.com","password":"guest-password"})", token);
    EXPECT_EQ(again.status, 409) << "only a guest can claim";
    EXPECT_EQ(json_of(again)["error"]["code"], "conflict");
}
