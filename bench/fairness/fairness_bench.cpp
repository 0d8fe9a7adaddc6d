// bench/fairness: how the durable queue's fair-share dispatch treats a light user next to a heavy
// one, against a FIFO baseline measured in the same process. See README.md.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <deque>
#include <filesystem>
#include <map>
#include <mutex>
#include <thread>

#include "domain/ids.hpp"
#include "persistence/database.hpp"
#include "persistence/document_repository.hpp"
#include "persistence/migrations.hpp"
#include "persistence/project_repository.hpp"
#include "persistence/run_repository.hpp"
#include "persistence/user_repository.hpp"
#include "persistence/work_queue.hpp"

using namespace galley;
using namespace galley::persistence;
using clock_type = std::chrono::steady_clock;

namespace {
constexpr int kWorkers = 2;
constexpr auto kService = std::chrono::milliseconds(40);  // one document's service time

struct world {
    std::unique_ptr<database> db;
    plan_table plans = plan_table::defaults();
    std::map<std::string, std::string> project_of;  // user → project
};

world make_world(const std::string& url) {
    world w;
    auto opened = database::open(url, 4);
    if (!opened) {
        std::fprintf(stderr, "cannot open %s: %s\n", url.c_str(), opened.err().message.c_str());
        std::exit(1);
    }
    w.db = std::move(opened.value());
    (void)apply_migrations(*w.db);
    return w;
}

std::string add_user(world& w, const std::string& name, const std::string& plan) {
    user u{new_uuid(), name + "@bench.local", name, "x", "user", plan, now_micros()};
    (void)user_repository(*w.db).create(u);
    project p{new_uuid(), u.id, "bench", "auto", now_micros(), 0};
    (void)project_repository(*w.db).create(p);
    w.project_of[u.id] = p.id;
    return u.id;
}

std::string submit(world& w, const std::string& user_id, int docs) {
    std::vector<std::string> ids;
    for (int i = 0; i < docs; ++i) {
        document d{new_uuid(), w.project_of[user_id], user_id, "d.txt", "txt", 1, std::string(64, 'a'), "en", 1,
                   now_micros(), 1};
        (void)document_repository(*w.db).create(d);
        ids.push_back(d.id);
    }
    plan roomy = *w.plans.find("pro");  // admission limits are not what this bench measures
    roomy.max_docs_per_run = 0;
    roomy.max_queued_docs = 0;
    roomy.max_documents = 0;
    run_admission admission{&roomy, 1'000'000};
    auto run = run_repository(*w.db).create(user_id, w.project_of[user_id], ids, run_options{}, admission);
    if (!run) {
        std::fprintf(stderr, "cannot queue a run: %s\n", run.err().message.c_str());
        std::exit(1);
    }
    return run->id;
}

// Workers claiming from the durable queue; records when each user's documents start.
struct start_log {
    std::mutex m;
    std::map<std::string, std::vector<clock_type::time_point>> starts;
};

void durable_workers(world& w, std::atomic<bool>& stop, start_log& log) {
    std::vector<std::thread> threads;
    for (int i = 0; i < kWorkers; ++i)
        threads.emplace_back([&, i] {
            work_queue q(*w.db, w.plans);
            while (!stop.load()) {
                auto c = q.claim_next("bench/" + std::to_string(i), now_micros() + 60'000'000);
                if (!c || !*c) {
                    std::this_thread::sleep_for(std::chrono::milliseconds(2));
                    continue;
                }
                {
                    std::lock_guard lock(log.m);
                    log.starts[(*c)->user_id].push_back(clock_type::now());
                }
                std::this_thread::sleep_for(kService);
                (void)q.commit_success(**c, {}, 0);
            }
        });
    for (auto& t : threads) t.join();
}

double service_times(clock_type::duration d) { return std::chrono::duration<double>(d) / std::chrono::duration<double>(kService); }

// Scenario 1: a heavy user's 40-document backlog, light users arriving later with one document.
void light_user_wait(const std::string& url) {
    world w = make_world(url);
    std::string heavy = add_user(w, "heavy", "free");
    std::vector<std::string> light;
    for (int i = 0; i < 3; ++i) light.push_back(add_user(w, "light" + std::to_string(i), "free"));
    start_log log;
    std::atomic<bool> stop{false};
    submit(w, heavy, 40);
    std::thread workers([&] { durable_workers(w, stop, log); });
    std::map<std::string, clock_type::time_point> arrived;
    for (int i = 0; i < 3; ++i) {
        std::this_thread::sleep_for(kService * 3);
        arrived[light[i]] = clock_type::now();
        submit(w, light[i], 1);
    }
    auto deadline = clock_type::now() + std::chrono::seconds(30);
    while (clock_type::now() < deadline) {
        std::lock_guard lock(log.m);
        bool all = true;
        for (auto& l : light) all = all && !log.starts[l].empty();
        if (all) break;
    }
    stop = true;
    workers.join();

    // FIFO baseline: the same arrivals served in arrival order by the same number of workers.
    std::printf("light-user wait, in document service times (%d workers, heavy backlog 40):\n", kWorkers);
    for (int i = 0; i < 3; ++i) {
        double ours = service_times(log.starts[light[i]].front() - arrived[light[i]]);
        // Under FIFO the light document waits behind every heavy document queued before it,
        // minus what the workers finished meanwhile.
        double arrival_in_services = 3.0 * (i + 1);
        double heavy_left = std::max(0.0, 40.0 - arrival_in_services * kWorkers);
        double fifo = heavy_left / kWorkers;
        std::printf("  light user %d: fair share %.2f, FIFO %.2f  (ratio FIFO/ours %.1fx)\n", i + 1, ours, fifo,
                    fifo / std::max(ours, 0.01));
    }
}

// Scenario 2: two backlogged users with weights 1 (free) and 4 (pro): throughput per weight.
void weighted_throughput(const std::string& url) {
    world w = make_world(url);
    w.plans = plan_table::defaults();
    plan free = *w.plans.find("free");
    free.max_concurrent = 0;  // caps would bind before weights with 2 workers; measure the weights
    (void)w.plans.set(free);
    plan pro = *w.plans.find("pro");
    pro.max_concurrent = 0;
    (void)w.plans.set(pro);
    std::string a = add_user(w, "weight1", "free"), b = add_user(w, "weight4", "pro");
    submit(w, a, 200);
    submit(w, b, 200);
    start_log log;
    std::atomic<bool> stop{false};
    std::thread workers([&] { durable_workers(w, stop, log); });
    std::this_thread::sleep_for(kService * 60);
    stop = true;
    workers.join();
    double x1 = static_cast<double>(log.starts[a].size()) / 1.0, x4 = static_cast<double>(log.starts[b].size()) / 4.0;
    double jain = (x1 + x4) * (x1 + x4) / (2 * (x1 * x1 + x4 * x4));
    std::printf("weights 1:4 -> served %zu : %zu (ratio 1:%.2f), Jain index of throughput/weight %.4f\n",
                log.starts[a].size(), log.starts[b].size(),
                static_cast<double>(log.starts[b].size()) / std::max<std::size_t>(1, log.starts[a].size()), jain);
}

// Scenario 3: dispatch decisions per second (claim + commit with no work) from one thread, over
// 20 users: claiming and committing one document per transaction (the baseline), then `batch`
// per transaction as the dispatcher (claim_batch of its free slots) and the committers (group
// commit) do when many documents finish at once.
double dispatch_rate(const std::string& url, int batch, int documents_per_user) {
    world w = make_world(url);
    std::vector<std::string> users;
    for (int i = 0; i < 20; ++i) users.push_back(add_user(w, "u" + std::to_string(i), i % 2 ? "pro" : "free"));
    for (const auto& u : users) submit(w, u, documents_per_user);
    plan_table uncapped = w.plans;
    for (const auto& [name, p] : w.plans.all()) {
        plan open = p;
        open.max_concurrent = 0;  // a batch larger than a plan's cap would stop at the cap
        (void)uncapped.set(open);
    }
    work_queue q(*w.db, uncapped);
    const std::vector<export_record> no_exports;
    const std::vector<suggestion_record> no_suggestions;
    auto started = clock_type::now();
    int n = 0;
    while (clock_type::now() - started < std::chrono::seconds(3)) {
        auto claimed = q.claim_batch("bench/rate", now_micros() + 60'000'000, batch);
        if (!claimed || claimed->empty()) break;
        std::vector<document_success> group;
        for (const auto& c : *claimed) group.push_back({c, no_exports, 0, no_suggestions});
        (void)q.commit_successes(group);
        n += static_cast<int>(claimed->size());
    }
    double secs = std::chrono::duration<double>(clock_type::now() - started).count();
    return n / secs;
}
}  // namespace

int main(int argc, char** argv) {
    std::string dir = std::filesystem::temp_directory_path() / ("galley-fair-" + new_uuid());
    std::filesystem::create_directories(dir);
    auto url = [&](const char* name) {
        return argc > 1 ? std::string(argv[1]) : "sqlite://" + dir + "/" + name + ".db";
    };
    if (argc > 1) std::printf("database: %s (use a fresh database per scenario)\n", argv[1]);
    light_user_wait(url("wait"));
    weighted_throughput(url("weights"));
    // Enough queued documents that no measurement runs out within its 3 s.
    double one = dispatch_rate(url("rate1"), 1, 250);
    double eight = dispatch_rate(url("rate8"), 8, 600);
    constexpr int kBatch = 64;
    double batched = dispatch_rate(url("rate64"), kBatch, 1500);
    std::printf("dispatch decisions: %.0f claims+commits per second over 20 users, %d per transaction"
                " (8 per transaction: %.0f/s; one per transaction: %.0f/s; ratio %.1fx)\n",
                batched, kBatch, eight, one, batched / std::max(one, 1.0));
    std::filesystem::remove_all(dir);
    return 0;
}
