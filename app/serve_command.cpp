// `galley serve`: wire configuration, database, storage and the HTTP server; run until
// SIGINT/SIGTERM, then shut down gracefully (finish in-flight requests, close the pool).
#include <pthread.h>
#include <signal.h>

#include <algorithm>
#include <chrono>
#include <cstdio>

#include "app/commands.hpp"
#include "app/command_catalog.hpp"
#include "app/config.hpp"
#include "actors/runtime.hpp"
#include "cluster/cluster_node.hpp"
#include "app/blob_collector.hpp"
#include "app/clock_sync.hpp"
#include "app/audit_pruner.hpp"
#include "app/periodic_task.hpp"
#include "app/webhook_dispatcher.hpp"
#include "app/guest_sweeper.hpp"
#include "app/jwt_keys.hpp"
#include "domain/ids.hpp"
#include "domain/engine/engine.hpp"
#include "http/server.hpp"
#include "persistence/blob_store.hpp"
#include "persistence/database.hpp"
#include "persistence/idempotency_repository.hpp"
#include "persistence/migrations.hpp"

namespace galley::app {

namespace {
int fail(const std::string& line) {
    std::fprintf(stderr, "galley: %s\n", line.c_str());
    return 2;
}
}  // namespace

int serve_command(const std::vector<std::string>& args) {
    // Block the stop signals before any thread starts, so only sigwait below receives them.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
    signal(SIGPIPE, SIG_IGN);

    auto line = read_command_line("serve", args);
    if (const int* exit_code = std::get_if<int>(&line)) return *exit_code;
    auto* parsed = &std::get<parsed_args>(line);
    if (!parsed->positional.empty()) return fail("serve takes no positional arguments");
    auto cfg = load_config(parsed->flags, galley_environment());
    if (!cfg) return fail(cfg.err().message);

    std::size_t pool_size = static_cast<std::size_t>(cfg->http_handler_threads) + 2;
    // A renewal waiting on SQLite's write lock gives up at half the lease TTL (at most 5 s).
    const auto busy_timeout = std::min<std::chrono::milliseconds>(std::chrono::seconds(5),
                                                                  std::chrono::seconds(cfg->lock_ttl_seconds) / 2);
    auto db = persistence::database::open(cfg->db_url, pool_size, busy_timeout);
    if (!db) return fail(db.err().message);
    auto migrated = persistence::apply_migrations(**db);
    if (!migrated) return fail("migrations failed: " + migrated.err().message);
    auto blobs = persistence::blob_store::open(cfg->storage_dir);
    if (!blobs) return fail(blobs.err().message);
    auto keys = load_key_ring(*cfg);
    if (!keys) return fail(keys.err().message);

    // Before anything takes or judges a lease: this node follows the database's clock.
    auto clock = clock_sync::start(**db);
    if (!clock) return fail("cannot read the database's clock: " + clock.err().message);
    auto faults = parse_faults(cfg->faults);
    if (!faults) return fail(faults.err().message);
    auto eng = engine::load();
    if (!eng) return fail("cannot load the spelling dictionaries: " + eng.err().message);

    http::service_context ctx(**db, *blobs, cfg->plans, *keys);
    actors::runtime_options rt;
    rt.node_id = !cfg->node_id.empty() ? cfg->node_id
                                       : cluster::default_node_id(cfg->http_host, cfg->cluster_port, cfg->http_port);
    rt.cluster_port = cfg->cluster_port;
    rt.incarnation = new_uuid().substr(0, 8);
    rt.max_workers = cfg->max_workers;
    rt.max_queued = cfg->max_queued;
    rt.heartbeat_seconds = cfg->heartbeat_seconds;
    rt.lock_ttl_seconds = cfg->lock_ttl_seconds;
    rt.attempt_deadline_seconds = cfg->attempt_deadline_seconds;
    rt.faults = *faults;
    actors::runtime runtime(rt, **db, *blobs, cfg->plans, std::make_shared<const engine>(std::move(*eng)),
                            ctx.metrics.registry());
    ctx.runtime = &runtime;
    ctx.guest_ttl = static_cast<micros>(cfg->guest_ttl_hours) * 3600 * 1'000'000;
    ctx.auth_per_minute = cfg->auth_per_minute;
    for (const std::string& block : cfg->trusted_proxies) {
        auto c = http::parse_cidr(block, "trusted-proxy");
        if (!c) return fail("--trusted-proxy: " + c.err().message);
        ctx.trusted_proxies.push_back(*c);
    }
    // Request rates are the cluster's on PostgreSQL (one bucket per user or address in the database).
    ctx.limiter.share_through(&ctx.rate_buckets);
    auto cors = http::cors_policy::parse(cfg->cors_origins);
    if (!cors) return fail("--cors-origins: " + cors.err().message);
    ctx.cors = std::move(*cors);
    if (!cfg->clamav_socket.empty()) ctx.scanner = http::malware_scanner(cfg->clamav_socket);
    cluster::cluster_options co;
    co.node_id = rt.node_id;
    co.host = cfg->http_host;
    co.cluster_port = cfg->cluster_port;
    co.http_address = cfg->http_host + ":" + std::to_string(cfg->http_port);
    co.join = cfg->join;
    co.heartbeat_seconds = cfg->heartbeat_seconds;
    co.ttl_seconds = cfg->lock_ttl_seconds;
    auto node = cluster::cluster_node::start(co, runtime, **db, ctx.metrics.registry());
    if (!node) return fail(node.err().message);
    http::server_options opts;
    opts.host = cfg->http_host;
    opts.port = cfg->http_port;
    opts.io_threads = static_cast<std::size_t>(cfg->http_io_threads);
    opts.max_connections = static_cast<std::size_t>(cfg->http_max_connections);
    opts.handler_threads = static_cast<std::size_t>(cfg->http_handler_threads);
    opts.tls_cert_file = cfg->tls_cert_file;
    opts.tls_key_file = cfg->tls_key_file;
    std::int64_t largest = cfg->plans.largest_upload_bytes();
    // Unlimited plans still get a server-wide cap: RESTinio reserves the declared length up front.
    opts.max_body_bytes = static_cast<std::uint64_t>(largest == 0 ? (4096ll << 20) : largest) + (1u << 20);
    guest_sweeper sweeper(**db, *blobs);
    blob_collector collector(**db, *blobs);
    audit_pruner pruner(**db, cfg->audit_retention_days);
    // A bucket idle for an hour is full again: forgetting it changes nothing. Idempotency keys
    // are kept 24 hours.
    periodic_task key_sweep(std::chrono::minutes(10), [&ctx] {
        (void)ctx.rate_buckets.prune_idle(3600);
        (void)persistence::idempotency_repository(ctx.db).prune(now_micros());
    });
    webhook_options hooks;
    hooks.allow_private = cfg->webhook_allow_private;
    hooks.retry.first_delay = static_cast<micros>(cfg->webhook_first_retry_seconds) * 1'000'000;
    webhook_dispatcher webhooks(**db, hooks);
    http::api_server server(opts, ctx);
    if (auto s = server.start(); !s) return fail(s.err().message);

    std::printf("{\"level\":\"info\",\"msg\":\"listening\",\"url\":\"%s://%s:%u\",\"db\":\"%s\",\"migrations_applied\":%d}\n",
                cfg->tls_cert_file.empty() ? "http" : "https", cfg->http_host.c_str(), static_cast<unsigned>(cfg->http_port),
                (*db)->backend() == persistence::db_backend::sqlite ? "sqlite" : "postgresql", *migrated);
    std::fflush(stdout);

    int sig = 0;
    sigwait(&stop_signals, &sig);
    std::printf("{\"level\":\"info\",\"msg\":\"shutting down\",\"signal\":%d}\n", sig);
    server.stop(10.0);
    node->reset();
    runtime.shutdown();
    std::printf("{\"level\":\"info\",\"msg\":\"stopped\"}\n");
    return 0;
}

}  // namespace galley::app
