#include "cluster/forwarding.hpp"

#include <memory>

namespace galley::cluster {

namespace {
constexpr std::int32_t kLastCode = static_cast<std::int32_t>(errc::internal);
}

wire_reply to_wire(const result<run_record>& outcome) {
    if (outcome) return {0, {}, {}, outcome->id};
    const error& e = outcome.err();
    return {static_cast<std::int32_t>(e.code) + 1, e.message, e.field, {}};
}

actors::run_reply_ptr from_wire(actors::runtime_context& ctx, const std::string& user_id, const wire_reply& reply) {
    const auto& [code, message, field, run_id] = reply;
    if (code == 0) return std::make_shared<const result<run_record>>(ctx.runs.get(user_id, run_id));
    // A code this build does not know (a newer peer) is reported as internal, never trusted blindly.
    errc c = code >= 1 && code - 1 <= kLastCode ? static_cast<errc>(code - 1) : errc::internal;
    return std::make_shared<const result<run_record>>(make_error(c, message, field));
}

actors::run_reply_ptr owner_unreachable() {
    return std::make_shared<const result<run_record>>(
        make_error(errc::unavailable, "the node that owns this user did not answer; retry shortly"));
}

}  // namespace galley::cluster
