#pragma once
// Every atom and message type of the actor runtime, in one place. Local messages carry shared
// pointers to immutable structs (allowed as unsafe message types: they never cross the
// middleman). Messages between nodes carry only strings, integers and string vectors, which
// CAF serialises without announcements.
#include <caf/all.hpp>

#include <atomic>
#include <memory>
#include <string>
#include <vector>

#include "domain/result.hpp"
#include "domain/run_model.hpp"

namespace galley::actors {

// Timers and nudges.
using tick_atom = caf::atom_constant<caf::atom("tick")>;          // periodic dispatcher work
using poke_atom = caf::atom_constant<caf::atom("poke")>;          // work may be ready: claim now
using heartbeat_atom = caf::atom_constant<caf::atom("heartbeat")>;  // renew the lease
using finish_atom = caf::atom_constant<caf::atom("finish")>;      // a run may be complete
// Commands.
using create_atom = caf::atom_constant<caf::atom("create")>;
using cancel_atom = caf::atom_constant<caf::atom("cancel")>;
using stop_atom = caf::atom_constant<caf::atom("stop")>;
using correct_atom = caf::atom_constant<caf::atom("correct")>;
using broadcast_atom = caf::atom_constant<caf::atom("broadcast")>;  // relay a cancel to peers
using route_atom = caf::atom_constant<caf::atom("route")>;          // a command for the user's owner node
using forward_atom = caf::atom_constant<caf::atom("forward")>;      // a command from a non-owner node

struct create_run_request {
    std::string user_id, plan, project_id;
    std::vector<std::string> document_ids;
    run_options options;
};
using create_run_ptr = std::shared_ptr<const create_run_request>;

/// The answer to a command: the run or the error, carried as one value.
using run_reply_ptr = std::shared_ptr<const result<run_record>>;

/// Shared between a document actor and its corrector: set to stop at the next checkpoint.
using cancel_flag = std::shared_ptr<std::atomic<bool>>;

}  // namespace galley::actors

CAF_ALLOW_UNSAFE_MESSAGE_TYPE(galley::actors::create_run_ptr)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(galley::actors::run_reply_ptr)
