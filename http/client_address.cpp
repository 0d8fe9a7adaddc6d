#include "http/client_address.hpp"

#include <arpa/inet.h>

#include <cstdio>
#include <cstring>

namespace galley::http {

namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

bool trusted_peer(const ip_address& a, const std::vector<cidr>& trusted) {
    for (const cidr& c : trusted)
        if (c.contains(a)) return true;
    return false;
}

}  // namespace

std::optional<ip_address> parse_ip(std::string_view text) {
    text = trim(text);
    if (text.empty() || text.size() > 45) return std::nullopt;
    // "[2001:db8::1]" as some proxies write IPv6.
    if (text.front() == '[' && text.back() == ']') text = text.substr(1, text.size() - 2);
    char buf[64];
    std::memcpy(buf, text.data(), text.size());
    buf[text.size()] = '\0';
    ip_address a;
    std::uint8_t v4[4];
    if (::inet_pton(AF_INET, buf, v4) == 1) {
        a.bytes[10] = a.bytes[11] = 0xff;
        std::memcpy(a.bytes.data() + 12, v4, 4);
        a.v4 = true;
        return a;
    }
    if (::inet_pton(AF_INET6, buf, a.bytes.data()) != 1) return std::nullopt;
    static const std::uint8_t mapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
    a.v4 = std::memcmp(a.bytes.data(), mapped, 12) == 0;
    return a;
}

bool cidr::contains(const ip_address& a) const {
    int bits = prefix;
    for (std::size_t i = 0; i < 16 && bits > 0; ++i, bits -= 8) {
        std::uint8_t mask = bits >= 8 ? 0xff : static_cast<std::uint8_t>(0xff << (8 - bits));
        if ((a.bytes[i] & mask) != (base.bytes[i] & mask)) return false;
    }
    return true;
}

result<cidr> parse_cidr(std::string_view text, std::string_view field) {
    text = trim(text);
    auto bad = [&] {
        return make_error(errc::invalid_argument,
                          "'" + std::string(text) + "' is not an address or CIDR block (e.g. 10.0.0.0/8, ::1/128)",
                          std::string(field));
    };
    std::string_view address = text, length;
    if (auto slash = text.find('/'); slash != std::string_view::npos) {
        address = text.substr(0, slash);
        length = text.substr(slash + 1);
    }
    auto ip = parse_ip(address);
    if (!ip) return bad();
    const int max = ip->v4 ? 32 : 128;
    int bits = max;
    if (!length.empty() || text.find('/') != std::string_view::npos) {
        if (length.empty() || length.size() > 3) return bad();
        bits = 0;
        for (char c : length) {
            if (c < '0' || c > '9') return bad();
            bits = bits * 10 + (c - '0');
        }
        if (bits > max) return bad();
    }
    return cidr{*ip, ip->v4 ? bits + 96 : bits};
}

std::string client_address(std::string_view peer, std::string_view forwarded_for,
                           const std::vector<cidr>& trusted) {
    auto peer_ip = parse_ip(peer);
    if (!peer_ip || forwarded_for.empty() || !trusted_peer(*peer_ip, trusted)) return std::string(peer);
    // Right to left: each hop appended the address it saw; stop at the first one not trusted.
    std::string_view rest = forwarded_for;
    std::string chosen(peer);
    while (!rest.empty()) {
        auto comma = rest.rfind(',');
        std::string_view entry = trim(comma == std::string_view::npos ? rest : rest.substr(comma + 1));
        rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(0, comma);
        auto ip = parse_ip(entry);
        if (!ip) break;  // garbage: the last good hop is the client
        chosen = std::string(trim(entry));
        if (!trusted_peer(*ip, trusted)) break;
    }
    return chosen;
}

std::string client_key(std::string_view address) {
    auto ip = parse_ip(address);
    if (!ip) return std::string(address);
    char buf[64];
    if (ip->v4) {
        std::snprintf(buf, sizeof buf, "%u.%u.%u.%u", ip->bytes[12], ip->bytes[13], ip->bytes[14], ip->bytes[15]);
        return buf;
    }
    const auto& b = ip->bytes;
    std::snprintf(buf, sizeof buf, "%x:%x:%x:%x::/64", (b[0] << 8) | b[1], (b[2] << 8) | b[3], (b[4] << 8) | b[5],
                  (b[6] << 8) | b[7]);
    return buf;
}

}  // namespace galley::http
