#pragma once
// The OpenAPI 3 description of the API, embedded at build time from http/openapi.json.
#include <string_view>

namespace galley::http {

std::string_view openapi_document();

}  // namespace galley::http
