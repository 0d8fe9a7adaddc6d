#include "http/webhook_sender.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netdb.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <array>
#include <cstring>
#include <memory>
#include <optional>

#include "domain/utf8.hpp"
#include "http/socket_io.hpp"

namespace galley::http {

namespace {
using clock_type = std::chrono::steady_clock;

struct target {
    bool tls = false;
    std::string host;  // without brackets
    std::string port;
    std::string path;  // with the query
    std::string host_header;
};

std::optional<target> parse_url(const std::string& url) {
    target t;
    std::string lower = utf8::ascii_lower(url.substr(0, 8));
    std::size_t at = 0;
    if (lower.starts_with("https://")) t.tls = true, at = 8;
    else if (lower.starts_with("http://")) at = 7;
    else return std::nullopt;
    std::size_t end = url.find_first_of("/?#", at);
    std::string authority = url.substr(at, end == std::string::npos ? std::string::npos : end - at);
    if (authority.empty() || authority.find('@') != std::string::npos) return std::nullopt;
    std::string port_text;
    if (authority[0] == '[') {
        auto close = authority.find(']');
        if (close == std::string::npos) return std::nullopt;
        t.host = authority.substr(1, close - 1);
        if (close + 1 < authority.size()) {
            if (authority[close + 1] != ':') return std::nullopt;
            port_text = authority.substr(close + 2);
        }
    } else {
        auto colon = authority.rfind(':');
        t.host = authority.substr(0, colon);
        if (colon != std::string::npos) port_text = authority.substr(colon + 1);
    }
    if (t.host.empty()) return std::nullopt;
    if (!port_text.empty()) {
        if (port_text.size() > 5 || port_text.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
        int port = std::stoi(port_text);
        if (port < 1 || port > 65535) return std::nullopt;
    }
    t.port = port_text.empty() ? (t.tls ? "443" : "80") : port_text;
    t.host_header = authority;
    if (end != std::string::npos && url[end] != '#') t.path = url.substr(end, url.find('#', end) - end);
    if (t.path.empty() || t.path[0] != '/') t.path = "/" + t.path;
    for (char c : t.path)
        if (static_cast<unsigned char>(c) <= ' ' || c == 0x7f) return std::nullopt;  // no header injection
    return t;
}

const std::vector<cidr>& forbidden_blocks() {
    static const std::vector<cidr> blocks = [] {
        std::vector<cidr> out;
        for (const char* text :
             {"0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
              "192.0.0.0/24", "192.0.2.0/24", "192.88.99.0/24", "192.168.0.0/16", "198.18.0.0/15",
              "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4", "::/96", "64:ff9b::/96",
              "64:ff9b:1::/48", "100::/64", "2001:db8::/32", "2002::/16", "fc00::/7", "fe80::/10", "fec0::/10",
              "ff00::/8"})
            out.push_back(*parse_cidr(text, "webhook"));
        return out;
    }();
    return blocks;
}

std::optional<ip_address> address_of(const sockaddr* sa) {
    char text[INET6_ADDRSTRLEN] = {};
    const void* raw = sa->sa_family == AF_INET ? static_cast<const void*>(&reinterpret_cast<const sockaddr_in*>(sa)->sin_addr)
                                               : static_cast<const void*>(&reinterpret_cast<const sockaddr_in6*>(sa)->sin6_addr);
    if (!inet_ntop(sa->sa_family, raw, text, sizeof text)) return std::nullopt;
    return parse_ip(text);
}

int remaining_ms(clock_type::time_point deadline) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - clock_type::now()).count();
    return left > 0 ? static_cast<int>(left) : 0;
}

// Connects to one checked address before the deadline; the socket is left blocking with
// send/receive timeouts of what remains.
bool connect_before(int fd, const addrinfo* ai, clock_type::time_point deadline, std::string& error) {
    int flags = ::fcntl(fd, F_GETFL, 0);
    ::fcntl(fd, F_SETFL, flags | O_NONBLOCK);
    if (::connect(fd, ai->ai_addr, ai->ai_addrlen) != 0) {
        if (errno != EINPROGRESS) return error = std::string("cannot connect: ") + std::strerror(errno), false;
        pollfd p{fd, POLLOUT, 0};
        if (::poll(&p, 1, remaining_ms(deadline)) != 1) return error = "timed out connecting", false;
        int so_error = 0;
        socklen_t len = sizeof so_error;
        ::getsockopt(fd, SOL_SOCKET, SO_ERROR, &so_error, &len);
        if (so_error != 0) return error = std::string("cannot connect: ") + std::strerror(so_error), false;
    }
    ::fcntl(fd, F_SETFL, flags);
    timeval tv{remaining_ms(deadline) / 1000, (remaining_ms(deadline) % 1000) * 1000};
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
    return true;
}

SSL_CTX* client_tls_context() {
    static SSL_CTX* ctx = [] {
        SSL_CTX* c = SSL_CTX_new(TLS_client_method());
        if (c) {
            SSL_CTX_set_min_proto_version(c, TLS1_2_VERSION);
            SSL_CTX_set_default_verify_paths(c);
            SSL_CTX_set_verify(c, SSL_VERIFY_PEER, nullptr);
        }
        return c;
    }();
    return ctx;
}

// A byte stream over a plain or TLS socket.
class channel {
public:
    explicit channel(int fd) : fd_(fd) {}
    ~channel() {
        if (ssl_) SSL_free(ssl_);
    }
    bool start_tls(const std::string& host, std::string& error) {
        SSL_CTX* ctx = client_tls_context();
        if (!ctx || !(ssl_ = SSL_new(ctx))) return error = "cannot set up TLS", false;
        SSL_set_fd(ssl_, fd_);
        X509_VERIFY_PARAM* param = SSL_get0_param(ssl_);
        if (parse_ip(host)) {
            X509_VERIFY_PARAM_set1_ip_asc(param, host.c_str());
        } else {
            SSL_set_tlsext_host_name(ssl_, host.c_str());
            X509_VERIFY_PARAM_set1_host(param, host.c_str(), 0);
        }
        if (SSL_connect(ssl_) != 1) {
            long verify = SSL_get_verify_result(ssl_);
            error = verify != X509_V_OK ? std::string("TLS certificate not accepted: ") +
                                              X509_verify_cert_error_string(verify)
                                        : "TLS handshake failed";
            ERR_clear_error();
            return false;
        }
        return true;
    }
    bool write_all(std::string_view bytes) {
        if (!ssl_) return send_all(fd_, bytes.data(), bytes.size());
        while (!bytes.empty()) {
            int n = SSL_write(ssl_, bytes.data(), static_cast<int>(bytes.size()));
            if (n <= 0) return false;
            bytes.remove_prefix(static_cast<std::size_t>(n));
        }
        return true;
    }
    long read_some(char* into, std::size_t size) {
        return ssl_ ? SSL_read(ssl_, into, static_cast<int>(size)) : ::recv(fd_, into, size, 0);
    }

private:
    int fd_;
    SSL* ssl_ = nullptr;
};

webhook_answer failure(std::string error) { return {0, std::move(error)}; }
}  // namespace

bool is_public_address(const ip_address& address) {
    for (const auto& block : forbidden_blocks())
        if (block.contains(address)) return false;
    return true;
}

webhook_answer send_webhook(const webhook_post& post, const webhook_sender_options& options) {
    const auto deadline = clock_type::now() + options.timeout;
    auto t = parse_url(post.url);
    if (!t) return failure("the webhook_url is not an http(s) URL galley can call");
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    addrinfo* found = nullptr;
    if (int rc = ::getaddrinfo(t->host.c_str(), t->port.c_str(), &hints, &found); rc != 0)
        return failure("cannot resolve " + t->host + ": " + gai_strerror(rc));
    std::unique_ptr<addrinfo, decltype(&::freeaddrinfo)> addresses(found, ::freeaddrinfo);
    for (const addrinfo* ai = found; ai && !options.allow_private; ai = ai->ai_next) {
        auto a = address_of(ai->ai_addr);
        if (!a || !is_public_address(*a))
            return failure(t->host + " resolves to a private or reserved address; webhooks only reach public ones");
    }
    std::string error = "no address to connect to";
    for (const addrinfo* ai = found; ai; ai = ai->ai_next) {
        fd_guard sock{::socket(ai->ai_family, ai->ai_socktype | SOCK_CLOEXEC, ai->ai_protocol)};
        if (sock.fd < 0 || !connect_before(sock.fd, ai, deadline, error)) {
            if (remaining_ms(deadline) == 0) break;
            continue;
        }
        channel ch(sock.fd);
        if (t->tls && !ch.start_tls(t->host, error)) return failure(error);
        std::string request = "POST " + t->path + " HTTP/1.1\r\nHost: " + t->host_header +
                              "\r\nUser-Agent: galley-webhooks\r\nContent-Type: application/json\r\nContent-Length: " +
                              std::to_string(post.body.size()) + "\r\nConnection: close\r\n";
        for (const auto& [name, value] : post.headers) request += name + ": " + value + "\r\n";
        request += "\r\n";
        if (!ch.write_all(request) || !ch.write_all(post.body)) return failure("the receiver stopped reading the request");
        std::string head;
        std::array<char, 1024> buffer{};
        while (head.find("\r\n") == std::string::npos && head.size() < 8192) {
            long n = ch.read_some(buffer.data(), buffer.size());
            if (n <= 0) break;
            head.append(buffer.data(), static_cast<std::size_t>(n));
        }
        if (head.size() < 12 || !head.starts_with("HTTP/1.") || head[8] != ' ')
            return failure(head.empty() ? "no answer before the deadline" : "the answer is not HTTP/1.x");
        int code = 0;
        for (std::size_t i = 9; i < 12; ++i) {
            if (head[i] < '0' || head[i] > '9') return failure("the answer has no status code");
            code = code * 10 + (head[i] - '0');
        }
        if (code >= 200 && code < 300) return {code, ""};
        if (code >= 300 && code < 400) return {code, "redirects are not followed (HTTP " + std::to_string(code) + ")"};
        return {code, "HTTP " + std::to_string(code)};
    }
    return failure(error);
}

}  // namespace galley::http
