#pragma once
// Who a request comes from, for rate limits and logs. Behind a reverse proxy the peer is the
// proxy: when the peer is in a trusted CIDR (--trusted-proxy), the client is the right-most
// X-Forwarded-For entry that is not itself trusted — entries further left are whatever the
// client chose to send. Rate limits key IPv6 clients by their /64, the block one subscriber
// gets, so rotating addresses inside it does not reset a limit.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/result.hpp"

namespace galley::http {

/// An IP address as 16 bytes (IPv4 as an IPv4-mapped IPv6 address).
struct ip_address {
    std::array<std::uint8_t, 16> bytes{};
    bool v4 = false;
};

/// Parses a textual IPv4 or IPv6 address ("::ffff:1.2.3.4" is the IPv4 address).
std::optional<ip_address> parse_ip(std::string_view text);

struct cidr {
    ip_address base;
    int prefix = 0;  // bits, counted on the 128-bit form (an IPv4 /24 is /120 inside)
    bool contains(const ip_address& a) const;
};

/// "10.0.0.0/8", "2001:db8::/32" or a single address; invalid_argument names `field`.
result<cidr> parse_cidr(std::string_view text, std::string_view field);

/// The client of a request from `peer` with the X-Forwarded-For header `forwarded_for`
/// (empty when absent), trusting proxies in `trusted`. Returns the address as text.
std::string client_address(std::string_view peer, std::string_view forwarded_for,
                           const std::vector<cidr>& trusted);

/// The rate-limit key of a client address: IPv4 as written, IPv6 as its /64 ("2001:db8:1:2::/64").
std::string client_key(std::string_view address);

}  // namespace galley::http
