#pragma once
// Runs the real galley binary for end-to-end tests: a private data directory, a free port,
// readiness by polling /healthz (generous deadline, no fixed sleeps), SIGTERM or SIGKILL.
#include <sys/types.h>

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "tests/support/http_client.hpp"

namespace galley::testing {

/// A TCP port that was free a moment ago on 127.0.0.1, outside the kernel's ephemeral range.
std::uint16_t free_port();

/// A fresh temporary directory (removed by the caller or left for inspection on failure).
std::string make_temp_dir(const std::string& prefix);

/// Reads a whole file (test fixtures, corpus).
std::string slurp(const std::string& path);

/// The path of the galley binary: $GALLEY_BINARY or the build tree's.
std::string galley_binary();

class galley_process {
public:
    /// `db_url` empty: SQLite in `dir`. Extra environment variables in `env`.
    galley_process(std::string dir, std::string db_url = {}, std::map<std::string, std::string> env = {});
    ~galley_process();

    /// Starts and waits until /healthz answers (up to 60 s); false when it exited or never answered.
    bool start();
    /// SIGTERM and wait; returns the exit status (or -1).
    int stop();
    /// SIGKILL and reap.
    void kill_hard();
    bool running() const;
    /// Extra `serve` arguments (e.g. --cluster-port), used from the next start().
    void set_extra_args(std::vector<std::string> args) { extra_args_ = std::move(args); }
    /// A fixed HTTP port instead of a fresh free one (0: pick one at each start).
    void set_port(std::uint16_t port) { fixed_port_ = port; }
    /// The address galley serves HTTP on (and advertises to the cluster); 127.0.0.1 by default.
    void set_host(std::string host) { host_ = std::move(host); }
    /// A command that runs galley, e.g. {"ip", "netns", "exec", NAME} (found on PATH).
    void set_launcher(std::vector<std::string> prefix) { launcher_ = std::move(prefix); }
    /// How start() knows the server is up (default: plain GET /healthz answers 200), e.g. over TLS.
    void set_ready_check(std::function<bool()> ready) { ready_ = std::move(ready); }

    std::uint16_t port() const { return port_; }
    /// The server's process id while it runs (-1 before start).
    pid_t pid() const { return pid_; }
    const std::string& dir() const { return dir_; }
    std::string log() const;  // stdout + stderr so far

    http_reply request(const std::string& method, const std::string& target, const std::string& body = {},
                       const std::string& token = {},
                       std::vector<std::pair<std::string, std::string>> headers = {}) const;

private:
    std::string dir_, db_url_;
    std::map<std::string, std::string> env_;
    std::uint16_t port_ = 0;
    std::uint16_t fixed_port_ = 0;
    std::vector<std::string> extra_args_;
    std::string host_ = "127.0.0.1";
    std::vector<std::string> launcher_;
    std::function<bool()> ready_;
    pid_t pid_ = -1;
};

}  // namespace galley::testing
