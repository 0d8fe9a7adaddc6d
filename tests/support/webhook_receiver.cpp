#include "tests/support/webhook_receiver.hpp"

#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include "domain/utf8.hpp"

namespace galley::testing {

namespace {
// Reads one request (head and Content-Length body) from `fd`, giving up after 10 s.
bool read_request(int fd, received_request& out) {
    std::string data;
    char buffer[4096];
    std::size_t head_end = std::string::npos, need = 0;
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (std::chrono::steady_clock::now() < until) {
        if (head_end != std::string::npos && data.size() >= head_end + 4 + need) break;
        pollfd p{fd, POLLIN, 0};
        if (::poll(&p, 1, 200) <= 0) continue;
        ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
        if (n <= 0) return false;
        data.append(buffer, static_cast<std::size_t>(n));
        if (head_end == std::string::npos && (head_end = data.find("\r\n\r\n")) != std::string::npos) {
            std::size_t line_end = data.find("\r\n");
            std::string first = data.substr(0, line_end);
            auto sp1 = first.find(' '), sp2 = first.rfind(' ');
            out.method = first.substr(0, sp1);
            out.target = first.substr(sp1 + 1, sp2 - sp1 - 1);
            for (std::size_t at = line_end + 2; at < head_end;) {
                std::size_t end = data.find("\r\n", at);
                std::string line = data.substr(at, end - at);
                auto colon = line.find(':');
                if (colon != std::string::npos) {
                    std::string value = line.substr(colon + 1);
                    value.erase(0, value.find_first_not_of(' '));
                    out.headers[utf8::ascii_lower(line.substr(0, colon))] = value;
                }
                at = end + 2;
            }
            if (auto it = out.headers.find("content-length"); it != out.headers.end()) need = std::stoul(it->second);
        }
    }
    if (head_end == std::string::npos) return false;
    out.body = data.substr(head_end + 4, need);
    return out.body.size() == need;
}
}  // namespace

webhook_receiver::webhook_receiver() {
    listener_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    int one = 1;
    ::setsockopt(listener_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(listener_, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
    ::listen(listener_, 64);
    socklen_t len = sizeof addr;
    ::getsockname(listener_, reinterpret_cast<sockaddr*>(&addr), &len);
    port_ = ntohs(addr.sin_port);
    thread_ = std::thread([this] { serve(); });
}

webhook_receiver::~webhook_receiver() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    thread_.join();
    ::close(listener_);
}

std::string webhook_receiver::url(const std::string& path) const {
    return "http://127.0.0.1:" + std::to_string(port_) + path;
}

void webhook_receiver::answer_next(std::vector<int> statuses) {
    std::lock_guard lock(mutex_);
    script_.insert(script_.end(), statuses.begin(), statuses.end());
}

std::vector<received_request> webhook_receiver::wait_for(std::size_t n, std::chrono::seconds deadline) {
    std::unique_lock lock(mutex_);
    arrived_.wait_for(lock, deadline, [&] { return requests_.size() >= n; });
    return requests_;
}

std::vector<received_request> webhook_receiver::received() const {
    std::lock_guard lock(mutex_);
    return requests_;
}

void webhook_receiver::serve() {
    while (true) {
        {
            std::lock_guard lock(mutex_);
            if (stopping_) return;
        }
        pollfd p{listener_, POLLIN, 0};
        if (::poll(&p, 1, 100) <= 0) continue;
        int fd = ::accept4(listener_, nullptr, nullptr, SOCK_CLOEXEC);
        if (fd < 0) continue;
        received_request r;
        if (read_request(fd, r)) {
            r.at = std::chrono::steady_clock::now();
            int status = 200;
            {
                std::lock_guard lock(mutex_);
                if (!script_.empty()) status = script_.front(), script_.pop_front();
                requests_.push_back(r);
            }
            arrived_.notify_all();
            std::string answer = "HTTP/1.1 " + std::to_string(status) + " X\r\nContent-Length: 0\r\n";
            if (status >= 300 && status < 400) answer += "Location: " + url("/elsewhere") + "\r\n";
            answer += "Connection: close\r\n\r\n";
            (void)::send(fd, answer.data(), answer.size(), MSG_NOSIGNAL);
        }
        ::close(fd);
    }
}

}  // namespace galley::testing
