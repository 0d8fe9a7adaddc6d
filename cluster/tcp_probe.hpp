#pragma once
// Internal to cluster/: whether a TCP listener answers at an address, within a time limit.
// CAF 0.17 connects to a peer with a blocking connect(), and its middleman serialises connects:
// an address that swallows packets would hold every connect for the kernel's SYN timeout (about
// two minutes). Probing first with a bounded, non-blocking connect keeps that out of CAF.
#include <chrono>
#include <cstdint>
#include <string>

namespace galley::cluster {

/// True when a TCP connection to `host`:`port` (numeric address or name) is accepted within
/// `limit`; the probe connection is closed at once. Name resolution is not bounded by `limit`.
bool tcp_reachable(const std::string& host, std::uint16_t port, std::chrono::milliseconds limit);

}  // namespace galley::cluster
