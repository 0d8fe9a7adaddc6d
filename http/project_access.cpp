#include "http/project_access.hpp"

namespace galley::http {

result<persistence::project_access> authorize(service_context& ctx, const caller& who, access_target target,
                                              std::string_view id, project_action needed) {
    auto access = ctx.members.access(who.account.id, target, id);
    if (!access) return access.err();
    if (!role_allows(access->role, needed))
        return make_error(errc::forbidden, "your role in this project (" +
                                               std::string(role_name(access->role)) +
                                               ") does not allow this");
    return access;
}

result<project_scope> authorize(const http_request& req, service_context& ctx, access_target target,
                                std::string_view id, project_action needed) {
    auto who = authenticate(req, ctx);
    if (!who) return who.err();
    auto access = authorize(ctx, *who, target, id, needed);
    if (!access) return access.err();
    const plan* tier = &ctx.plans.find_or_free(access->owner_plan);
    return project_scope{std::move(*who), std::move(*access), tier};
}

}  // namespace galley::http
