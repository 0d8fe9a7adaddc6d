#include "app/config.hpp"

#include <unistd.h>

#include <charconv>
#include <thread>

#include "app/command_catalog.hpp"
#include "app/plans_file.hpp"
#include "persistence/database.hpp"

extern char** environ;

namespace galley::app {

namespace {
struct source {
    const std::map<std::string, std::string>& flags;
    const std::map<std::string, std::string>& env;

    // The flag's value, else its variable's (command_catalog.cpp), else nullptr.
    const std::string* get(const char* flag) const {
        if (auto it = flags.find(flag); it != flags.end()) return &it->second;
        const flag_spec* spec = config_flag(flag);
        if (!spec) return nullptr;
        if (auto it = env.find(std::string(spec->variable)); it != env.end() && !it->second.empty()) return &it->second;
        return nullptr;
    }
};

status parse_int(const std::string& text, const char* flag, long lo, long hi, long& out) {
    auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    if (ec != std::errc() || p != text.data() + text.size() || out < lo || out > hi)
        return make_error(errc::invalid_argument,
                          std::string("--") + flag + " must be an integer between " + std::to_string(lo) +
                              " and " + std::to_string(hi),
                          flag);
    return {};
}

template <class T>
status read_int(const source& src, const char* flag, long lo, long hi, T& field) {
    const std::string* v = src.get(flag);
    if (!v) return {};
    long n = 0;
    if (auto s = parse_int(*v, flag, lo, hi, n); !s) return s;
    field = static_cast<T>(n);
    return {};
}

std::vector<std::string> split_list(const std::string& s) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= s.size()) {
        std::size_t end = s.find(',', start);
        if (end == std::string::npos) end = s.size();
        if (end > start) out.push_back(s.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

status parse_http(const std::string& value, config& c) {
    auto colon = value.rfind(':');
    if (colon == std::string::npos || colon == 0)
        return make_error(errc::invalid_argument, "--http must be ADDR:PORT, e.g. 127.0.0.1:8080", "http");
    long port = 0;
    if (auto s = parse_int(value.substr(colon + 1), "http", 1, 65535, port); !s) return s;
    c.http_host = value.substr(0, colon);
    c.http_port = static_cast<std::uint16_t>(port);
    return {};
}
}  // namespace

std::map<std::string, std::string> galley_environment() {
    std::map<std::string, std::string> env;
    for (char** e = environ; e && *e; ++e) {
        std::string kv(*e);
        if (kv.rfind("GALLEY_", 0) != 0) continue;
        auto eq = kv.find('=');
        if (eq != std::string::npos) env[kv.substr(0, eq)] = kv.substr(eq + 1);
    }
    return env;
}

result<config> load_config(const std::map<std::string, std::string>& flags,
                           const std::map<std::string, std::string>& env) {
    config c;
    source src{flags, env};
    if (const auto* v = src.get("http"))
        if (auto s = parse_http(*v, c); !s) return s.err();
    if (const auto* v = src.get("db")) c.db_url = *v;
    if (auto url = persistence::parse_db_url(c.db_url); !url) return url.err();
    if (const auto* v = src.get("storage")) c.storage_dir = *v;
    if (c.storage_dir.empty()) return make_error(errc::invalid_argument, "--storage must not be empty", "storage");
    if (const auto* v = src.get("plans")) c.plans_file = *v;
    for (auto s : {read_int(src, "cluster-port", 1, 65535, c.cluster_port),
                   read_int(src, "max-workers", 1, 1024, c.max_workers),
                   read_int(src, "max-queued", 1, 10'000'000, c.max_queued),
                   read_int(src, "heartbeat-seconds", 1, 3600, c.heartbeat_seconds),
                   read_int(src, "lock-ttl-seconds", 2, 86400, c.lock_ttl_seconds),
                   read_int(src, "attempt-deadline-seconds", 1, 7 * 86400,
                            c.attempt_deadline_seconds),
                   read_int(src, "http-threads", 1, 64, c.http_io_threads),
                   read_int(src, "handler-threads", 1, 512, c.http_handler_threads),
                   read_int(src, "http-max-connections", 1, 1'000'000,
                            c.http_max_connections),
                   read_int(src, "guest-ttl-hours", 1, 24 * 365, c.guest_ttl_hours),
                   read_int(src, "audit-retention-days", 1, 36500,
                            c.audit_retention_days),
                   read_int(src, "webhook-first-retry-seconds", 1, 3600, c.webhook_first_retry_seconds),
                   read_int(src, "auth-per-minute", 1, 1'000'000, c.auth_per_minute)})
        if (!s) return s.err();
    if (c.lock_ttl_seconds <= c.heartbeat_seconds)
        return make_error(errc::invalid_argument, "the lock TTL must be longer than the heartbeat interval",
                          "lock-ttl-seconds");
    if (const auto* v = src.get("node-id")) c.node_id = *v;
    if (const auto* v = src.get("join")) c.join = split_list(*v);
    if (const auto* v = src.get("faults")) c.faults = *v;
    if (const auto* v = src.get("clamav-socket")) c.clamav_socket = *v;
    if (const auto* v = src.get("trusted-proxy")) c.trusted_proxies = split_list(*v);
    if (const auto* v = src.get("cors-origins")) c.cors_origins = *v;
    if (const auto* v = src.get("tls-cert")) c.tls_cert_file = *v;
    if (const auto* v = src.get("tls-key")) c.tls_key_file = *v;
    if (c.tls_cert_file.empty() != c.tls_key_file.empty())
        return make_error(errc::invalid_argument, "--tls-cert and --tls-key go together",
                          c.tls_cert_file.empty() ? "tls-cert" : "tls-key");
    for (const auto& [path, field] : {std::pair{c.tls_cert_file, "tls-cert"}, std::pair{c.tls_key_file, "tls-key"}})
        if (!path.empty() && ::access(path.c_str(), R_OK) != 0)
            return make_error(errc::invalid_argument, "cannot read " + path, field);
    if (const auto* v = src.get("jwt-secret")) {
        if (v->size() < 32)
            return make_error(errc::invalid_argument, "GALLEY_JWT_SECRET must have at least 32 characters", "jwt-secret");
        c.jwt_secret = *v;
    }
    if (auto it = env.find("GALLEY_WEBHOOK_ALLOW_PRIVATE"); it != env.end()) {
        if (it->second != "0" && it->second != "1")
            return make_error(errc::invalid_argument, "GALLEY_WEBHOOK_ALLOW_PRIVATE must be 0 or 1", "webhook-allow-private");
        c.webhook_allow_private = it->second == "1";
    }
    if (auto it = env.find("GALLEY_JWT_PREVIOUS_SECRETS"); it != env.end())
        c.jwt_previous_secrets = split_list(it->second);
    unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    if (c.max_workers == 0) c.max_workers = static_cast<int>(cores);
    if (c.http_handler_threads == 0) c.http_handler_threads = static_cast<int>(std::max(4u, 2 * cores));
    if (!c.plans_file.empty()) {
        auto plans = load_plans_file(c.plans_file);
        if (!plans) return plans.err();
        c.plans = std::move(*plans);
    }
    return c;
}

}  // namespace galley::app
