// libFuzzer target: what a client sends before any handler logic. The first byte chooses the
// reader: a multipart/form-data body (its first line is the Content-Type), a JSON request body
// with the string fields handlers read, or the list parameters ?limit= and ?cursor=. Every
// reader must answer with a value or an error, and a cursor it accepts must round-trip.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "domain/cursor.hpp"
#include "http/json_input.hpp"
#include "http/multipart.hpp"

using namespace galley;

namespace {

void multipart(std::string_view input) {
    const std::size_t eol = input.find('\n');
    const std::string_view type = input.substr(0, eol);
    const std::string_view body = eol == std::string_view::npos ? std::string_view{} : input.substr(eol + 1);
    auto boundary = http::multipart_boundary(type);
    if (!boundary) return;
    auto parts = http::parse_multipart(body, *boundary);
    if (!parts) return;
    for (const http::form_part& p : *parts)
        if (p.body.data() < body.data() || p.body.data() + p.body.size() > body.data() + body.size()) {
            std::fprintf(stderr, "fuzz_request: a part's body lies outside the request body\n");
            std::abort();
        }
}

void json_body(std::string_view input) {
    http::http_request req;
    req.body = input;
    auto obj = http::parse_json_object(req, input.size() % 2 == 0);
    if (!obj) return;
    for (std::string_view field : {"name", "email", "password", "language", "state"}) {
        (void)http::required_string(*obj, field);
        (void)http::optional_string(*obj, field, 64);
    }
}

void list_parameters(std::string_view input) {
    http::http_request req;
    const std::size_t cut = input.find('&');
    req.query.emplace_back("limit", std::string(input.substr(0, cut)));
    if (cut != std::string_view::npos) req.query.emplace_back("cursor", std::string(input.substr(cut + 1)));
    (void)http::list_limit(req);
    (void)http::list_cursor(req);
    auto key = decode_cursor(input);
    if (!key) return;
    auto again = decode_cursor(encode_cursor(*key));
    if (!again || again->created_at != key->created_at || again->id != key->id) {
        std::fprintf(stderr, "fuzz_request: an accepted cursor does not round-trip\n");
        std::abort();
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const std::string_view input(reinterpret_cast<const char*>(data) + 1, size - 1);
    switch (data[0] % 3) {
        case 0: multipart(input); break;
        case 1: json_body(input); break;
        default: list_parameters(input); break;
    }
    return 0;
}
