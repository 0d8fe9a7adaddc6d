#pragma once
// Content-addressed files on local disk: ROOT/users/USER/projects/PROJECT/SHA256.
// Writes are atomic (temporary file, fsync, rename), so a crash never leaves a partial file
// under a final name; identical content in one project is stored once.
// Thread-safe: concurrent puts of the same content race only on rename, which is atomic.
// Blobs are shared by documents and exports with the same content, so they are never removed
// when a row goes: app/blob_collector removes the ones no row references after a grace period
// (remove_if_unused), which also collects the files of uploads that failed after the write.
#include <chrono>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/result.hpp"

namespace galley::persistence {

class blob_store {
public:
    /// Creates `root` if missing; fails with unavailable when it cannot be created.
    static result<blob_store> open(const std::filesystem::path& root);

    /// Stores `bytes` and returns their sha256 (hex). Ids must be UUIDs (checked: no path tricks).
    /// Content already stored is touched instead, which restarts its grace period.
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
    /// Removes blob `name` of the project when it was neither written nor touched for `grace` and
    /// `referenced()` says no row uses it; a leftover temporary file (a write that never
    /// finished) goes after `grace` too. The file is first moved aside and its age read again, so
    /// a put that touched it before is seen (and the file restored) and a put after writes anew.
    /// True when something was removed.
    result<bool> remove_if_unused(std::string_view user_id, std::string_view project_id, std::string_view name,
                                  std::chrono::seconds grace, const std::function<result<bool>()>& referenced);
    /// Every (user, project) directory, and the file names in one of them.
    struct project_key {
        std::string user_id, project_id;
    };
    result<std::vector<project_key>> projects() const;
    result<std::vector<std::string>> files_of(std::string_view user_id, std::string_view project_id) const;

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
