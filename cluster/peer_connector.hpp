#pragma once
// Internal to cluster/: connects to cluster peers so that the membership actor never waits on a
// connection. A detached actor probes the address (tcp_probe.hpp, 2 s) and only then asks CAF's
// middleman for the actor published there, so an address that swallows packets costs the
// connector 2 s and costs the membership actor nothing: its heartbeats, failure detection and
// command routing go on while a connect is pending.
#include <caf/fwd.hpp>

#include <chrono>

#include "actors/messages.hpp"

namespace galley::cluster {

using peer_connect_atom = caf::atom_constant<caf::atom("peerconn")>;

/// How long the connector gives an address to accept a TCP connection.
constexpr std::chrono::seconds kPeerProbeLimit{2};

/// (peer_connect_atom, std::string host, std::uint16_t port) -> caf::actor: the membership actor
/// published there, or an error when the address does not answer in time or publishes none.
caf::behavior peer_connector(caf::event_based_actor* self);

}  // namespace galley::cluster
