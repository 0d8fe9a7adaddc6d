#pragma once
// Internal to cluster/: how a user's command crosses to the node that owns the user. Placement
// is rendezvous hashing of the user id over the alive members (domain/placement.hpp), so every
// node agrees on the owner from the same member list. Replies cross the middleman as plain values
// (code, message, field, run id); the receiving node reads the run itself from the database.
#include <cstdint>
#include <string>
#include <tuple>

#include "actors/messages.hpp"
#include "actors/runtime_context.hpp"

namespace galley::cluster {

/// 0 for success, otherwise the error's code + 1; then message, field and the run id.
using wire_reply = std::tuple<std::int32_t, std::string, std::string, std::string>;

wire_reply to_wire(const result<run_record>& outcome);

/// The reply as the local caller expects it: the run read from the database, or the error.
actors::run_reply_ptr from_wire(actors::runtime_context& ctx, const std::string& user_id, const wire_reply& reply);

/// The reply when the owner node did not answer in time or the connection dropped.
actors::run_reply_ptr owner_unreachable();

}  // namespace galley::cluster
