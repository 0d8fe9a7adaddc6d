// End-to-end: the Idempotency-Key header (API.md) on POST runs, uploads and finalize, on SQLite
// and PostgreSQL. A client that retries with the same key gets the first answer and nothing is
// done twice; the same key on a different request is 409; keys are per user.
#include "tests/e2e/runs_fixture.hpp"

using namespace galley::testing;

class idempotency : public runs {
protected:
    http_reply post(const api_user& u, const std::string& target, const std::string& body, const std::string& key,
                    const char* type = "application/json") {
        return g->request("POST", target, body, u.access_token, {{"Idempotency-Key", key}, {"Content-Type", type}});
    }
};

TEST_P(idempotency, a_retried_request_gets_the_first_answer_and_acts_once) {
    launch({});
    auto u = register_user(*g, "retry@example.com");
    std::string project = create_project(*g, u, "Reintentos");
    const std::string uploads = "/api/v1/projects/" + project + "/documents?filename=a.txt";

    auto first_upload = post(u, uploads, "Un texto que se sube dos veces.\n", "upload-1", "application/octet-stream");
    auto again_upload = post(u, uploads, "Un texto que se sube dos veces.\n", "upload-1", "application/octet-stream");
    ASSERT_EQ(first_upload.status, 201) << first_upload.body;
    EXPECT_EQ(again_upload.status, 201);
    EXPECT_EQ(json_of(again_upload)["data"]["id"], json_of(first_upload)["data"]["id"]);
    EXPECT_EQ(again_upload.header("idempotent-replayed"), "true");
    std::string doc = json_of(first_upload)["data"]["id"];
    auto listed = json_of(g->request("GET", "/api/v1/projects/" + project + "/documents", {}, u.access_token));
    EXPECT_EQ(listed["data"]["items"].size(), 1u) << "stored once";

    const std::string runs_url = "/api/v1/projects/" + project + "/runs";
    const std::string body = json{{"document_ids", {doc}}}.dump();
    auto first_run = post(u, runs_url, body, "run-1");
    auto again_run = post(u, runs_url, body, "run-1");
    ASSERT_EQ(first_run.status, 202) << first_run.body;
    EXPECT_EQ(again_run.status, 202);
    std::string run_id = json_of(first_run)["data"]["id"];
    EXPECT_EQ(json_of(again_run)["data"]["id"], run_id);
    auto all_runs = json_of(g->request("GET", runs_url, {}, u.access_token));
    EXPECT_EQ(all_runs["data"]["items"].size(), 1u) << "a client retry never creates a second run";
    auto other = post(u, runs_url, json{{"document_ids", {doc}}, {"options", {{"language", "es"}}}}.dump(), "run-1");
    EXPECT_EQ(other.status, 409) << "the same key on a different request";
    EXPECT_EQ(json_of(other)["error"]["code"], "conflict");

    ASSERT_EQ(wait_final(u, run_id)["status"], "succeeded");
    const std::string finalize = "/api/v1/runs/" + run_id + "/finalize";
    auto first_final = post(u, finalize, "", "final-1");
    auto again_final = post(u, finalize, "", "final-1");
    ASSERT_EQ(first_final.status, 200) << first_final.body;
    EXPECT_EQ(json_of(again_final)["data"], json_of(first_final)["data"]);
    int finals = 0;
    for (const auto& e : exports_of(u, run_id)) finals += e["kind"].get<std::string>().rfind("final_", 0) == 0;
    EXPECT_EQ(finals, 1) << "one version, not two";

    auto stranger = register_user(*g, "other-retry@example.com");
    std::string theirs = create_project(*g, stranger, "Suyo");
    EXPECT_EQ(post(stranger, "/api/v1/projects/" + theirs + "/documents?filename=b.txt", "Otro texto.\n", "upload-1",
                   "application/octet-stream")
                  .status,
              201)
        << "keys are per user";
    EXPECT_EQ(post(u, runs_url, body, std::string(129, 'k')).status, 400);
}

INSTANTIATE_TEST_SUITE_P(backends, idempotency, ::testing::Values(backend_kind::sqlite, backend_kind::postgresql),
                         [](const auto& info) { return backend_label(info.param); });
