#pragma once
// The HTTP server: RESTinio on its own I/O threads, handlers on a handler_pool.
// start() binds and returns; stop() drains in-flight requests (bounded wait), then closes.
// This header is RESTinio-free so app/ stays cheap to compile.
#include <cstdint>
#include <memory>
#include <string>

#include "domain/result.hpp"
#include "http/service_context.hpp"

namespace galley::http {

struct server_options {
    std::string host = "127.0.0.1";
    std::uint16_t port = 8080;
    std::size_t io_threads = 2;
    std::size_t handler_threads = 4;
    std::size_t max_queued_requests = 4096;
    std::uint64_t max_body_bytes = 51ull << 20;  // server-wide cap; plans are checked per user
    std::size_t max_connections = 1024;           // further clients wait to be accepted
    // HTTPS when both are set (PEM files: the certificate chain and its private key).
    std::string tls_cert_file;
    std::string tls_key_file;
};

class api_server {
public:
    api_server(server_options options, service_context& ctx);
    ~api_server();

    /// Binds and starts serving; unavailable when the address cannot be bound or the TLS
    /// certificate or key cannot be loaded.
    status start();
    /// Refuses new requests, waits up to `drain_seconds` for in-flight ones, stops the I/O
    /// threads and the handler pool. Idempotent.
    void stop(double drain_seconds = 10.0);

private:
    struct impl;
    std::unique_ptr<impl> impl_;
};

}  // namespace galley::http
