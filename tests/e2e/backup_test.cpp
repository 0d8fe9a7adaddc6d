// End-to-end: `galley backup` of a live server while a run is going, `galley restore` into a
// fresh database and storage directory, and a server started on the restored copy that finds
// every user, project, document, run, export, decision and stored file intact — on SQLite and
// PostgreSQL. Restore refuses a damaged backup and a target that is not empty.
#include <cstdlib>
#include <fstream>

#include "domain/sha256.hpp"
#include "tests/e2e/runs_fixture.hpp"

using namespace galley::testing;

namespace {
int run_quietly(const std::string& command) { return std::system((command + " >/dev/null 2>&1").c_str()); }

int exit_code(int status) { return WIFEXITED(status) ? WEXITSTATUS(status) : -1; }

// Everything a user can read back, as comparable JSON: projects, documents with the sha256 of
// their downloaded bytes, runs with their documents' states, exports with the sha256 of their
// downloads, and suggestion states.
json everything(const galley_process& g, const api_user& u) {
    json out;
    auto get = [&](const std::string& target) {
        auto r = g.request("GET", target, {}, u.access_token);
        EXPECT_EQ(r.status, 200) << target << ": " << r.body;
        auto data = json_of(r)["data"];
        return data.is_object() ? data : json{{"items", json::array()}};
    };
    const json projects = get("/api/v1/projects")["items"];  // kept: a temporary's items would dangle
    for (const auto& p : projects) {
        const std::string pid = p["id"];
        out["projects"].push_back({p["name"], p["document_count"]});
        const json documents = get("/api/v1/projects/" + pid + "/documents")["items"];
        for (const auto& d : documents) {
            auto bytes = g.request("GET", "/api/v1/documents/" + d["id"].get<std::string>() + "/content", {},
                                   u.access_token).body;
            out["documents"].push_back({d["id"], d["filename"], d["sha256"], galley::sha256_hex(bytes)});
        }
        const json runs = get("/api/v1/projects/" + pid + "/runs")["items"];
        for (const auto& r : runs) {
            const std::string rid = r["id"];
            json docs;
            for (const auto& d : r["documents"]) docs.push_back({d["document_id"], d["status"], d["attempts"]});
            out["runs"].push_back({rid, r["status"], docs});
            const json exports = get("/api/v1/runs/" + rid + "/exports")["items"];
            for (const auto& e : exports) {
                auto bytes = g.request("GET", "/api/v1/runs/" + rid + "/exports/" + e["id"].get<std::string>() +
                                                  "/download", {}, u.access_token).body;
                out["exports"].push_back({e["kind"], e["version"], e["sha256"], galley::sha256_hex(bytes)});
            }
            const json suggestions = get("/api/v1/runs/" + rid + "/suggestions?limit=500")["items"];
            for (const auto& s : suggestions) out["suggestions"].push_back({s["id"], s["state"]});
        }
    }
    return out;
}
}  // namespace

class backup_restore : public runs {};

TEST_P(backup_restore, a_live_backup_restores_into_a_fresh_place_intact) {
    launch({{"GALLEY_FAULTS", "slow_ms=slow:4000"}});
    auto u = register_user(*g, "backup@example.com");
    std::string project = create_project(*g, u, "Respaldo");
    std::string docx = upload(u, project, "tablas.docx", slurp(GALLEY_CORPUS_DIR "/docx/mammoth__tables.docx"));
    auto texts = upload_texts(u, project, {"capitulo.txt"}, "El tren salio tarde y llego de noche a la ciudad.\n");
    auto first = start_run(u, project, {docx, texts[0]});
    ASSERT_EQ(first.status, 202);
    std::string run_id = json_of(first)["data"]["id"];
    ASSERT_EQ(wait_final(u, run_id)["status"], "succeeded");
    auto suggestions = json_of(g->request("GET", "/api/v1/runs/" + run_id + "/suggestions", {}, u.access_token));
    ASSERT_FALSE(suggestions["data"]["items"].empty());
    json decision = {{"decisions", {{{"suggestion_id", suggestions["data"]["items"][0]["id"]}, {"decision", "accepted"}}}}};
    ASSERT_EQ(g->request("POST", "/api/v1/runs/" + run_id + "/reviews", decision.dump(), u.access_token).status, 200);
    ASSERT_EQ(g->request("POST", "/api/v1/runs/" + run_id + "/finalize", {}, u.access_token).status, 200);
    // A run still going while the backup is taken.
    auto slow = upload_texts(u, project, {"slow.txt"});
    ASSERT_EQ(start_run(u, project, slow).status, 202);

    const std::string backup = make_temp_dir("galley-backup") + "/b";
    ASSERT_EQ(exit_code(run_quietly(galley_binary() + " backup --db '" + db_url + "' --storage " + dir + "/storage --out " +
                                    backup)),
              0);
    ASSERT_TRUE(std::ifstream(backup + "/manifest.json").good());
    const json before = everything(*g, u);

    // Restore into a fresh database and directory, and serve it.
    const std::string fresh_url = scratch_database_url(GetParam()), fresh_dir = make_temp_dir("galley-restored");
    ASSERT_EQ(exit_code(run_quietly(galley_binary() + " restore " + backup + " --db '" + fresh_url + "' --storage " +
                                    fresh_dir + "/storage")),
              0);
    galley_process restored(fresh_dir, fresh_url, {{"GALLEY_PLANS_FILE", dir + "/plans.json"}});
    ASSERT_TRUE(restored.start()) << restored.log();
    json creds = {{"email", u.email}, {"password", u.password}};
    auto login = restored.request("POST", "/api/v1/auth/login", creds.dump());
    ASSERT_EQ(login.status, 200) << "the user is there, with the same password";
    api_user again = u;
    again.access_token = json_of(login)["data"]["access_token"];
    const json after = everything(restored, again);
    ASSERT_TRUE(after.contains("documents")) << after.dump();
    EXPECT_EQ(after["projects"], before["projects"]);
    EXPECT_EQ(after["documents"], before["documents"]) << "every document, byte for byte";
    EXPECT_EQ(after["exports"], before["exports"]) << "every export, byte for byte, final versions included";
    EXPECT_EQ(after["suggestions"], before["suggestions"]) << "decisions kept";
    EXPECT_EQ(after["runs"][0], before["runs"][0]) << "the finished run as it was";
    auto refreshed = restored.request("POST", "/api/v1/auth/refresh", json{{"refresh_token", u.refresh_token}}.dump());
    EXPECT_EQ(refreshed.status, 200) << "sessions survive: refresh tokens are rows of the database";
}

TEST_P(backup_restore, restore_refuses_a_damaged_backup_and_a_target_in_use) {
    launch({});
    auto u = register_user(*g, "damage@example.com");
    std::string project = create_project(*g, u, "Danos");
    upload_texts(u, project, {"uno.txt"});
    const std::string backup = make_temp_dir("galley-backup") + "/b";
    ASSERT_EQ(exit_code(run_quietly(galley_binary() + " backup --db '" + db_url + "' --storage " + dir + "/storage --out " +
                                    backup)),
              0);
    EXPECT_EQ(exit_code(run_quietly(galley_binary() + " backup --db '" + db_url + "' --storage " + dir +
                                    "/storage --out " + backup)),
              2)
        << "never over an existing backup";
    EXPECT_EQ(exit_code(run_quietly(galley_binary() + " restore " + backup + " --db '" + db_url + "' --storage " +
                                    make_temp_dir("galley-empty") + "/storage")),
              2)
        << "the live database is not empty";

    auto manifest = json::parse(std::ifstream(backup + "/manifest.json"));
    ASSERT_FALSE(manifest["blobs"].empty());
    {
        std::fstream blob(backup + "/" + manifest["blobs"][0]["path"].get<std::string>(), std::ios::in | std::ios::out);
        blob.seekp(0);
        blob.put('#');
    }
    const std::string fresh_url = scratch_database_url(GetParam()), fresh_dir = make_temp_dir("galley-restored");
    EXPECT_EQ(exit_code(run_quietly(galley_binary() + " restore " + backup + " --db '" + fresh_url + "' --storage " +
                                    fresh_dir + "/storage")),
              1)
        << "a damaged file is found before anything is written";
    EXPECT_FALSE(std::ifstream(fresh_dir + "/storage/users").good());
}

INSTANTIATE_TEST_SUITE_P(backends, backup_restore, ::testing::Values(backend_kind::sqlite, backend_kind::postgresql),
                         [](const auto& info) { return backend_label(info.param); });
