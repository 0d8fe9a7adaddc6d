#include "tests/support/api_session.hpp"

#include <gtest/gtest.h>

#include <filesystem>

namespace galley::testing {

nlohmann::json json_of(const http_reply& r) { return nlohmann::json::parse(r.body, nullptr, false); }

api_user register_user(const galley_process& g, const std::string& email, const std::string& password) {
    api_user u{email, password, {}, {}, {}};
    auto r = g.request("POST", "/api/v1/auth/register",
                       nlohmann::json{{"email", email}, {"password", password}, {"name", "Test User"}}.dump());
    EXPECT_EQ(r.status, 201) << r.body;
    auto j = json_of(r);
    if (j.is_object() && j.value("ok", false)) {
        u.id = j["data"]["user"]["id"];
        u.access_token = j["data"]["access_token"];
        u.refresh_token = j["data"]["refresh_token"];
    }
    return u;
}

std::string create_project(const galley_process& g, const api_user& u, const std::string& name) {
    auto r = g.request("POST", "/api/v1/projects", nlohmann::json{{"name", name}}.dump(), u.access_token);
    EXPECT_EQ(r.status, 201) << r.body;
    auto j = json_of(r);
    return j.is_object() && j.value("ok", false) ? j["data"]["id"].get<std::string>() : std::string();
}

http_reply upload_raw(const galley_process& g, const api_user& u, const std::string& project_id,
                      const std::string& filename, const std::string& bytes) {
    return g.request("POST", "/api/v1/projects/" + project_id + "/documents?filename=" + filename, bytes,
                     u.access_token, {{"Content-Type", "application/octet-stream"}});
}

http_reply upload_multipart(const galley_process& g, const api_user& u, const std::string& project_id,
                            const std::string& filename, const std::string& bytes) {
    std::string content_type;
    std::string body = multipart_file(filename, bytes, content_type);
    return g.request("POST", "/api/v1/projects/" + project_id + "/documents", body, u.access_token,
                     {{"Content-Type", content_type}});
}

int stored_blob_count(const galley_process& g) {
    std::filesystem::path root = g.dir() + "/storage/users";
    if (!std::filesystem::exists(root)) return 0;
    int n = 0;
    for (const auto& e : std::filesystem::recursive_directory_iterator(root)) n += e.is_regular_file();
    return n;
}

}  // namespace galley::testing
