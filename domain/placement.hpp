#pragma once
// Entity placement by rendezvous (highest random weight) hashing: each user belongs to the live
// node with the highest hash of (node, user). Adding or losing a node moves only the users that
// node wins or held, and every node computes the same owner from the same member list.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace galley {

/// The owner of `key` among `nodes` (node ids); nullopt when `nodes` is empty.
std::optional<std::string> rendezvous_owner(std::string_view key, const std::vector<std::string>& nodes);

}  // namespace galley
