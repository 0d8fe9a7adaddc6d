#include "tests/support/http_client.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>

namespace galley::testing {

std::string http_reply::header(const std::string& lower_name) const {
    auto it = headers.find(lower_name);
    return it == headers.end() ? std::string() : it->second;
}

namespace {
bool write_all(int fd, const std::string& data) {
    std::size_t off = 0;
    while (off < data.size()) {
        ssize_t n = ::send(fd, data.data() + off, data.size() - off, MSG_NOSIGNAL);
        if (n <= 0) return false;
        off += static_cast<std::size_t>(n);
    }
    return true;
}

std::string dechunk(const std::string& raw) {
    std::string out;
    std::size_t pos = 0;
    while (pos < raw.size()) {
        std::size_t eol = raw.find("\r\n", pos);
        if (eol == std::string::npos) break;
        std::size_t size = std::stoul(raw.substr(pos, eol - pos), nullptr, 16);
        if (size == 0) break;
        out.append(raw, eol + 2, size);
        pos = eol + 2 + size + 2;
    }
    return out;
}
}  // namespace

http_reply send_http(const std::string& host, std::uint16_t port, const http_call& call, int timeout_ms) {
    http_reply reply;
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) return reply;
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    ::inet_pton(AF_INET, host.c_str(), &addr.sin_addr);
    if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
        ::close(fd);
        return reply;
    }
    std::string req = call.method + " " + call.target + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n";
    for (const auto& [k, v] : call.headers) req += k + ": " + v + "\r\n";
    if (call.send_content_length && (!call.body.empty() || call.method == "POST" || call.method == "PUT" || call.method == "PATCH"))
        req += "Content-Length: " + std::to_string(call.body.size()) + "\r\n";
    req += "\r\n";
    req += call.body;
    write_all(fd, req);
    std::string raw;
    char buf[65536];
    while (true) {
        pollfd p{fd, POLLIN, 0};
        if (::poll(&p, 1, timeout_ms) <= 0) break;
        ssize_t n = ::recv(fd, buf, sizeof buf, 0);
        if (n <= 0) break;
        raw.append(buf, static_cast<std::size_t>(n));
    }
    ::close(fd);
    std::size_t head_end = raw.find("\r\n\r\n");
    if (head_end == std::string::npos) return reply;
    std::string head = raw.substr(0, head_end);
    std::size_t line_end = head.find("\r\n");
    std::string status_line = head.substr(0, line_end);
    auto sp = status_line.find(' ');
    if (sp != std::string::npos) reply.status = std::atoi(status_line.c_str() + sp + 1);
    std::size_t pos = line_end == std::string::npos ? head.size() : line_end + 2;
    while (pos < head.size()) {
        std::size_t e = head.find("\r\n", pos);
        if (e == std::string::npos) e = head.size();
        std::string line = head.substr(pos, e - pos);
        auto colon = line.find(':');
        if (colon != std::string::npos) {
            std::string name = line.substr(0, colon);
            std::transform(name.begin(), name.end(), name.begin(), ::tolower);
            std::string value = line.substr(colon + 1);
            value.erase(0, value.find_first_not_of(' '));
            reply.headers[name] = value;
        }
        pos = e + 2;
    }
    std::string body = raw.substr(head_end + 4);
    if (reply.header("transfer-encoding").find("chunked") != std::string::npos) body = dechunk(body);
    reply.body = std::move(body);
    return reply;
}

std::string multipart_file(const std::string& filename, const std::string& bytes, std::string& content_type) {
    const std::string boundary = "galleyTestBoundary7MA4YWxkTrZu0gW";
    content_type = "multipart/form-data; boundary=" + boundary;
    return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename +
           "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + bytes + "\r\n--" + boundary + "--\r\n";
}

}  // namespace galley::testing
