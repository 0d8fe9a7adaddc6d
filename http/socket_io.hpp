#pragma once
// The two socket chores of galley's outbound clients (webhook_sender, malware_scanner): closing a
// descriptor on every path out, and sending a whole buffer without SIGPIPE.
#include <sys/socket.h>
#include <unistd.h>

#include <cstddef>

namespace galley::http {

struct fd_guard {
    int fd = -1;
    ~fd_guard() {
        if (fd >= 0) ::close(fd);
    }
};

/// False when the peer stopped reading (or the send timed out) before everything went.
inline bool send_all(int fd, const void* data, std::size_t size) {
    const char* p = static_cast<const char*>(data);
    while (size > 0) {
        ssize_t n = ::send(fd, p, size, MSG_NOSIGNAL);
        if (n <= 0) return false;
        p += n;
        size -= static_cast<std::size_t>(n);
    }
    return true;
}

}  // namespace galley::http
