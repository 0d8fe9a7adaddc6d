#include "persistence/blob_store.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>

#include "domain/ids.hpp"
#include "domain/sha256.hpp"

namespace galley::persistence {

namespace fs = std::filesystem;

status write_file_atomically(const fs::path& path, std::string_view bytes, int mode) {
    std::error_code ec;
    fs::create_directories(path.parent_path(), ec);
    if (ec) return make_error(errc::unavailable, "storage is not writable");
    std::string tmp = path.string() + ".tmp-" + new_uuid();
    int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
    if (fd < 0) return make_error(errc::unavailable, "storage is not writable");
    const char* p = bytes.data();
    std::size_t left = bytes.size();
    while (left > 0) {
        ssize_t n = ::write(fd, p, left);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            ::close(fd);
            ::unlink(tmp.c_str());
            return make_error(errc::unavailable, "storage write failed");
        }
        p += n;
        left -= static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0) {
        ::unlink(tmp.c_str());
        return make_error(errc::unavailable, "storage write failed");
    }
    if (::rename(tmp.c_str(), path.c_str()) != 0) {
        ::unlink(tmp.c_str());
        return make_error(errc::unavailable, "storage write failed");
    }
    return {};
}

result<std::string> read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return make_error(errc::not_found, "file not found");
    std::string out;
    in.seekg(0, std::ios::end);
    auto size = in.tellg();
    if (size < 0) return make_error(errc::unavailable, "storage read failed");
    out.resize(static_cast<std::size_t>(size));
    in.seekg(0);
    in.read(out.data(), size);
    if (!in) return make_error(errc::unavailable, "storage read failed");
    return out;
}

result<blob_store> blob_store::open(const fs::path& root) {
    std::error_code ec;
    fs::create_directories(root, ec);
    if (ec || !fs::is_directory(root))
        return make_error(errc::unavailable, "cannot create the storage directory " + root.string());
    return blob_store(fs::absolute(root));
}

result<fs::path> blob_store::project_dir(std::string_view user_id, std::string_view project_id) const {
    if (!is_uuid(user_id) || !is_uuid(project_id))
        return make_error(errc::invalid_argument, "storage keys must be UUIDs");
    return root_ / "users" / std::string(user_id) / "projects" / std::string(project_id);
}

static bool is_sha256_hex(std::string_view s) {
    if (s.size() != 64) return false;
    for (char c : s)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    return true;
}

result<std::string> blob_store::put(std::string_view user_id, std::string_view project_id,
                                    std::string_view bytes) {
    auto dir = project_dir(user_id, project_id);
    if (!dir) return dir.err();
    std::string sha = sha256_hex(bytes);
    fs::path path = *dir / sha;
    std::error_code ec;
    if (fs::exists(path, ec) && fs::file_size(path, ec) == bytes.size()) return sha;
    if (auto s = write_file_atomically(path, bytes); !s) return s.err();
    return sha;
}

result<std::string> blob_store::get(std::string_view user_id, std::string_view project_id,
                                    std::string_view sha256) const {
    auto dir = project_dir(user_id, project_id);
    if (!dir) return dir.err();
    if (!is_sha256_hex(sha256)) return make_error(errc::not_found, "blob not found");
    return read_file(*dir / std::string(sha256));
}

status blob_store::remove(std::string_view user_id, std::string_view project_id,
                          std::string_view sha256) {
    auto dir = project_dir(user_id, project_id);
    if (!dir) return dir.err();
    if (!is_sha256_hex(sha256)) return make_error(errc::not_found, "blob not found");
    std::error_code ec;
    fs::remove(*dir / std::string(sha256), ec);
    if (ec) return make_error(errc::unavailable, "storage delete failed");
    return {};
}

status blob_store::remove_project(std::string_view user_id, std::string_view project_id) {
    auto dir = project_dir(user_id, project_id);
    if (!dir) return dir.err();
    std::error_code ec;
    fs::remove_all(*dir, ec);
    if (ec) return make_error(errc::unavailable, "storage delete failed");
    return {};
}

status blob_store::remove_user(std::string_view user_id) {
    if (!is_uuid(user_id)) return make_error(errc::invalid_argument, "storage keys must be UUIDs");
    std::error_code ec;
    fs::remove_all(root_ / "users" / std::string(user_id), ec);
    if (ec) return make_error(errc::unavailable, "storage delete failed");
    return {};
}

status blob_store::probe() const {
    fs::path path = root_ / (".probe-" + new_uuid());
    if (auto s = write_file_atomically(path, "ok"); !s) return s;
    auto back = read_file(path);
    std::error_code ec;
    fs::remove(path, ec);
    if (!back || *back != "ok") return make_error(errc::unavailable, "storage read failed");
    return {};
}

}  // namespace galley::persistence
