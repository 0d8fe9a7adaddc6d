#pragma once
// One webhook POST to a user's URL (API.md, Operations: Webhooks), written against server-side
// request forgery: the host is resolved once, every address it resolves to must be public (no
// private, loopback, link-local, cloud-metadata, multicast or reserved block) unless
// `allow_private` (GALLEY_WEBHOOK_ALLOW_PRIVATE=1, for tests), and the connection goes to that
// checked address, so a second lookup cannot swap it. https verifies the certificate and host
// name; redirects are not followed; only the status line is read; every step has a deadline.
// Blocking: call from a sender thread, never an HTTP I/O thread.
#include <chrono>
#include <string>
#include <utility>
#include <vector>

#include "http/client_address.hpp"

namespace galley::http {

struct webhook_post {
    std::string url;
    std::string body;  // JSON
    std::vector<std::pair<std::string, std::string>> headers;
};

struct webhook_answer {
    int status_code = 0;  // 0: no HTTP answer
    std::string error;    // empty for a 2xx
};

struct webhook_sender_options {
    bool allow_private = false;
    std::chrono::milliseconds timeout{10'000};  // connecting, sending and reading, in all
};

webhook_answer send_webhook(const webhook_post& post, const webhook_sender_options& options);

/// False for the blocks a webhook may not reach (see the header comment).
bool is_public_address(const ip_address& address);

}  // namespace galley::http
