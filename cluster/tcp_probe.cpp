#include "cluster/tcp_probe.hpp"

#include <fcntl.h>
#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <string>

namespace galley::cluster {

namespace {
// The connection's outcome once `fd` is writable or the deadline passed.
bool connected_by(int fd, std::chrono::steady_clock::time_point deadline) {
    for (;;) {
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) return false;
        pollfd p{fd, POLLOUT, 0};
        int n = ::poll(&p, 1, static_cast<int>(left.count()));
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        int error = 0;
        socklen_t len = sizeof error;
        return ::getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &len) == 0 && error == 0;
    }
}

bool connects(const addrinfo& a, std::chrono::steady_clock::time_point deadline) {
    int fd = ::socket(a.ai_family, a.ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC, a.ai_protocol);
    if (fd < 0) return false;
    bool ok = ::connect(fd, a.ai_addr, a.ai_addrlen) == 0 || (errno == EINPROGRESS && connected_by(fd, deadline));
    ::close(fd);
    return ok;
}
}  // namespace

bool tcp_reachable(const std::string& host, std::uint16_t port, std::chrono::milliseconds limit) {
    const auto deadline = std::chrono::steady_clock::now() + limit;
    addrinfo hints{};
    hints.ai_socktype = SOCK_STREAM;
    addrinfo* found = nullptr;
    if (::getaddrinfo(host.c_str(), std::to_string(port).c_str(), &hints, &found) != 0) return false;
    bool ok = false;
    for (const addrinfo* a = found; a && !ok; a = a->ai_next) ok = connects(*a, deadline);
    ::freeaddrinfo(found);
    return ok;
}

}  // namespace galley::cluster
