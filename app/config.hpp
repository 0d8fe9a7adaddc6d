#pragma once
// galley's configuration: command-line flags over GALLEY_* environment variables over defaults
// (DESIGN.md, The binary). Validated as a whole at start-up: the first problem is reported as
// one line naming the flag, and the process exits.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "domain/plans.hpp"
#include "domain/result.hpp"

namespace galley::app {

struct config {
    std::string http_host = "127.0.0.1";
    std::uint16_t http_port = 8080;
    std::string db_url = "sqlite://./var/galley.db";
    std::string storage_dir = "./var/storage";
    std::string plans_file;
    std::uint16_t cluster_port = 0;
    std::string node_id;
    std::vector<std::string> join;
    std::string jwt_secret;                       // empty: generated and kept in storage_dir
    std::vector<std::string> jwt_previous_secrets;  // still accepted for verification
    int max_workers = 0;                          // 0: number of cores
    int max_queued = 10'000;
    int heartbeat_seconds = 2;
    int lock_ttl_seconds = 10;
    int attempt_deadline_seconds = 600;  // per attempt; longer for documents over 100 000 words
    int http_io_threads = 2;
    int http_handler_threads = 0;  // 0: 2 x cores, at least 4
    int http_max_connections = 1024;
    int guest_ttl_hours = 24;
    int audit_retention_days = 365;            // audit lines older than this are pruned
    int auth_per_minute = 30;                  // sign-ins per client address (IPv6: per /64)
    std::vector<std::string> trusted_proxies;  // CIDR blocks whose X-Forwarded-For is believed
    std::string tls_cert_file, tls_key_file;   // HTTPS when both are given
    std::string cors_origins;                  // allow-list for browsers on other origins; "" = none
    int webhook_first_retry_seconds = 5;  // doubles on each retry, up to an hour, for 24 hours
    bool webhook_allow_private = false;   // GALLEY_WEBHOOK_ALLOW_PRIVATE=1: tests and closed networks
    std::string clamav_socket;  // clamd's Unix socket: scan every upload; "" = no scanning
    std::string faults;
    plan_table plans = plan_table::defaults();
};

/// Builds the configuration from flags, then the environment (`env` maps GALLEY_* names to
/// values), then defaults; reads the plans file if one is named. invalid_argument names the
/// flag at fault.
result<config> load_config(const std::map<std::string, std::string>& flags,
                           const std::map<std::string, std::string>& env);

/// The GALLEY_* variables of this process.
std::map<std::string, std::string> galley_environment();

}  // namespace galley::app
