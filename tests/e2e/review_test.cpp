// End-to-end review over the real binary (SQLite and PostgreSQL): a TXT with known errors is run,
// its suggestions listed with every filter, decided (single, edited, bulk), previewed, finalized
// twice and exported as training data; the project dictionary silences a word in a later run;
// ownership, bad input, failed documents and unfinished runs answer 404 / 400 / 422 / 409.
#include <gtest/gtest.h>

#include <chrono>
#include <set>
#include <thread>

#include "tests/support/api_session.hpp"
#include "tests/support/scratch_db.hpp"

using namespace galley::testing;
using nlohmann::json;

namespace {
const std::string kP0 = "This is teh first paragraph of the story, and it has a < sign.";
const std::string kP1 =
    "Then Pedro said the second paragraph recieve a mistake and their is more to say about it , "
    "truly: "
    "write to pedro@example.com now.";
const std::string kP2 = "The wizard walked into the room where the old lamp stood for 25 years.";
const std::string kSample = kP0 + "\n\n" + kP1 + "\n\n" + kP2 + "\n";

std::string replace_once(std::string s, const std::string& from, const std::string& to) {
    auto at = s.find(from);
    if (at != std::string::npos) s.replace(at, from.size(), to);
    return s;
}

class review_flow : public ::testing::TestWithParam<backend_kind> {
protected:
    void SetUp() override {
        std::string db_url = scratch_database_url(GetParam());
        if (db_url.empty()) GTEST_SKIP() << "GALLEY_TEST_PG is not set (scripts/test.sh sets it)";
        std::string dir = make_temp_dir("galley-review");
        FILE* f = std::fopen((dir + "/plans.json").c_str(), "w");
        std::fputs(R"({"free": {"max_attempts": 1, "requests_per_minute": 100000}})", f);
        std::fclose(f);
        g = std::make_unique<galley_process>(
            dir, db_url,
            std::map<std::string, std::string>{
                {"GALLEY_PLANS_FILE", dir + "/plans.json"},
                {"GALLEY_FAULTS", "throw_on=poison:99,slow_ms=slow:4000"}});
        ASSERT_TRUE(g->start()) << g->log();
        u = register_user(*g, "editor@example.com");
        project = create_project(*g, u, "Novel");
    }

    json call(const std::string& method, const std::string& target, const std::string& body = {},
              int expect = 200) {
        auto r = g->request(method, target, body, u.access_token);
        EXPECT_EQ(r.status, expect) << method << " " << target << ": " << r.body;
        return json_of(r);
    }

    std::string upload(const std::string& name, const std::string& bytes) {
        auto r = upload_raw(*g, u, project, name, bytes);
        EXPECT_EQ(r.status, 201) << r.body;
        return json_of(r)["data"]["id"];
    }

    // Starts a run over `doc` and polls (generous deadline) until it is finished.
    std::string run_to_end(const std::string& doc, std::string* status = nullptr) {
        auto run = call("POST", "/api/v1/projects/" + project + "/runs",
                        json{{"document_ids", {doc}}}.dump(), 202);
        std::string id = run["data"]["id"], st;
        auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
        while (std::chrono::steady_clock::now() < deadline) {
            st = call("GET", "/api/v1/runs/" + id)["data"]["status"];
            if (st == "succeeded" || st == "failed" || st == "partial" || st == "cancelled") break;
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        if (status) *status = st;
        return id;
    }

    std::vector<json> suggestions(const std::string& run, const std::string& query = {}) {
        std::vector<json> out;
        std::string cursor;
        do {
            auto page = call("GET", "/api/v1/runs/" + run + "/suggestions?limit=2" + query +
                                        (cursor.empty() ? "" : "&cursor=" + cursor));
            for (const auto& s : page["data"]["items"]) out.push_back(s);
            cursor = page["data"]["next_cursor"].is_string()
                         ? page["data"]["next_cursor"].get<std::string>()
                         : "";
        } while (!cursor.empty());
        return out;
    }

    static std::string id_of(const std::vector<json>& all, const std::string& original) {
        for (const auto& s : all)
            if (s["original"] == original) return s["id"];
        ADD_FAILURE() << "no suggestion for " << original;
        return {};
    }

    std::unique_ptr<galley_process> g;
    api_user u;
    std::string project;
};
}  // namespace

TEST_P(review_flow, list_decide_preview_finalize_export_and_dictionary) {
    std::string doc = upload("sample.txt", kSample), status;
    std::string run = run_to_end(doc, &status);
    ASSERT_EQ(status, "succeeded") << g->log();

    // Listing: document order, every field, cursor pages equal one big page, every filter.
    auto all = suggestions(run);
    ASSERT_EQ(all.size(), 4u);
    auto big = call("GET", "/api/v1/runs/" + run + "/suggestions?limit=500")["data"];
    EXPECT_TRUE(big["next_cursor"].is_null());
    for (std::size_t i = 0; i < all.size(); ++i) EXPECT_EQ(all[i]["id"], big["items"][i]["id"]);
    EXPECT_EQ(all[0]["original"], "teh");
    EXPECT_EQ(all[0]["replacement"], "the");
    EXPECT_EQ(all[0]["story"], "body");
    EXPECT_EQ(all[0]["paragraph"], 0);
    EXPECT_EQ(all[0]["offset"], 8);
    EXPECT_EQ(all[0]["length"], 3);
    EXPECT_EQ(all[0]["run_id"], run);
    EXPECT_EQ(all[0]["document_id"], doc);
    EXPECT_EQ(all[0]["state"], "pending");
    EXPECT_EQ(all[0]["context"]["text"], kP0);
    EXPECT_EQ(all[0]["context"]["offset"], 8);
    EXPECT_EQ(all[0]["id"].get<std::string>().size(), 32u);
    for (const auto& s : suggestions(run, "&category=spelling"))
        EXPECT_EQ(s["category"], "spelling");
    EXPECT_EQ(suggestions(run, "&category=spelling").size(), 2u);
    EXPECT_EQ(suggestions(run, "&rule_id=EN_THEIR_THERE").size(), 1u);
    std::size_t confident = 0;
    for (const auto& s : all) confident += s["confidence"].get<double>() >= 0.75;
    ASSERT_GT(confident, 0u);
    ASSERT_LT(confident, all.size());  // the filter must have something to leave out
    EXPECT_EQ(suggestions(run, "&confidence_min=0.75").size(), confident);
    EXPECT_EQ(suggestions(run, "&document_id=" + doc).size(), 4u);
    EXPECT_EQ(suggestions(run, "&state=pending").size(), 4u);
    EXPECT_EQ(suggestions(run, "&state=accepted").size(), 0u);
    call("GET", "/api/v1/runs/" + run + "/suggestions?category=nonsense", {}, 400);
    call("GET", "/api/v1/runs/" + run + "/suggestions?confidence_min=2", {}, 400);
    call("GET", "/api/v1/runs/" + run + "/suggestions?cursor=bogus", {}, 400);

    // Decisions: accept two (one edited), reject one; the same again changes nothing.
    const std::string teh = id_of(all, "teh"), their = id_of(all, "their"),
                      recieve = id_of(all, "recieve"), comma = id_of(all, " ,");
    json batch = {{"decisions",
                   {{{"suggestion_id", teh}, {"decision", "accepted"}, {"replacement", "THE"}},
                    {{"suggestion_id", their}, {"decision", "accepted"}},
                    {{"suggestion_id", recieve}, {"decision", "rejected"}}}}};
    EXPECT_EQ(call("POST", "/api/v1/runs/" + run + "/reviews", batch.dump())["data"]["updated"], 3);
    EXPECT_EQ(call("POST", "/api/v1/runs/" + run + "/reviews", batch.dump())["data"]["updated"], 0);
    EXPECT_EQ(suggestions(run, "&state=accepted").size(), 2u);
    EXPECT_EQ(suggestions(run, "&state=accepted")[0]["edited_replacement"], "THE");
    auto history = call("GET", "/api/v1/runs/" + run + "/reviews/history")["data"]["items"];
    ASSERT_EQ(history.size(), 1u) << "repeating a decision is not a second history entry";
    EXPECT_EQ(history[0]["count"], 3);
    EXPECT_EQ(history[0]["user_id"], u.id);
    EXPECT_EQ(history[0]["decisions"].size(), 3u);
    EXPECT_EQ(history[0]["decisions"][0]["replacement"], "THE");
    EXPECT_TRUE(history[0]["at"].is_string());

    auto one = [&](const std::string& id, const std::string& decision) {
        return json{{"decisions", {{{"suggestion_id", id}, {"decision", decision}}}}}.dump();
    };
    call("POST", "/api/v1/runs/" + run + "/reviews", one(std::string(32, 'f'), "accepted"), 404);
    call("POST", "/api/v1/runs/" + run + "/reviews", one("malformed", "accepted"), 404);
    call("POST", "/api/v1/runs/" + run + "/reviews", one(teh, "maybe"), 422);
    call("POST", "/api/v1/runs/" + run + "/reviews",
         json{{"decisions",
               {{{"suggestion_id", teh}, {"decision", "rejected"}, {"replacement", "x"}}}}}
             .dump(),
         422);
    call("POST", "/api/v1/runs/" + run + "/reviews", "{not json", 400);

    // Preview: accepted applied (the edited text), pending marked, everything escaped.
    std::string p0 = replace_once(kP0, "teh", "THE"), p1 = replace_once(kP1, "their", "there");
    auto txt =
        g->request("GET", "/api/v1/runs/" + run + "/preview?document_id=" + doc + "&format=txt", {},
                   u.access_token);
    EXPECT_EQ(txt.status, 200);
    EXPECT_EQ(txt.body, p0 + "\n" + p1 + "\n" + kP2);
    auto html =
        g->request("GET", "/api/v1/runs/" + run + "/preview?document_id=" + doc + "&format=html",
                   {}, u.access_token);
    EXPECT_EQ(html.status, 200);
    EXPECT_NE(html.header("content-type").find("text/html"), std::string::npos);
    EXPECT_NE(html.body.find("<del data-id=\"" + teh + "\">teh</del><ins data-id=\"" + teh +
                             "\">THE</ins>"),
              std::string::npos)
        << html.body;
    EXPECT_NE(html.body.find("<mark data-id=\"" + comma + "\""), std::string::npos);
    EXPECT_NE(html.body.find("has a &lt; sign"), std::string::npos);
    EXPECT_EQ(html.body.find("recieve</"), std::string::npos) << "rejected ones are plain";
    call("GET", "/api/v1/runs/" + run + "/preview?document_id=" + doc + "&format=pdf", {}, 400);
    call("GET", "/api/v1/runs/" + run + "/preview?document_id=00000000-0000-4000-8000-000000000000",
         {}, 404);

    // Finalize twice: versions 1 and 2, both downloadable, exactly the accepted changes.
    auto v1 = call("POST", "/api/v1/runs/" + run + "/finalize")["data"];
    ASSERT_EQ(v1.size(), 1u);
    EXPECT_EQ(v1[0]["kind"], "final_txt");
    EXPECT_EQ(v1[0]["version"], 1);
    EXPECT_EQ(
        call("POST", "/api/v1/runs/" + run + "/reviews", one(comma, "accepted"))["data"]["updated"],
        1);
    auto v2 = call("POST", "/api/v1/runs/" + run + "/finalize")["data"];
    EXPECT_EQ(v2[0]["version"], 2);
    auto download = [&](const json& e) {
        return g->request(
            "GET", "/api/v1/runs/" + run + "/exports/" + e["id"].get<std::string>() + "/download",
            {}, u.access_token);
    };
    EXPECT_EQ(download(v1[0]).body, p0 + "\n\n" + p1 + "\n\n" + kP2 + "\n");
    EXPECT_EQ(download(v2[0]).body,
              p0 + "\n\n" + replace_once(p1, "it , truly", "it, truly") + "\n\n" + kP2 + "\n");
    int finals = 0;
    auto exports = call("GET", "/api/v1/runs/" + run + "/exports");
    for (const auto& e : exports["data"]["items"]) finals += e["kind"] == "final_txt";
    EXPECT_EQ(finals, 2);

    // Training data: sft per decided paragraph, preference per decided change, anonymized.
    auto sft = g->request("GET", "/api/v1/runs/" + run + "/reviews/export?format=jsonl&schema=sft",
                          {}, u.access_token);
    EXPECT_EQ(sft.status, 200);
    const std::string sft_expected =
        json{{"input", kP0}, {"output", p0}}.dump() + "\n" +
        json{{"input", kP1}, {"output", replace_once(p1, "it , truly", "it, truly")}}.dump() + "\n";
    EXPECT_EQ(sft.body, sft_expected);
    auto pref = g->request("GET", "/api/v1/runs/" + run + "/reviews/export?schema=preference", {},
                           u.access_token);
    std::vector<json> rows;
    for (std::size_t at = 0, nl; (nl = pref.body.find('\n', at)) != std::string::npos; at = nl + 1)
        rows.push_back(json::parse(pref.body.substr(at, nl - at)));
    ASSERT_EQ(rows.size(), 4u);
    EXPECT_EQ(rows[1]["decision"], "rejected");
    EXPECT_EQ(rows[1]["chosen"], kP1);
    EXPECT_EQ(rows[1]["rejected"], replace_once(kP1, "recieve", "receive"));
    auto csv =
        g->request("GET", "/api/v1/runs/" + run + "/reviews/export?format=csv&schema=preference",
                   {}, u.access_token);
    EXPECT_EQ(csv.body.rfind("prompt,chosen,rejected,rule_id,category,decision\r\n", 0), 0u);
    auto anon =
        g->request("GET", "/api/v1/runs/" + run + "/reviews/export?schema=sft&anonymize=true", {},
                   u.access_token);
    EXPECT_EQ(anon.body.find("pedro@example.com"), std::string::npos);
    EXPECT_EQ(anon.body.find("Pedro"), std::string::npos);
    EXPECT_NE(anon.body.find("<EMAIL_1>"), std::string::npos);
    EXPECT_NE(anon.body.find("Then <NAME_1> said"), std::string::npos) << anon.body;
    call("GET", "/api/v1/runs/" + run + "/reviews/export?schema=dpo", {}, 400);

    // Bulk: every spelling suggestion accepted as suggested, then nothing left to change.
    json bulk = {{"filter", {{"category", "spelling"}}}, {"decision", "accepted"}};
    EXPECT_EQ(call("POST", "/api/v1/runs/" + run + "/reviews/bulk", bulk.dump())["data"]["updated"],
              2);
    EXPECT_EQ(call("POST", "/api/v1/runs/" + run + "/reviews/bulk", bulk.dump())["data"]["updated"],
              0);
    history = call("GET", "/api/v1/runs/" + run + "/reviews/history")["data"]["items"];
    ASSERT_EQ(history.size(), 3u);
    EXPECT_EQ(history[2]["kind"], "bulk");
    EXPECT_EQ(history[2]["filter"]["category"], "spelling");
    call("POST", "/api/v1/runs/" + run + "/reviews/bulk",
         json{{"decision", "accepted"}, {"filter", {{"state", "x"}}}}.dump(), 422);

    // Dictionary: a word it holds is no longer a spelling suggestion in a later run, and the
    // ids of the other suggestions of the same document are the same as before.
    EXPECT_EQ(call("GET", "/api/v1/projects/" + project + "/dictionary")["data"]["words"].size(),
              0u);
    call("PUT", "/api/v1/projects/" + project + "/dictionary", R"({"words":["Galley","Galley"]})");
    auto words =
        call("POST", "/api/v1/projects/" + project + "/dictionary/words", R"({"word":"recieve"})");
    EXPECT_EQ(words["data"]["words"], json({"Galley", "recieve"}));
    call("POST", "/api/v1/projects/" + project + "/dictionary/words", R"({"word":"two words"})",
         422);
    call("PUT", "/api/v1/projects/" + project + "/dictionary", R"({"words":["ok", 3]})", 422);
    std::string again = run_to_end(doc, &status);
    ASSERT_EQ(status, "succeeded");
    auto later = suggestions(again);
    std::set<std::string> before, after;
    for (const auto& s : all) before.insert(s["id"]);
    for (const auto& s : later) after.insert(s["id"]);
    EXPECT_EQ(later.size(), 3u);
    EXPECT_FALSE(after.count(recieve)) << "the dictionary word is accepted";
    before.erase(recieve);
    EXPECT_EQ(before, after) << "the same document gives the same ids in every run";

    // Someone else sees none of it.
    auto other = register_user(*g, "other@example.com");
    for (const std::string& path : std::vector<std::string>{
             "/suggestions", "/reviews/history", "/reviews/export", "/preview?document_id=" + doc})
        EXPECT_EQ(g->request("GET", "/api/v1/runs/" + run + path, {}, other.access_token).status,
                  404)
            << path;
    EXPECT_EQ(g->request("POST", "/api/v1/runs/" + run + "/reviews", one(teh, "rejected"),
                         other.access_token)
                  .status,
              404);
    EXPECT_EQ(
        g->request("POST", "/api/v1/runs/" + run + "/finalize", {}, other.access_token).status,
        404);
    EXPECT_EQ(
        g->request("GET", "/api/v1/projects/" + project + "/dictionary", {}, other.access_token)
            .status,
        404);
}

TEST_P(review_flow, failed_documents_and_unfinished_runs_conflict) {
    std::string poison = upload("poison.txt", "A poisoned document with teh error.\n"), status;
    std::string run = run_to_end(poison, &status);
    ASSERT_EQ(status, "failed");
    json bulk = {{"filter", {{"document_id", poison}}}, {"decision", "accepted"}};
    call("POST", "/api/v1/runs/" + run + "/reviews/bulk", bulk.dump(), 409);
    call("GET", "/api/v1/runs/" + run + "/preview?document_id=" + poison, {}, 409);
    call("POST", "/api/v1/runs/" + run + "/finalize", {}, 409);
    bulk["filter"]["document_id"] = "00000000-0000-4000-8000-000000000000";
    call("POST", "/api/v1/runs/" + run + "/reviews/bulk", bulk.dump(), 404);

    std::string slow = upload("slow.txt", "A slow document with teh error.\n");
    auto started = call("POST", "/api/v1/projects/" + project + "/runs",
                        json{{"document_ids", {slow}}}.dump(), 202);
    call("POST", "/api/v1/runs/" + started["data"]["id"].get<std::string>() + "/finalize", {}, 409);
}

// A TXT finalized without accepting anything is byte-identical to its original: the document
// and the export share one stored file, and deleting the document must not break the export.
TEST_P(review_flow, deleting_a_document_keeps_an_export_with_the_same_content) {
    const std::string text = "A clean paragraph with nothing to fix.\n";
    std::string doc = upload("clean.txt", text), status;
    std::string run = run_to_end(doc, &status);
    ASSERT_EQ(status, "succeeded");
    for (const auto& sg : suggestions(run))
        call("POST", "/api/v1/runs/" + run + "/reviews",
             json{{"decisions", {{{"suggestion_id", sg["id"]}, {"decision", "rejected"}}}}}.dump());
    auto exported = call("POST", "/api/v1/runs/" + run + "/finalize")["data"];
    ASSERT_EQ(exported.size(), 1u);
    call("DELETE", "/api/v1/documents/" + doc);
    auto download = g->request("GET", "/api/v1/runs/" + run + "/exports/" + exported[0]["id"].get<std::string>() +
                                          "/download", {}, u.access_token);
    EXPECT_EQ(download.status, 200) << download.body;
    EXPECT_EQ(download.body, text);
}

INSTANTIATE_TEST_SUITE_P(backends, review_flow,
                         ::testing::Values(backend_kind::sqlite, backend_kind::postgresql),
                         [](const auto& info) { return backend_label(info.param); });

TEST(review_openapi, documents_every_review_endpoint) {
    galley_process g(make_temp_dir("galley-review-spec"));
    ASSERT_TRUE(g.start()) << g.log();
    auto spec = json_of(g.request("GET", "/api/v1/openapi.json"));
    for (const char* path :
         {"/api/v1/runs/{run_id}/suggestions", "/api/v1/runs/{run_id}/reviews",
          "/api/v1/runs/{run_id}/reviews/bulk", "/api/v1/runs/{run_id}/reviews/history",
          "/api/v1/runs/{run_id}/reviews/export", "/api/v1/runs/{run_id}/preview",
          "/api/v1/runs/{run_id}/finalize", "/api/v1/projects/{project_id}/dictionary",
          "/api/v1/projects/{project_id}/dictionary/words"})
        EXPECT_TRUE(spec["paths"].contains(path)) << path;
    for (const char* schema :
         {"Suggestion", "ReviewBatch", "SftRow", "PreferenceRow", "Dictionary"})
        EXPECT_TRUE(spec["components"]["schemas"].contains(schema)) << schema;
}
