#pragma once
// Content-addressed files on local disk: ROOT/users/USER/projects/PROJECT/SHA256.
// Writes are atomic (temporary file, fsync, rename), so a crash never leaves a partial file
// under a final name; identical content in one project is stored once.
// Thread-safe: concurrent puts of the same content race only on rename, which is atomic.
#include <filesystem>
#include <string>
#include <string_view>

#include "domain/result.hpp"

namespace galley::persistence {

class blob_store {
public:
    /// Creates `root` if missing; fails with unavailable when it cannot be created.
    static result<blob_store> open(const std::filesystem::path& root);

    /// Stores `bytes` and returns their sha256 (hex). Ids must be UUIDs (checked: no path tricks).
    result<std::string> put(std::string_view user_id, std::string_view project_id,
                            std::string_view bytes);
    /// Reads a blob back; not_found when absent.
    result<std::string> get(std::string_view user_id, std::string_view project_id,
                            std::string_view sha256) const;
    status remove(std::string_view user_id, std::string_view project_id, std::string_view sha256);
    /// Removes every blob of the project.
    status remove_project(std::string_view user_id, std::string_view project_id);
    /// Removes every blob of the user (an expired guest).
    status remove_user(std::string_view user_id);
    /// Writes, reads back and removes a probe file: ok when the storage works (readyz).
    status probe() const;

    const std::filesystem::path& root() const { return root_; }

private:
    explicit blob_store(std::filesystem::path root) : root_(std::move(root)) {}
    result<std::filesystem::path> project_dir(std::string_view user_id,
                                              std::string_view project_id) const;
    std::filesystem::path root_;
};

/// Writes `bytes` to `path` atomically (temp file in the same directory, fsync, rename) with
/// file mode `mode`. Used for blobs and for secrets kept in the storage directory.
status write_file_atomically(const std::filesystem::path& path, std::string_view bytes,
                             int mode = 0644);

/// Reads a whole file; not_found when it does not exist.
result<std::string> read_file(const std::filesystem::path& path);

}  // namespace galley::persistence
