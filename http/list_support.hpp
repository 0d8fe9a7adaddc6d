#pragma once
// The shape every list endpoint shares (API.md, Conventions): authenticate, read ?limit= and
// ?cursor=, fetch one page, answer {"items": [...], "next_cursor": ...}.
#include <optional>

#include "domain/cursor.hpp"
#include "http/auth_support.hpp"
#include "http/errors.hpp"
#include "http/json_input.hpp"
#include "http/resource_json.hpp"

namespace galley::http {

/// `fetch(caller, limit, after)` returns result<page<T>>; `to_json(T)` renders one item.
template <class Fetch, class ToJson>
http_response paged_list(const http_request& req, service_context& ctx, Fetch&& fetch, ToJson&& to_json) {
    auto who = authenticate(req, ctx);
    if (!who) return json_error(who.err(), req.request_id);
    auto limit = list_limit(req);
    if (!limit) return json_error(limit.err(), req.request_id);
    auto after = list_cursor(req);
    if (!after) return json_error(after.err(), req.request_id);
    auto pg = fetch(*who, *limit, *after);
    if (!pg) return json_error(pg.err(), req.request_id);
    return with_user(json_ok(page_json(*pg, to_json), req.request_id), *who);
}

}  // namespace galley::http
