// End-to-end operations: health, readiness, metrics, OpenAPI, headers, request ids, rate limits,
// admin commands, bad configuration, and the database going away.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <thread>

#include "tests/support/api_session.hpp"
#include "tests/support/scratch_db.hpp"

using namespace galley::testing;

namespace {
std::string write_file(const std::string& path, const std::string& text) {
    FILE* f = std::fopen(path.c_str(), "w");
    std::fputs(text.c_str(), f);
    std::fclose(f);
    return path;
}

int run(const std::string& command) { return std::system((command + " >/dev/null 2>&1").c_str()); }

// An open TCP connection that sends nothing (a client holding a connection slot).
int idle_connection(std::uint16_t port) {
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    ::inet_pton(AF_INET, "127.0.0.1", &addr.sin_addr);
    if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
        ::close(fd);
        return -1;
    }
    return fd;
}
}  // namespace

// RESTinio reserves a request's declared body before any handler: the connection limit is what
// bounds the memory clients can claim. Clients over the limit wait; they are served once a slot frees.
TEST(operations, connections_over_the_limit_wait_for_a_free_slot) {
    galley_process g(make_temp_dir("galley-connlimit"));
    g.set_extra_args({"--http-max-connections", "2"});
    ASSERT_TRUE(g.start()) << g.log();
    int a = idle_connection(g.port()), b = idle_connection(g.port());
    ASSERT_GE(a, 0);
    ASSERT_GE(b, 0);
    http_call health;
    health.target = "/healthz";
    // A negative check: a server that ignored the limit answers at once, so 1.5 s of silence is the
    // expected outcome, not a guess about speed.
    EXPECT_EQ(send_http("127.0.0.1", g.port(), health, 1500).status, 0) << "a third client is not served while two hold the slots";
    ::close(a);
    ::close(b);
    EXPECT_EQ(g.request("GET", "/healthz").status, 200) << "served once the slots are free";
    EXPECT_TRUE(g.running());
}

TEST(operations, health_metrics_openapi_headers_and_request_ids) {
    galley_process g(make_temp_dir("galley-ops"));
    ASSERT_TRUE(g.start()) << g.log();
    EXPECT_EQ(g.request("GET", "/healthz").status, 200);
    auto ready = g.request("GET", "/readyz");
    EXPECT_EQ(ready.status, 200);
    EXPECT_EQ(json_of(ready)["checks"]["database"], "ok");

    auto echoed = g.request("GET", "/api/v1/nothing/here", {}, {}, {{"X-Request-Id", "trace-42"}});
    EXPECT_EQ(echoed.status, 404);
    EXPECT_EQ(echoed.header("x-request-id"), "trace-42");
    EXPECT_EQ(json_of(echoed)["request_id"], "trace-42");
    EXPECT_EQ(json_of(echoed)["error"]["code"], "not_found");
    EXPECT_EQ(echoed.header("x-content-type-options"), "nosniff");
    EXPECT_EQ(echoed.header("x-frame-options"), "DENY");
    EXPECT_EQ(echoed.header("referrer-policy"), "no-referrer");
    auto generated = g.request("GET", "/healthz", {}, {}, {{"X-Request-Id", std::string(200, 'x')}});
    EXPECT_EQ(generated.header("x-request-id").size(), 36u) << "over-long ids are replaced";

    auto spec = json_of(g.request("GET", "/api/v1/openapi.json"));
    ASSERT_TRUE(spec.is_object());
    EXPECT_EQ(spec["openapi"].get<std::string>().substr(0, 2), "3.");
    for (const char* path : {"/api/v1/auth/register", "/api/v1/auth/login", "/api/v1/auth/refresh",
                             "/api/v1/auth/logout", "/api/v1/auth/guest", "/api/v1/auth/claim",
                             "/api/v1/users/me", "/api/v1/projects",
                             "/api/v1/projects/{project_id}", "/api/v1/projects/{project_id}/documents",
                             "/api/v1/documents/{document_id}", "/api/v1/documents/{document_id}/content",
                             "/healthz", "/readyz", "/metrics", "/api/v1/users/me/settings", "/api/v1/rules",
                             "/api/v1/projects/{project_id}/runs", "/api/v1/runs/{run_id}",
                             "/api/v1/runs/{run_id}/cancel", "/api/v1/runs/{run_id}/events",
                             "/api/v1/runs/{run_id}/exports", "/api/v1/runs/{run_id}/exports/{export_id}/download",
                             "/api/v1/runs/{run_id}/changelog.csv", "/api/v1/runs/{run_id}/summary.md"})
        EXPECT_TRUE(spec["paths"].contains(path)) << path;

    auto u = register_user(g, "m@example.com");
    g.request("GET", "/api/v1/projects/00000000-0000-4000-8000-000000000000", {}, u.access_token);
    auto metrics = g.request("GET", "/metrics");
    EXPECT_EQ(metrics.status, 200);
    EXPECT_NE(metrics.body.find("galley_http_requests_total{"), std::string::npos);
    EXPECT_NE(metrics.body.find("route=\"/api/v1/projects/{project_id}\""), std::string::npos)
        << "labels use the route template, not the raw path";
    EXPECT_NE(metrics.body.find("galley_http_request_duration_seconds_bucket"), std::string::npos);
    EXPECT_EQ(metrics.body.find("00000000-0000-4000-8000-000000000000"), std::string::npos);

    std::string log = g.log();
    EXPECT_NE(log.find("\"request_id\":\"trace-42\""), std::string::npos) << "one JSON log line per request";
}

// Prometheus's own linter (Debian `prometheus` ships promtool) accepts /metrics after real work:
// names, help, types, histogram series and label syntax.
TEST(operations, metrics_pass_promtool_check_after_a_run) {
    if (run("command -v promtool") != 0) GTEST_SKIP() << "promtool is missing (Debian prometheus; scripts/test.sh installs it)";
    const std::string dir = make_temp_dir("galley-promtool");
    galley_process g(dir);
    ASSERT_TRUE(g.start()) << g.log();
    auto u = register_user(g, "prom@example.com");
    std::string project = create_project(g, u, "Metricas");
    auto up = upload_raw(g, u, project, "a.txt", "Hola mundo, esto es un texo.\n");
    ASSERT_EQ(up.status, 201) << up.body;
    auto created = g.request("POST", "/api/v1/projects/" + project + "/runs", "{}", u.access_token);
    ASSERT_EQ(created.status, 202) << created.body;
    const std::string run_id = json_of(created)["data"]["id"];
    for (auto until = std::chrono::steady_clock::now() + std::chrono::seconds(90);
         std::chrono::steady_clock::now() < until;) {
        auto status = json_of(g.request("GET", "/api/v1/runs/" + run_id, {}, u.access_token))["data"]["status"];
        if (status == "succeeded") break;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    auto metrics = g.request("GET", "/metrics");
    ASSERT_EQ(metrics.status, 200);
    EXPECT_NE(metrics.body.find("galley_correction_duration_seconds_count 1"), std::string::npos) << "a correction was timed";
    const std::string text = write_file(dir + "/metrics.txt", metrics.body);
    const int rc = std::system(("promtool check metrics < " + text + " > " + dir + "/promtool.out 2>&1").c_str());
    EXPECT_EQ(rc, 0) << slurp(dir + "/promtool.out");
    EXPECT_EQ(slurp(dir + "/promtool.out"), "") << "promtool found problems";
}

TEST(operations, plan_rate_limits_answer_429_with_retry_after) {
    std::string dir = make_temp_dir("galley-rate");
    write_file(dir + "/plans.json", R"({"free": {"requests_per_minute": 5}})");
    galley_process g(dir, "", {{"GALLEY_PLANS_FILE", dir + "/plans.json"}});
    ASSERT_TRUE(g.start()) << g.log();
    auto u = register_user(g, "fast@example.com");
    int limited = 0;
    http_reply last;
    for (int i = 0; i < 8; ++i) {
        last = g.request("GET", "/api/v1/users/me", {}, u.access_token);
        if (last.status == 429) {
            ++limited;
            EXPECT_FALSE(last.header("retry-after").empty());
            EXPECT_EQ(json_of(last)["error"]["code"], "rate_limited");
        }
    }
    EXPECT_EQ(limited, 3);
}

TEST(operations, admin_commands_change_plan_and_role_while_serving) {
    std::string dir = make_temp_dir("galley-admin");
    galley_process g(dir);
    ASSERT_TRUE(g.start()) << g.log();
    auto u = register_user(g, "boss@example.com");
    std::string db = "sqlite://" + dir + "/galley.db";
    EXPECT_EQ(run(galley_binary() + " admin set-plan --db " + db + " Boss@Example.com pro"), 0);
    EXPECT_EQ(run(galley_binary() + " admin set-role --db " + db + " boss@example.com admin"), 0);
    auto me = json_of(g.request("GET", "/api/v1/users/me", {}, u.access_token));
    EXPECT_EQ(me["data"]["plan"], "pro");
    EXPECT_EQ(me["data"]["role"], "admin");
    EXPECT_EQ(me["data"]["usage"]["chars_limit"], 20000000);
    EXPECT_NE(run(galley_binary() + " admin set-plan --db " + db + " boss@example.com platinum"), 0);
    EXPECT_NE(run(galley_binary() + " admin set-role --db " + db + " nobody@example.com admin"), 0);
    EXPECT_EQ(run(galley_binary() + " migrate --db " + db), 0) << "migrate is safe to run twice";
}

TEST(operations, bad_configuration_stops_start_up_with_one_line) {
    std::string dir = make_temp_dir("galley-badcfg");
    for (const std::string& args : {std::string("--db mysql://x"), std::string("--http nonsense"),
                                    std::string("--plans ") + write_file(dir + "/p.json", "{\"free\": {\"weight\": 0}}"),
                                    std::string("--frobnicate 1"), std::string("--http-max-connections 0")}) {
        std::string out = dir + "/out.txt";
        int rc = std::system((galley_binary() + " serve " + args + " --storage " + dir + "/s > " + out + " 2>&1").c_str());
        EXPECT_NE(rc, 0) << args;
        std::string text = slurp(out);
        EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 1) << args << ": " << text;
    }
}

TEST(operations, the_database_going_away_gives_503_readyz_and_5xx_envelopes) {
    if (test_pg_dsn().empty()) GTEST_SKIP() << "GALLEY_TEST_PG is not set (scripts/test.sh sets it)";
    // A PostgreSQL of our own, so stopping it does not disturb other tests.
    std::string pgdir = make_temp_dir("galley-pgdown");
    std::string script = std::string(GALLEY_SOURCE_DIR) + "/scripts/pg_throwaway.sh";
    std::string dsn_file = pgdir + "/dsn";
    ASSERT_EQ(std::system(("bash " + script + " start " + pgdir + " > " + dsn_file).c_str()), 0);
    std::string dsn = slurp(dsn_file);
    dsn.erase(dsn.find_last_not_of("\n") + 1);
    galley_process g(make_temp_dir("galley-dbdown"), dsn);
    ASSERT_TRUE(g.start()) << g.log();
    auto u = register_user(g, "outage@example.com");
    ASSERT_EQ(g.request("GET", "/readyz").status, 200);

    ASSERT_EQ(std::system(("bash " + script + " stop " + pgdir).c_str()), 0);
    auto ready = g.request("GET", "/readyz");
    EXPECT_EQ(ready.status, 503);
    EXPECT_EQ(json_of(ready)["checks"]["database"], "unavailable");
    for (int i = 0; i < 3; ++i) {
        auto me = g.request("GET", "/api/v1/users/me", {}, u.access_token);
        EXPECT_GE(me.status, 500) << me.body;
        EXPECT_EQ(json_of(me)["ok"], false);
        EXPECT_EQ(me.body.find("SELECT"), std::string::npos) << "no SQL in client messages";
    }
    EXPECT_EQ(g.request("GET", "/healthz").status, 200);
    EXPECT_TRUE(g.running());

    // The server comes back on the same port: galley reconnects without a restart.
    std::string port = slurp(pgdir + "/port");
    port.erase(port.find_last_not_of("\n") + 1);
    std::string bin = "$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n1)";
    std::string as_pg = ::geteuid() == 0 ? "runuser -u postgres -- " : "";
    ASSERT_EQ(std::system((as_pg + bin + "/pg_ctl -D " + pgdir + "/data -l " + pgdir + "/log -w -o \"-p " + port +
                           " -k " + pgdir + " -c listen_addresses=127.0.0.1 -c fsync=off\" start >/dev/null").c_str()), 0);
    int status = 0;
    for (int i = 0; i < 200 && status != 200; ++i) {
        status = g.request("GET", "/api/v1/users/me", {}, u.access_token).status;
        if (status != 200) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    EXPECT_EQ(status, 200);
    EXPECT_EQ(g.request("GET", "/readyz").status, 200);
    g.stop();
    std::system(("bash " + script + " stop " + pgdir).c_str());
}
