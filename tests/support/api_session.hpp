#pragma once
// Conveniences for end-to-end tests over a running galley: JSON replies and a registered user.
#include <nlohmann/json.hpp>

#include <string>

#include "tests/support/galley_process.hpp"

namespace galley::testing {

/// The body as JSON (discarded value when it is not JSON).
nlohmann::json json_of(const http_reply& r);

struct api_user {
    std::string email, password, id, access_token, refresh_token;
};

/// Registers `email` and returns its tokens; fails the current test when registration fails.
api_user register_user(const galley_process& g, const std::string& email,
                       const std::string& password = "correct horse battery");

/// Creates a project and returns its id.
std::string create_project(const galley_process& g, const api_user& u, const std::string& name);

/// Uploads `bytes` as a raw body named `filename`.
http_reply upload_raw(const galley_process& g, const api_user& u, const std::string& project_id,
                      const std::string& filename, const std::string& bytes);

/// Uploads `bytes` as multipart/form-data.
http_reply upload_multipart(const galley_process& g, const api_user& u, const std::string& project_id,
                            const std::string& filename, const std::string& bytes);

/// Number of regular files (blobs) under the process's storage/users directory.
int stored_blob_count(const galley_process& g);

}  // namespace galley::testing
