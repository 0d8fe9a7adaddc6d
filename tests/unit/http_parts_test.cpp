// Pure pieces of the HTTP layer: the error table, multipart parsing, JSON input, rate limits, CORS.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "http/cors.hpp"
#include "http/errors.hpp"
#include "http/json_input.hpp"
#include "http/multipart.hpp"
#include "http/rate_limiter.hpp"
#include "http/request_log.hpp"

using namespace galley;
using namespace galley::http;

TEST(error_table, maps_every_errc_to_its_api_code) {
    struct row { errc e; int status; const char* code; };
    for (auto r : {row{errc::not_found, 404, "not_found"}, row{errc::invalid_argument, 422, "validation_error"},
                   row{errc::bad_request, 400, "bad_request"}, row{errc::conflict, 409, "conflict"},
                   row{errc::forbidden, 403, "forbidden"}, row{errc::unauthorized, 401, "unauthorized"},
                   row{errc::quota_exceeded, 402, "quota_exceeded"}, row{errc::payload_too_large, 413, "payload_too_large"},
                   row{errc::unsupported_media, 415, "unsupported_media_type"}, row{errc::unsafe_input, 422, "unsafe_document"},
                   row{errc::rate_limited, 429, "rate_limited"}, row{errc::over_capacity, 503, "over_capacity"},
                   row{errc::unavailable, 500, "internal"}, row{errc::internal, 500, "internal"}}) {
        auto c = api_code_of(r.e);
        EXPECT_EQ(c.status, r.status);
        EXPECT_EQ(c.code, r.code);
    }
}

TEST(envelope, errors_carry_field_and_hide_internal_causes) {
    auto r = json_error(make_error(errc::invalid_argument, "email is bad", "email"), "rid-1");
    auto j = nlohmann::json::parse(r.body);
    EXPECT_EQ(j["ok"], false);
    EXPECT_EQ(j["error"]["code"], "validation_error");
    EXPECT_EQ(j["error"]["details"]["field"], "email");
    EXPECT_EQ(j["request_id"], "rid-1");
    auto internal = nlohmann::json::parse(json_error(make_error(errc::internal, "SELECT * FROM users failed"), "r").body);
    EXPECT_EQ(internal["error"]["message"].get<std::string>().find("SELECT"), std::string::npos);
    EXPECT_FALSE(json_error(make_error(errc::rate_limited, "slow"), "r").headers.empty()) << "Retry-After";
}

TEST(multipart, finds_the_file_part_with_its_filename) {
    std::string body =
        "--XyZ\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nhello\r\n"
        "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"libro.txt\"\r\n"
        "Content-Type: text/plain\r\n\r\nline1\r\nline2\r\n--XyZ--\r\n";
    auto b = multipart_boundary("multipart/form-data; boundary=XyZ");
    ASSERT_TRUE(b);
    auto parts = parse_multipart(body, *b);
    ASSERT_TRUE(parts.ok()) << parts.err().message;
    ASSERT_EQ(parts->size(), 2u);
    EXPECT_EQ((*parts)[1].name, "file");
    EXPECT_EQ((*parts)[1].filename, "libro.txt");
    EXPECT_EQ((*parts)[1].body, "line1\r\nline2");
}

TEST(multipart, broken_framing_is_a_bad_request) {
    EXPECT_FALSE(parse_multipart("--XyZ\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nno end", "XyZ").ok());
    EXPECT_FALSE(parse_multipart("nothing here", "XyZ").ok());
    EXPECT_FALSE(multipart_boundary("application/json"));
}

TEST(json_input, malformed_bodies_are_400_and_bad_fields_422) {
    http_request req;
    req.body = "{not json";
    EXPECT_EQ(parse_json_object(req).err().code, errc::bad_request);
    req.body = "[1,2]";
    EXPECT_EQ(parse_json_object(req).err().code, errc::bad_request);
    req.body = R"({"email": 42})";
    auto obj = parse_json_object(req);
    ASSERT_TRUE(obj.ok());
    auto f = required_string(*obj, "email");
    EXPECT_EQ(f.err().code, errc::invalid_argument);
    EXPECT_EQ(f.err().field, "email");
    EXPECT_EQ(required_string(*obj, "password").err().field, "password");
}

TEST(json_input, list_limits_are_bounded) {
    http_request req;
    EXPECT_EQ(*list_limit(req), 50);
    req.query = {{"limit", "500"}};
    EXPECT_EQ(*list_limit(req), 500);
    for (const char* bad : {"0", "501", "-1", "ten", "5x"}) {
        req.query = {{"limit", bad}};
        EXPECT_EQ(list_limit(req).err().code, errc::bad_request) << bad;
    }
    req.query = {{"cursor", "garbage"}};
    EXPECT_EQ(list_cursor(req).err().code, errc::bad_request);
}

TEST(rate_limiter, allows_the_plan_rate_then_refuses) {
    rate_limiter limiter;
    int allowed = 0;
    for (int i = 0; i < 50; ++i) allowed += limiter.allow("u1", 30);
    EXPECT_EQ(allowed, 30);
    EXPECT_TRUE(limiter.allow("u2", 30)) << "users do not share buckets";
    for (int i = 0; i < 1000; ++i) EXPECT_TRUE(limiter.allow("u3", 0)) << "0 means unlimited";
}

TEST(cors_policy, parses_an_allow_list_of_origins_and_refuses_anything_else) {
    auto p = galley::http::cors_policy::parse(" https://App.Example.com , http://localhost:5173,");
    ASSERT_TRUE(p.ok());
    EXPECT_TRUE(p->allows("https://app.example.com")) << "origins compare without case";
    EXPECT_TRUE(p->allows("http://localhost:5173"));
    EXPECT_FALSE(p->allows("http://localhost:5174"));
    EXPECT_FALSE(p->allows("https://app.example.com.evil.example"));
    EXPECT_FALSE(p->allows(""));
    for (const char* bad : {"app.example.com", "https://app.example.com/", "https://a.example/path", "https://",
                            "https://user@host", "*.example.com"}) {
        auto r = galley::http::cors_policy::parse(bad);
        ASSERT_FALSE(r.ok()) << bad;
        EXPECT_EQ(r.err().field, "cors-origins");
    }
    EXPECT_FALSE(galley::http::cors_policy::parse("")->enabled());
}

TEST(cors_policy, echoes_an_allowed_origin_with_credentials_and_wildcards_only_without) {
    auto listed = *galley::http::cors_policy::parse("https://app.example.com");
    auto h = listed.response_headers("https://app.example.com");
    auto get = [](const galley::http::header_list& l, const std::string& name) {
        for (const auto& [k, v] : l)
            if (k == name) return v;
        return std::string();
    };
    EXPECT_EQ(get(h, "Access-Control-Allow-Origin"), "https://app.example.com");
    EXPECT_EQ(get(h, "Access-Control-Allow-Credentials"), "true");
    EXPECT_EQ(get(listed.response_headers("https://evil.example"), "Access-Control-Allow-Origin"), "");
    auto any = *galley::http::cors_policy::parse("*");
    auto w = any.response_headers("https://anywhere.example");
    EXPECT_EQ(get(w, "Access-Control-Allow-Origin"), "*");
    EXPECT_EQ(get(w, "Access-Control-Allow-Credentials"), "") << "never a wildcard with credentials";
}

TEST(rate_limiter, leases_are_two_seconds_of_the_rate_within_one_and_twenty) {
    EXPECT_EQ(rate_limiter::lease_size(1), 1);
    EXPECT_EQ(rate_limiter::lease_size(60), 2);
    EXPECT_EQ(rate_limiter::lease_size(120), 4);
    EXPECT_EQ(rate_limiter::lease_size(100000), 20);
}

TEST(request_log, names_the_resources_a_request_is_about) {
    auto ids = galley::http::request_ids("/api/v1/runs/{run_id}/exports/{export_id}/download", {"r1", "e1"}, "");
    ASSERT_EQ(ids.size(), 2u);
    EXPECT_EQ(ids[0], (std::pair<std::string, std::string>{"run_id", "r1"}));
    EXPECT_EQ(ids[1], (std::pair<std::string, std::string>{"export_id", "e1"}));
    auto preview = galley::http::request_ids("/api/v1/runs/{run_id}/preview", {"r1"}, "d1");
    ASSERT_EQ(preview.size(), 2u);
    EXPECT_EQ(preview[1], (std::pair<std::string, std::string>{"document_id", "d1"}));
    EXPECT_TRUE(galley::http::request_ids("/healthz", {}, "").empty());
}
