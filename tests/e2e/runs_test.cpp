// End-to-end runs on SQLite and PostgreSQL: the real binary corrects a mixed project, streams its
// events and publishes every artefact once; cancellation, retries and poison documents, a kill -9
// in the middle of a run, and admission control, as a user of the API sees them.
// Every wait polls with a generous deadline (a loaded 2-core machine must not make these flaky).
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <functional>
#include <future>
#include <iostream>
#include <map>
#include <thread>

#include "domain/sha256.hpp"
#include "tests/e2e/runs_fixture.hpp"

using namespace galley::testing;
using nlohmann::json;
using namespace std::chrono_literals;


TEST_P(runs, a_mixed_project_is_corrected_with_every_artefact_once) {
    launch({});
    auto ana = register_user(*g, "runner@example.com");
    std::string project = create_project(*g, ana, "Mixed");
    std::string english = slurp(GALLEY_CORPUS_DIR "/text/en__frankenstein.txt");
    std::size_t from = english.find("You will rejoice");
    ASSERT_NE(from, std::string::npos);
    english = english.substr(from, english.find("\n\n", from + 6000) - from) + "\n";

    std::map<std::string, std::string> ids;  // filename → document id
    ids["errores.txt"] =
        upload(ana, project, "errores.txt",
               "Yo tambien lo vi aquel dia en la plaza.\n\nEl tambien vino a la fiesta.\n");
    ids["letter.txt"] = upload(ana, project, "letter.txt", english);
    ids["tablas.docx"] = upload(ana, project, "tablas.docx",
                                slurp(GALLEY_CORPUS_DIR "/docx/mammoth__tables.docx"), true);
    ids["runs.docx"] = upload(
        ana, project, "runs.docx",
        slurp(GALLEY_CORPUS_DIR "/docx/docx2python__multiple_runs_per_paragraph.docx"), true);
    std::vector<std::string> doc_ids;
    for (const auto& [_, id] : ids) doc_ids.push_back(id);

    auto created = start_run(ana, project, doc_ids);
    ASSERT_EQ(created.status, 202) << created.body;
    std::string run_id = json_of(created)["data"]["id"];
    EXPECT_EQ(json_of(created)["data"]["status"], "queued");

    // Follow the event stream from the start; it must close by itself when the run finishes.
    auto events = std::async(std::launch::async, [&] { return open_events(ana, run_id, 60'000); });

    json run = wait_final(ana, run_id);
    ASSERT_EQ(run["status"], "succeeded") << run.dump(1) << g->log();
    EXPECT_FALSE(run["finished_at"].is_null());
    EXPECT_EQ(run["counts"]["succeeded"], 4);
    for (const auto& d : run["documents"]) {
        EXPECT_EQ(d["status"], "succeeded") << d.dump();
        EXPECT_EQ(d["attempts"], 1) << d.dump();
        EXPECT_TRUE(d["error"].is_null()) << d.dump();
    }

    if (events.wait_for(60s) != std::future_status::ready) {
        ADD_FAILURE() << "the event stream did not close after the run finished";
        g->kill_hard();  // unblocks the reader
    }
    http_reply stream = events.get();
    EXPECT_EQ(stream.status, 200);
    EXPECT_NE(stream.header("content-type").find("text/event-stream"), std::string::npos);
    EXPECT_NE(stream.body.find("event: document\n"), std::string::npos) << stream.body;
    json final_event = last_event(stream.body, "run");
    ASSERT_TRUE(final_event.is_object()) << stream.body;
    EXPECT_EQ(final_event["status"], "succeeded") << stream.body;
    if (!g->running()) return;

    json exports = exports_of(ana, run_id);
    EXPECT_EQ(exports.size(), 4u * 2 + 2 + 2) << exports.dump(1);
    for (const auto& [name, id] : ids) {
        bool docx = name.ends_with(".docx");
        EXPECT_EQ(count_exports(exports, "corrections_jsonl", id), 1) << name;
        EXPECT_EQ(count_exports(exports, docx ? "corrected_docx" : "corrected_txt", id), 1) << name;
        EXPECT_EQ(count_exports(exports, docx ? "corrected_txt" : "corrected_docx", id), 0) << name;
        EXPECT_EQ(count_exports(exports, "tracked_docx", id), docx ? 1 : 0) << name;
    }
    EXPECT_EQ(count_exports(exports, "changelog_csv", nullptr), 1);
    EXPECT_EQ(count_exports(exports, "summary_md", nullptr), 1);

    std::string corrected_spanish;
    for (const auto& e : exports) {
        auto r = g->request(
            "GET",
            "/api/v1/runs/" + run_id + "/exports/" + e["id"].get<std::string>() + "/download", {},
            ana.access_token);
        ASSERT_EQ(r.status, 200) << e.dump();
        EXPECT_EQ(r.body.size(), e["size"].get<std::size_t>()) << e.dump();
        EXPECT_EQ(galley::sha256_hex(r.body), e["sha256"]) << e.dump();
        EXPECT_EQ(e["version"], 1);
        if (e["kind"] == "corrected_txt" && e["document_id"] == ids["errores.txt"])
            corrected_spanish = r.body;
    }
    EXPECT_NE(corrected_spanish.find("también"), std::string::npos) << corrected_spanish;
    EXPECT_EQ(corrected_spanish.find("tambien"), std::string::npos) << corrected_spanish;

    auto csv = g->request("GET", "/api/v1/runs/" + run_id + "/changelog.csv", {}, ana.access_token);
    ASSERT_EQ(csv.status, 200) << csv.body;
    EXPECT_EQ(csv.body.rfind("document,", 0), 0u)
        << "a header line first: " << csv.body.substr(0, 200);
    EXPECT_NE(csv.body.find("errores.txt"), std::string::npos);
    auto summary =
        g->request("GET", "/api/v1/runs/" + run_id + "/summary.md", {}, ana.access_token);
    ASSERT_EQ(summary.status, 200) << summary.body;
    EXPECT_FALSE(summary.body.empty());

    auto me = json_of(g->request("GET", "/api/v1/users/me", {}, ana.access_token));
    EXPECT_GT(me["data"]["usage"]["chars_used"].get<long long>(), 0) << me.dump();
    EXPECT_EQ(me["data"]["usage"]["docs_running"], 0);
}

TEST_P(runs, cancelling_stops_a_running_document_and_publishes_nothing) {
    launch({{"GALLEY_FAULTS", "slow_ms=slow:20000"}, {"GALLEY_MAX_WORKERS", "1"}});
    auto u = register_user(*g, "cancel@example.com");
    std::string project = create_project(*g, u, "Cancel");
    upload_texts(u, project, {"slow1.txt", "slow2.txt", "slow3.txt"}, "Texto de ", " para corregir.\n");
    auto created = start_run(u, project, {});
    ASSERT_EQ(created.status, 202) << created.body;
    std::string run_id = json_of(created)["data"]["id"];

    json run =
        wait_run(u, run_id, [](const json& r) { return r["counts"]["running"].get<int>() >= 1; });
    ASSERT_EQ(run["counts"]["running"], 1) << run.dump(1);
    EXPECT_EQ(run["counts"]["queued"], 2) << "one worker: the others wait";

    auto cancel = g->request("POST", "/api/v1/runs/" + run_id + "/cancel", {}, u.access_token);
    auto cancelled_at = std::chrono::steady_clock::now();
    ASSERT_EQ(cancel.status, 200) << cancel.body;
    std::string answered = json_of(cancel)["data"]["status"];
    EXPECT_TRUE(answered == "cancelling" || answered == "cancelled") << cancel.body;

    run = wait_run(
        u, run_id, [](const json& r) { return r["status"] == "cancelled"; }, 2s);
    auto took =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - cancelled_at).count();
    ASSERT_EQ(run["status"], "cancelled") << "not cancelled within 2 s of the request:\n"
                                          << run.dump(1);
    std::cout << "[ cancel ] " << backend_label(GetParam()) << ": cancelled " << took
              << " s after the request\n";
    EXPECT_FALSE(run["finished_at"].is_null());
    EXPECT_EQ(run["counts"]["cancelled"], 3);
    for (const auto& d : run["documents"]) EXPECT_EQ(d["status"], "cancelled") << d.dump();

    json exports = exports_of(u, run_id);
    EXPECT_EQ(count_exports(exports, "changelog_csv", nullptr), 0) << exports.dump(1);
    EXPECT_EQ(count_exports(exports, "summary_md", nullptr), 0) << exports.dump(1);
    EXPECT_EQ(
        g->request("GET", "/api/v1/runs/" + run_id + "/changelog.csv", {}, u.access_token).status,
        404);

    auto again = g->request("POST", "/api/v1/runs/" + run_id + "/cancel", {}, u.access_token);
    EXPECT_EQ(again.status, 409) << again.body;
    EXPECT_EQ(json_of(again)["error"]["code"], "conflict");
}

TEST_P(runs, flaky_documents_are_retried_and_a_poison_one_fails_alone) {
    launch({{"GALLEY_FAULTS", "throw_on=flaky:2,throw_on=poison:99"}});
    auto u = register_user(*g, "faults@example.com");
    std::string project = create_project(*g, u, "Faults");
    upload_texts(u, project, {"flaky.txt", "poison.txt", "fine.txt"}, "Yo tambien escribo ");
    auto created = start_run(u, project, {});
    ASSERT_EQ(created.status, 202) << created.body;
    std::string run_id = json_of(created)["data"]["id"];

    json run = wait_final(u, run_id);
    ASSERT_EQ(run["status"], "partial") << run.dump(1) << g->log();
    auto docs = documents_by_name(run);
    EXPECT_EQ(docs["flaky.txt"]["status"], "succeeded") << docs["flaky.txt"].dump();
    EXPECT_EQ(docs["flaky.txt"]["attempts"], 3) << "two failures, then the success";
    EXPECT_EQ(docs["poison.txt"]["status"], "failed") << docs["poison.txt"].dump();
    EXPECT_EQ(docs["poison.txt"]["attempts"], 4) << "the default max_attempts";
    ASSERT_TRUE(docs["poison.txt"]["error"].is_string()) << docs["poison.txt"].dump();
    EXPECT_FALSE(docs["poison.txt"]["error"].get<std::string>().empty());
    EXPECT_EQ(docs["fine.txt"]["status"], "succeeded") << docs["fine.txt"].dump();
    EXPECT_EQ(docs["fine.txt"]["attempts"], 1);
    EXPECT_EQ(run["counts"]["succeeded"], 2);
    EXPECT_EQ(run["counts"]["failed"], 1);

    json exports = exports_of(u, run_id);
    EXPECT_EQ(count_exports(exports, "corrections_jsonl", docs["poison.txt"]["document_id"]), 0);
    EXPECT_EQ(count_exports(exports, "corrections_jsonl", docs["flaky.txt"]["document_id"]), 1);
    EXPECT_EQ(count_exports(exports, "changelog_csv", nullptr), 1)
        << "a partial run still gets its changelog";

    auto metrics = g->request("GET", "/metrics");
    ASSERT_EQ(metrics.status, 200);
    std::size_t at = metrics.body.find("\ngalley_documents_retried_total");
    ASSERT_NE(at, std::string::npos) << metrics.body;
    std::size_t value = metrics.body.find(' ', at + 1);
    EXPECT_GT(std::stod(metrics.body.substr(value + 1, metrics.body.find('\n', value) - value - 1)),
              0.0)
        << metrics.body.substr(at, 80);
}

TEST_P(runs, a_run_survives_kill_9_and_publishes_everything_exactly_once) {
    launch({{"GALLEY_LOCK_TTL_SECONDS", "3"},
            {"GALLEY_HEARTBEAT_SECONDS", "1"},
            {"GALLEY_FAULTS", "slow_ms=doc:1500"},
            {"GALLEY_MAX_WORKERS", "2"}});
    auto u = register_user(*g, "crash@example.com");
    std::string project = create_project(*g, u, "Crash");
    for (int i = 1; i <= 6; ++i)
        upload(u, project, "doc" + std::to_string(i) + ".txt",
               "Yo tambien lo vi aquel dia en la plaza del pueblo, documento " + std::to_string(i) +
                   ".\n");
    auto created = start_run(u, project, {});
    ASSERT_EQ(created.status, 202) << created.body;
    std::string run_id = json_of(created)["data"]["id"];

    json before = wait_run(u, run_id, [](const json& r) {
        return r["counts"]["running"].get<int>() >= 1 && r["counts"]["succeeded"].get<int>() >= 1;
    });
    ASSERT_GE(before["counts"]["running"].get<int>(), 1) << before.dump(1);
    ASSERT_GE(before["counts"]["succeeded"].get<int>(), 1) << before.dump(1);
    ASSERT_FALSE(is_final(before["status"].get<std::string>())) << before.dump(1);
    g->kill_hard();

    auto restarted = std::chrono::steady_clock::now();
    ASSERT_TRUE(g->start()) << g->log();
    json run = wait_final(u, run_id);
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - restarted).count();
    std::cout << "[ restart ] " << backend_label(GetParam()) << ": killed with "
              << before["counts"]["running"] << " running and " << before["counts"]["succeeded"]
              << " succeeded; run finished " << seconds
              << " s after the restart began (lock TTL 3 s)\n";

    ASSERT_EQ(run["status"], "succeeded") << run.dump(1) << g->log();
    for (const auto& d : run["documents"]) {
        EXPECT_EQ(d["status"], "succeeded") << d.dump();
        EXPECT_EQ(d["attempts"], 1)
            << "recovering a document from a dead process is not a failed attempt: " << d.dump();
    }
    json exports = exports_of(u, run_id);
    for (const auto& d : run["documents"]) {
        EXPECT_EQ(count_exports(exports, "corrections_jsonl", d["document_id"]), 1) << d.dump();
        EXPECT_EQ(count_exports(exports, "corrected_txt", d["document_id"]), 1) << d.dump();
    }
    EXPECT_EQ(count_exports(exports, "changelog_csv", nullptr), 1);
    EXPECT_EQ(count_exports(exports, "summary_md", nullptr), 1);
    EXPECT_EQ(exports.size(), 6u * 2 + 2) << exports.dump(1);
    auto csv = g->request("GET", "/api/v1/runs/" + run_id + "/changelog.csv", {}, u.access_token);
    ASSERT_EQ(csv.status, 200);
    for (int i = 1; i <= 6; ++i)
        EXPECT_NE(csv.body.find("doc" + std::to_string(i) + ".txt"), std::string::npos) << csv.body;
}

TEST_P(runs, admission_refuses_over_limit_runs_and_hides_other_users_runs) {
    launch({{"GALLEY_MAX_QUEUED", "1"}},
           R"({"free": {"max_docs_per_run": 2, "requests_per_minute": 0}})");
    auto ana = register_user(*g, "admit@example.com");
    std::string project = create_project(*g, ana, "Admission");
    std::vector<std::string> ids = upload_texts(ana, project, {"a.txt", "b.txt", "c.txt"}, "Texto ");

    auto too_many = start_run(ana, project, {});
    EXPECT_EQ(too_many.status, 402) << too_many.body;
    EXPECT_EQ(json_of(too_many)["error"]["code"], "quota_exceeded");

    auto full = start_run(ana, project, {ids[0], ids[1]});
    EXPECT_EQ(full.status, 503) << full.body;
    EXPECT_EQ(json_of(full)["error"]["code"], "over_capacity");
    EXPECT_FALSE(full.header("retry-after").empty())
        << "back-pressure tells the client when to come back";

    auto one = start_run(ana, project, {ids[2]});
    ASSERT_EQ(one.status, 202) << one.body;
    std::string run_id = json_of(one)["data"]["id"];

    auto bob = register_user(*g, "intruder@example.com");
    for (auto [method, target] : std::vector<std::pair<std::string, std::string>>{
             {"GET", "/api/v1/runs/" + run_id},
             {"POST", "/api/v1/runs/" + run_id + "/cancel"},
             {"GET", "/api/v1/runs/" + run_id + "/exports"},
             {"GET", "/api/v1/runs/" + run_id + "/events"},
             {"GET", "/api/v1/runs/" + run_id + "/changelog.csv"},
             {"GET", "/api/v1/projects/" + project + "/runs"}}) {
        auto r = g->request(method, target, {}, bob.access_token);
        EXPECT_EQ(r.status, 404) << method << " " << target << " " << r.body;
        EXPECT_EQ(json_of(r)["error"]["code"], "not_found") << method << " " << target;
    }
    // Bob's attempts changed nothing: Ana's run goes on to succeed.
    json run = wait_final(ana, run_id);
    EXPECT_EQ(run["status"], "succeeded") << run.dump(1);
}

// A document that kills the whole process (crash_on) must not take its neighbours down with it:
// after a crash every orphan runs alone, and only crashes while it ran alone count. Restarted
// after each crash, the server fails the poison document and corrects every neighbour.
TEST_P(runs, a_document_that_kills_the_process_fails_alone_and_its_neighbours_succeed) {
    launch({{"GALLEY_LOCK_TTL_SECONDS", "3"},
            {"GALLEY_HEARTBEAT_SECONDS", "1"},
            {"GALLEY_FAULTS", "crash_on=poison:99,slow_ms=doc:2000,slow_ms=poison:1000"},
            {"GALLEY_MAX_WORKERS", "4"}},
           R"({"free": {"requests_per_minute": 0, "max_concurrent": 4}})");
    auto u = register_user(*g, "poison@example.com");
    std::string project = create_project(*g, u, "Veneno");
    auto ids = upload_texts(u, project, {"doc1.txt", "doc2.txt", "doc3.txt", "poison.txt"});
    auto created = start_run(u, project, ids);
    ASSERT_EQ(created.status, 202) << created.body;
    std::string run_id = json_of(created)["data"]["id"];

    int crashes = 0;
    json run;
    for (auto until = std::chrono::steady_clock::now() + 240s; std::chrono::steady_clock::now() < until;) {
        if (!g->running()) {
            ++crashes;
            ASSERT_LE(crashes, 6) << "the poison document keeps the server crashing";
            ASSERT_TRUE(g->start()) << g->log();
        }
        run = get_run(u, run_id);
        if (run.is_object() && is_final(run["status"].get<std::string>())) break;
        std::this_thread::sleep_for(100ms);
    }
    ASSERT_TRUE(run.is_object() && is_final(run["status"].get<std::string>())) << run.dump(1);
    std::cout << "[ poison  ] " << backend_label(GetParam()) << ": " << crashes << " crashes before the run ended\n";
    EXPECT_GE(crashes, 2) << "the fault fired";
    EXPECT_EQ(run["status"], "partial") << run.dump(1);
    auto docs = documents_by_name(run);
    EXPECT_EQ(docs["poison.txt"]["status"], "failed") << docs["poison.txt"].dump();
    EXPECT_NE(docs["poison.txt"]["error"].get<std::string>().find("kills its worker process"), std::string::npos);
    for (const char* name : {"doc1.txt", "doc2.txt", "doc3.txt"}) {
        EXPECT_EQ(docs[name]["status"], "succeeded") << name << ": " << docs[name].dump();
        EXPECT_EQ(docs[name]["attempts"], 1) << name;
    }
}

INSTANTIATE_TEST_SUITE_P(backends, runs,
                         ::testing::Values(backend_kind::sqlite, backend_kind::postgresql),
                         [](const auto& info) { return backend_label(info.param); });
