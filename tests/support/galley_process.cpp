#include "tests/support/galley_process.hpp"

#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>
#include <thread>

namespace galley::testing {

namespace {
// Binds 127.0.0.1:`port` (0: any) and returns the port bound, 0 when it is taken.
std::uint16_t bind_loopback(std::uint16_t port) {
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = htons(port);
    std::uint16_t bound = 0;
    if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0) {
        socklen_t len = sizeof addr;
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
        bound = ntohs(addr.sin_port);
    }
    ::close(fd);
    return bound;
}
}  // namespace

std::uint16_t free_port() {
    // Below Linux's ephemeral range (32768-60999): a port the kernel hands out for port 0 or an
    // outgoing connection may be taken by another test's client before our server binds it.
    static thread_local std::mt19937 pick(static_cast<std::uint32_t>(::getpid()) ^
                             static_cast<std::uint32_t>(std::chrono::steady_clock::now().time_since_epoch().count()));
    for (int attempt = 0; attempt < 200; ++attempt)
        if (std::uint16_t port = bind_loopback(static_cast<std::uint16_t>(20000 + pick() % 12000))) return port;
    return bind_loopback(0);
}

std::string make_temp_dir(const std::string& prefix) {
    std::string templ = "/tmp/" + prefix + "-XXXXXX";
    char* made = ::mkdtemp(templ.data());
    return made ? std::string(made) : std::string();
}

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::string galley_binary() {
    if (const char* b = std::getenv("GALLEY_BINARY")) return b;
    return GALLEY_DEFAULT_BINARY;
}

galley_process::galley_process(std::string dir, std::string db_url, std::map<std::string, std::string> env)
    : dir_(std::move(dir)), db_url_(std::move(db_url)), env_(std::move(env)) {
    if (db_url_.empty()) db_url_ = "sqlite://" + dir_ + "/galley.db";
}

galley_process::~galley_process() {
    if (running()) kill_hard();
}

bool galley_process::start() {
    port_ = fixed_port_ ? fixed_port_ : free_port();
    std::string log_path = dir_ + "/galley.log";
    pid_ = ::fork();
    if (pid_ == 0) {
        FILE* out = std::freopen(log_path.c_str(), "a", stdout);
        (void)out;
        ::dup2(STDOUT_FILENO, STDERR_FILENO);
        for (const auto& [k, v] : env_) ::setenv(k.c_str(), v.c_str(), 1);
        if (!env_.count("GALLEY_JWT_SECRET")) ::unsetenv("GALLEY_JWT_SECRET");
        // Tests register many users from one address; the tests of the sign-in limit set it.
        if (!env_.count("GALLEY_AUTH_PER_MINUTE")) ::setenv("GALLEY_AUTH_PER_MINUTE", "1000000", 1);
        std::string http = host_ + ":" + std::to_string(port_);
        std::string storage = dir_ + "/storage";
        std::string bin = galley_binary();
        std::vector<std::string> args = launcher_;
        for (std::string a : {bin, std::string("serve"), std::string("--http"), http, std::string("--db"), db_url_,
                              std::string("--storage"), storage})
            args.push_back(std::move(a));
        args.insert(args.end(), extra_args_.begin(), extra_args_.end());
        std::vector<char*> argv;
        for (auto& a : args) argv.push_back(a.data());
        argv.push_back(nullptr);
        ::execvp(argv[0], argv.data());
        std::_Exit(127);
    }
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (std::chrono::steady_clock::now() < deadline) {
        if (!running()) return false;
        if (ready_ ? ready_() : request("GET", "/healthz").status == 200) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(25));
    }
    return false;
}

bool galley_process::running() const {
    if (pid_ <= 0) return false;
    int status = 0;
    pid_t r = ::waitpid(pid_, &status, WNOHANG);
    if (r == pid_) {
        const_cast<galley_process*>(this)->pid_ = -1;
        return false;
    }
    return true;
}

int galley_process::stop() {
    if (pid_ <= 0) return -1;
    ::kill(pid_, SIGTERM);
    int status = 0;
    ::waitpid(pid_, &status, 0);
    pid_ = -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

void galley_process::kill_hard() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGKILL);
    int status = 0;
    ::waitpid(pid_, &status, 0);
    pid_ = -1;
}

std::string galley_process::log() const { return slurp(dir_ + "/galley.log"); }

http_reply galley_process::request(const std::string& method, const std::string& target, const std::string& body,
                                   const std::string& token,
                                   std::vector<std::pair<std::string, std::string>> headers) const {
    http_call call;
    call.method = method;
    call.target = target;
    call.body = body;
    call.headers = std::move(headers);
    if (!token.empty()) call.headers.emplace_back("Authorization", "Bearer " + token);
    bool has_type = false;
    for (const auto& [k, v] : call.headers) has_type = has_type || k == "Content-Type";
    if (!body.empty() && !has_type) call.headers.emplace_back("Content-Type", "application/json");
    return send_http(host_, port_, call);
}

}  // namespace galley::testing
