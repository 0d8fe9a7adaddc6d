#pragma once
// The fixture of the end-to-end run tests (runs_test.cpp, run_limits_test.cpp): a galley process
// on SQLite or PostgreSQL with a plans file, and the calls a user of the runs API makes.
// Every wait polls with a generous deadline (a loaded 2-core machine must not make these flaky).
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <functional>
#include <initializer_list>
#include <map>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "tests/support/api_session.hpp"
#include "tests/support/scratch_db.hpp"

namespace galley::testing {

using nlohmann::json;
using namespace std::chrono_literals;

namespace runs_support {

constexpr auto kRunDeadline = 90s;

inline bool is_final(const std::string& status) {
    return status == "succeeded" || status == "partial" || status == "failed" ||
           status == "cancelled";
}

// Documents of a run by filename.
inline std::map<std::string, json> documents_by_name(const json& run) {
    std::map<std::string, json> out;
    for (const auto& d : run["documents"]) out[d["filename"].get<std::string>()] = d;
    return out;
}

// Counts the exports of `kind` for `document_id` (null: run-level).
inline int count_exports(const json& exports, const std::string& kind, const json& document_id) {
    int n = 0;
    for (const auto& e : exports)
        if (e["kind"] == kind && e["document_id"] == document_id) ++n;
    return n;
}

// The `data` of the last `event: NAME` in a server-sent event stream (null when none).
inline json last_event(const std::string& stream, const std::string& name) {
    json last;
    std::string marker = "event: " + name + "\ndata: ";
    for (std::size_t pos = stream.find(marker); pos != std::string::npos;
         pos = stream.find(marker, pos + 1)) {
        std::size_t start = pos + marker.size(), end = stream.find('\n', start);
        last = json::parse(stream.substr(start, end - start), nullptr, false);
    }
    return last;
}

}  // namespace runs_support

using namespace runs_support;

class runs : public ::testing::TestWithParam<backend_kind> {
protected:
    void SetUp() override {
        db_url = scratch_database_url(GetParam());
        if (db_url.empty()) GTEST_SKIP() << "GALLEY_TEST_PG is not set (scripts/test.sh sets it)";
        dir = make_temp_dir("galley-runs");
        ASSERT_FALSE(dir.empty());
    }

    // Starts galley with `env`. Polling tests would trip the per-user request limit (120/min on
    // free), which is not what they test, so the plans file lifts it unless `plans` says more.
    void launch(std::map<std::string, std::string> env,
                const std::string& plans = R"({"free": {"requests_per_minute": 0}})") {
        std::string plans_path = dir + "/plans.json";
        std::ofstream(plans_path) << plans;
        env["GALLEY_PLANS_FILE"] = plans_path;
        g = std::make_unique<galley_process>(dir, db_url, std::move(env));
        ASSERT_TRUE(g->start()) << g->log();
    }

    std::string upload(const api_user& u, const std::string& project, const std::string& filename,
                       const std::string& bytes, bool multipart = false) {
        auto r = multipart ? upload_multipart(*g, u, project, filename, bytes)
                           : upload_raw(*g, u, project, filename, bytes);
        EXPECT_EQ(r.status, 201) << filename << ": " << r.body;
        auto j = json_of(r);
        return j.is_object() && j.value("ok", false) ? j["data"]["id"].get<std::string>()
                                                     : std::string();
    }

    /// One small TXT per name, `before` + name + `after`; their ids in order.
    std::vector<std::string> upload_texts(const api_user& u, const std::string& project,
                                          std::initializer_list<const char*> names,
                                          const std::string& before = "Texto de ",
                                          const std::string& after = ".\n") {
        std::vector<std::string> ids;
        for (const char* name : names) ids.push_back(upload(u, project, name, before + name + after));
        return ids;
    }

    http_reply start_run(const api_user& u, const std::string& project,
                         const std::vector<std::string>& ids) {
        json body = json::object();
        if (!ids.empty()) body["document_ids"] = ids;
        return g->request("POST", "/api/v1/projects/" + project + "/runs", body.dump(),
                          u.access_token);
    }

    json get_run(const api_user& u, const std::string& run_id) {
        auto r = g->request("GET", "/api/v1/runs/" + run_id, {}, u.access_token);
        if (r.status != 200) return json();
        return json_of(r)["data"];
    }

    // Polls the run until `done` holds or the deadline passes; returns the last run seen.
    json wait_run(const api_user& u, const std::string& run_id,
                  const std::function<bool(const json&)>& done,
                  std::chrono::steady_clock::duration deadline = kRunDeadline) {
        auto until = std::chrono::steady_clock::now() + deadline;
        json run;
        while (std::chrono::steady_clock::now() < until) {
            run = get_run(u, run_id);
            if (run.is_object() && done(run)) return run;
            std::this_thread::sleep_for(100ms);
        }
        return run;
    }

    json wait_final(const api_user& u, const std::string& run_id) {
        return wait_run(u, run_id,
                        [](const json& r) { return is_final(r["status"].get<std::string>()); });
    }

    json exports_of(const api_user& u, const std::string& run_id) {
        auto r = g->request("GET", "/api/v1/runs/" + run_id + "/exports", {}, u.access_token);
        EXPECT_EQ(r.status, 200) << r.body;
        auto j = json_of(r);
        return j.is_object() && j.value("ok", false) ? j["data"]["items"] : json::array();
    }

    // GET /runs/{id}/events as `u`: the whole stream once it closes, or what came before
    // `timeout_ms` (status 0 when nothing did).
    http_reply open_events(const api_user& u, const std::string& run_id, int timeout_ms) const {
        http_call call;
        call.target = "/api/v1/runs/" + run_id + "/events";
        call.headers = {{"Authorization", "Bearer " + u.access_token}, {"Accept", "text/event-stream"}};
        return send_http("127.0.0.1", g->port(), call, timeout_ms);
    }

    std::string db_url, dir;
    std::unique_ptr<galley_process> g;
};

}  // namespace galley::testing
