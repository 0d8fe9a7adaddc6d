#include "app/command_catalog.hpp"

#include <cstdio>
#include <string>

namespace galley::app {

namespace {
// What load_config reads. The defaults shown must be the ones config.hpp gives (a unit test
// checks every literal one).
const std::vector<flag_spec> kConfigFlags = {
    {"http", "GALLEY_HTTP", "ADDR:PORT", "127.0.0.1:8080", "Address and port the HTTP API listens on."},
    {"db", "GALLEY_DB", "URL", "sqlite://./var/galley.db",
     "Database: sqlite://PATH, or postgresql://... for a cluster."},
    {"storage", "GALLEY_STORAGE", "DIR", "./var/storage", "Directory of the content-addressed file store."},
    {"plans", "GALLEY_PLANS_FILE", "FILE", "the built-in plans", "JSON file of plans and their limits."},
    {"cluster-port", "GALLEY_CLUSTER_PORT", "N", "none: a single node", "Port other nodes reach this node on."},
    {"node-id", "GALLEY_NODE_ID", "ID", "generated at start", "Name of this node in the cluster."},
    {"join", "GALLEY_JOIN", "HOST:PORT,...", "none", "Cluster ports of nodes to join."},
    {"max-workers", "GALLEY_MAX_WORKERS", "N", "the number of cores", "Documents corrected at once on this node."},
    {"max-queued", "GALLEY_MAX_QUEUED", "N", "10000", "Documents waiting on the whole node before runs are refused."},
    {"heartbeat-seconds", "GALLEY_HEARTBEAT_SECONDS", "N", "2", "Interval of node heartbeats and lease renewals."},
    {"lock-ttl-seconds", "GALLEY_LOCK_TTL_SECONDS", "N", "10",
     "Lifetime of a work lease; a node silent this long is declared dead."},
    {"attempt-deadline-seconds", "GALLEY_ATTEMPT_DEADLINE_SECONDS", "N", "600",
     "Time one correction attempt may take (more for documents over 100 000 words)."},
    {"http-threads", "GALLEY_HTTP_THREADS", "N", "2", "Threads doing HTTP input and output."},
    {"handler-threads", "GALLEY_HANDLER_THREADS", "N", "twice the cores, at least 4",
     "Threads running request handlers."},
    {"http-max-connections", "GALLEY_HTTP_MAX_CONNECTIONS", "N", "1024", "Open HTTP connections accepted at once."},
    {"guest-ttl-hours", "GALLEY_GUEST_TTL_HOURS", "N", "24", "Lifetime of a guest account and its files."},
    {"audit-retention-days", "GALLEY_AUDIT_RETENTION_DAYS", "N", "365", "Age at which audit lines are pruned."},
    {"auth-per-minute", "GALLEY_AUTH_PER_MINUTE", "N", "30", "Sign-ins per client address (IPv6: per /64) a minute."},
    {"trusted-proxy", "GALLEY_TRUSTED_PROXY", "CIDR,...", "none",
     "Proxies whose X-Forwarded-For names the client address."},
    {"tls-cert", "GALLEY_TLS_CERT", "FILE", "none: plain HTTP", "PEM certificate chain; serve HTTPS with --tls-key."},
    {"tls-key", "GALLEY_TLS_KEY", "FILE", "none: plain HTTP", "PEM private key of --tls-cert."},
    {"cors-origins", "GALLEY_CORS_ORIGINS", "ORIGIN,...", "none", "Browser origins allowed to call the API."},
    {"jwt-secret", "GALLEY_JWT_SECRET", "SECRET", "generated and kept in the storage directory",
     "Key signing access tokens (at least 32 characters; the same on every node)."},
    {"clamav-socket", "GALLEY_CLAMAV_SOCKET", "PATH", "none: uploads are not scanned",
     "clamd's Unix socket; every upload is scanned before it is stored, and refused when infected or unscanned."},
    {"webhook-first-retry-seconds", "GALLEY_WEBHOOK_FIRST_RETRY_SECONDS", "N", "5",
     "Wait before retrying a failed webhook delivery; it doubles each time, up to an hour, for 24 hours."},
    {"faults", "GALLEY_FAULTS", "LIST", "none", "Faults to inject, for tests only (DESIGN.md, Faults)."},
    {"", "GALLEY_WEBHOOK_ALLOW_PRIVATE", "0|1", "0",
     "1 lets webhooks reach private, loopback and link-local addresses (tests, closed networks)."},
    {"", "GALLEY_JWT_PREVIOUS_SECRETS", "SECRET,...", "none",
     "Former signing keys still accepted while tokens signed with them live."},
};

std::vector<flag_spec> pick(std::initializer_list<std::string_view> names, std::vector<flag_spec> own = {}) {
    std::vector<flag_spec> out;
    for (auto name : names)
        if (const auto* f = config_flag(name)) out.push_back(*f);
    out.insert(out.end(), own.begin(), own.end());
    return out;
}

const std::vector<command_spec>& catalog() {
    static const std::vector<command_spec> all = {
        {"serve", "serve [options]", "Run the HTTP API and the correction workers until SIGINT or SIGTERM.",
         kConfigFlags},
        {"correct", "correct INPUT... --out DIR [options]",
         "Correct DOCX and TXT files offline: a corrected copy, a copy with tracked changes and the\n"
         "suggestions as JSON lines for each input.",
         {{"out", "", "DIR", "", "Directory the results are written to (required)."},
          {"lang", "", "auto|es|en", "auto", "Language of the inputs."},
          {"no-tracked", "", "", "", "Do not write the copy with tracked changes."},
          {"min-confidence", "", "X", "0.6", "Apply suggestions at least this sure; 0 applies all."}}},
        {"migrate", "migrate [options]", "Apply pending database migrations and print the schema version.",
         pick({"db"})},
        {"admin", "admin set-plan|set-role EMAIL VALUE [options]",
         "Set a user's plan (one of the plans file) or role (admin or user).", pick({"db", "plans"})},
        {"backup", "backup --out DIR [options]",
         "Write an online backup of the database and the file store, with a checksum manifest,\n"
         "while servers run.",
         pick({"db", "storage"}, {{"out", "", "DIR", "", "New or empty directory for the backup (required)."}})},
        {"restore", "restore DIR [options]",
         "Restore a backup into an empty database and an empty storage directory, checking every\n"
         "checksum first.",
         pick({"db", "storage"})},
    };
    return all;
}
}  // namespace

const flag_spec* config_flag(std::string_view name) {
    for (const auto& f : kConfigFlags)
        if (f.name == name) return &f;
    return nullptr;
}

std::span<const command_spec> commands() { return catalog(); }

const command_spec* find_command(std::string_view name) {
    for (const auto& c : catalog())
        if (c.name == name) return &c;
    return nullptr;
}

std::variant<parsed_args, int> read_command_line(std::string_view command, const std::vector<std::string>& args) {
    const command_spec* spec = find_command(command);
    if (!spec) return 2;
    auto parsed = parse_args(args, *spec);
    if (!parsed) {
        std::fprintf(stderr, "galley: %s\n", parsed.err().message.c_str());
        return 2;
    }
    if (parsed->help) {
        std::fputs(help_text(*spec).c_str(), stdout);
        return 0;
    }
    return std::move(*parsed);
}

std::string overview_text() {
    std::string out = "usage: galley COMMAND [options]\n\ncommands:\n";
    for (const auto& c : catalog()) {
        std::string summary(c.summary);
        for (auto at = summary.find('\n'); at != std::string::npos; at = summary.find('\n', at + 1))
            summary.insert(at + 1, 12, ' ');
        out += "  " + std::string(c.name) + std::string(10 - std::min<std::size_t>(9, c.name.size()), ' ') + summary + "\n";
    }
    out += "\ngalley COMMAND --help lists a command's options, their defaults and GALLEY_* variables;\n"
           "galley --version prints the version.\n";
    return out;
}

}  // namespace galley::app
