#pragma once
// A minimal, strict multipart/form-data reader (RFC 7578) over a body held in memory: enough to
// find the uploaded `file` part without copying it.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/result.hpp"

namespace galley::http {

struct form_part {
    std::string name;
    std::optional<std::string> filename;
    std::string content_type;
    std::string_view body;  // a view into the request body
};

/// The boundary parameter of a multipart/form-data Content-Type, or nullopt when the type is
/// something else.
std::optional<std::string> multipart_boundary(std::string_view content_type);

/// Splits `body` into parts; bad_request when the framing is broken (no closing boundary,
/// headers without a blank line, more than 64 parts).
result<std::vector<form_part>> parse_multipart(std::string_view body, std::string_view boundary);

}  // namespace galley::http
