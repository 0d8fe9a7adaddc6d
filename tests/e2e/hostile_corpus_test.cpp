// End-to-end: the hostile corpus (tests/support/hostile_corpus.hpp, issue #11 item 11) uploaded
// through HTTP and corrected through a run, then through `galley correct`. Each file is refused
// with a 4xx and an API.md error code, or accepted and corrected; the server stays up and keeps
// answering /healthz, and its peak memory over the whole set stays under 1 GiB.
#include <gtest/gtest.h>
#include <signal.h>
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>

#include <atomic>
#include <chrono>
#include <fstream>
#include <sstream>
#include <thread>

#include "tests/support/api_session.hpp"
#include "tests/support/hostile_corpus.hpp"

extern char** environ;

using namespace galley::testing;
using namespace std::chrono_literals;
using clock_type = std::chrono::steady_clock;

namespace {

// Peak resident memory of a process (VmHWM), in bytes; 0 when unknown.
std::uint64_t peak_rss(pid_t pid) {
    std::ifstream status("/proc/" + std::to_string(pid) + "/status");
    for (std::string line; std::getline(status, line);)
        if (line.rfind("VmHWM:", 0) == 0) return std::stoull(line.substr(6)) * 1024;
    return 0;
}

// Polls /healthz every 200 ms from its own thread and keeps the slowest answer.
class health_watch {
public:
    explicit health_watch(const galley_process& g) : thread_([this, &g] {
        while (!stop_) {
            const auto t0 = clock_type::now();
            const auto r = g.request("GET", "/healthz");
            const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(clock_type::now() - t0).count();
            slowest_ms_ = std::max<long>(slowest_ms_, ms);
            if (r.status != 200) ++failures_;
            ++polls_;
            std::this_thread::sleep_for(200ms);
        }
    }) {}
    ~health_watch() { finish(); }
    void finish() {
        stop_ = true;
        if (thread_.joinable()) thread_.join();
    }
    long slowest_ms() const { return slowest_ms_; }
    int failures() const { return failures_; }
    int polls() const { return polls_; }

private:
    std::atomic<bool> stop_{false};
    std::atomic<long> slowest_ms_{0};
    std::atomic<int> failures_{0}, polls_{0};
    std::thread thread_;
};

bool final_status(const std::string& s) {
    return s == "succeeded" || s == "partial" || s == "failed" || s == "cancelled";
}

}  // namespace

class hostile_corpus_test : public ::testing::Test {
protected:
    void SetUp() override {
        dir = make_temp_dir("galley-hostile");
        std::ofstream(dir + "/plans.json")
            << R"({"free": {"max_upload_mb": 50, "chars_per_month": 0, "requests_per_minute": 0,
                            "max_docs_per_run": 0, "max_stored_mb": 0}})";
        files = hostile_corpus(40);
    }
    std::string dir;
    std::vector<hostile_file> files;
};

TEST_F(hostile_corpus_test, every_file_is_refused_or_corrected_and_the_server_stays_up) {
    galley_process g(dir, "", {{"GALLEY_PLANS_FILE", dir + "/plans.json"}});
    ASSERT_TRUE(g.start()) << g.log();
    const api_user user = register_user(g, "attacker@example.com");
    const std::string project = create_project(g, user, "Hostile");
    health_watch health(g);
    for (const hostile_file& f : files) {
        SCOPED_TRACE(f.name);
        const auto t0 = clock_type::now();
        const http_reply up = upload_raw(g, user, project, f.name, f.bytes);
        EXPECT_LT(clock_type::now() - t0, 20s) << "upload answered late";
        const auto reply = json_of(up);
        if (up.status != 201) {
            std::printf("%-28s refused %d %s\n", f.name.c_str(), up.status,
                        reply["error"]["code"].is_string() ? reply["error"]["code"].get<std::string>().c_str() : "?");
            EXPECT_GE(up.status, 400) << up.body;
            EXPECT_LT(up.status, 500) << up.body;
            EXPECT_TRUE(reply["error"]["code"].is_string()) << up.body;
            EXPECT_NE(f.expect, hostile_outcome::accepted) << up.body;
            continue;
        }
        EXPECT_NE(f.expect, hostile_outcome::refused) << "accepted";
        const std::string id = reply["data"]["id"];
        const auto run = g.request("POST", "/api/v1/projects/" + project + "/runs",
                                   nlohmann::json{{"document_ids", {id}}}.dump(), user.access_token);
        ASSERT_EQ(run.status, 202) << run.body;
        const std::string run_id = json_of(run)["data"]["id"];
        std::string status;
        for (const auto until = clock_type::now() + 2min; clock_type::now() < until && !final_status(status);
             std::this_thread::sleep_for(250ms))
            status = json_of(g.request("GET", "/api/v1/runs/" + run_id, {}, user.access_token))["data"]["status"];
        EXPECT_EQ(status, "succeeded") << "the run over an accepted file";
        std::printf("%-28s accepted, run %s\n", f.name.c_str(), status.c_str());
    }
    health.finish();
    EXPECT_TRUE(g.running()) << g.log();
    EXPECT_EQ(health.failures(), 0);
    EXPECT_GT(health.polls(), 0);
    EXPECT_LT(health.slowest_ms(), 1000) << "/healthz answered slowly while hostile files were handled";
    const std::uint64_t peak = peak_rss(g.pid());
    EXPECT_GT(peak, 0u);
    EXPECT_LT(peak, 1ull << 30) << "peak memory " << (peak >> 20) << " MiB";
    std::printf("hostile corpus: server peak %llu MiB, slowest /healthz %ld ms over %d polls\n",
                static_cast<unsigned long long>(peak >> 20), health.slowest_ms(), health.polls());
}

TEST_F(hostile_corpus_test, galley_correct_finishes_every_file_without_a_signal) {
    for (const hostile_file& f : files) {
        SCOPED_TRACE(f.name);
        const std::string input = dir + "/" + f.name, out = dir + "/out";
        std::ofstream(input, std::ios::binary) << f.bytes;
        std::vector<std::string> args = {galley_binary(), "correct", input, "--out", out, "--lang", "es"};
        std::vector<char*> argv;
        for (auto& a : args) argv.push_back(a.data());
        argv.push_back(nullptr);
        posix_spawn_file_actions_t fa;
        posix_spawn_file_actions_init(&fa);
        posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
        posix_spawn_file_actions_addopen(&fa, 2, (dir + "/stderr").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        pid_t pid = -1;
        ASSERT_EQ(posix_spawn(&pid, argv[0], &fa, nullptr, argv.data(), environ), 0);
        posix_spawn_file_actions_destroy(&fa);
        int status = 0;
        bool done = false;
        for (const auto until = clock_type::now() + 60s; !done && clock_type::now() < until;) {
            done = ::waitpid(pid, &status, WNOHANG) == pid;
            if (!done) std::this_thread::sleep_for(50ms);
        }
        if (!done) {
            ::kill(pid, SIGKILL);
            ::waitpid(pid, &status, 0);
            ADD_FAILURE() << "galley correct ran for more than 60 s";
            continue;
        }
        ASSERT_FALSE(WIFSIGNALED(status)) << "signal " << WTERMSIG(status) << ": " << slurp(dir + "/stderr");
        const int code = WEXITSTATUS(status);
        EXPECT_TRUE(code == 0 || code == 2) << "exit " << code << ": " << slurp(dir + "/stderr");
        if (f.expect == hostile_outcome::accepted) {
            EXPECT_EQ(code, 0) << slurp(dir + "/stderr");
        } else if (f.expect == hostile_outcome::refused) {
            EXPECT_EQ(code, 2) << slurp(dir + "/stderr");
        }
    }
}
