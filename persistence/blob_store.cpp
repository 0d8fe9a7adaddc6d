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
    if (fs::exists(path, ec) && fs::file_size(path, ec) == bytes.size()) {
        fs::last_write_time(path, fs::file_time_type::clock::now(), ec);
        if (!ec) return sha;  // not touched: write it anew, which also restarts its grace
    }
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

namespace {
bool older_than(const fs::path& path, std::chrono::seconds grace) {
    std::error_code ec;
    auto written = fs::last_write_time(path, ec);
    return !ec && fs::file_time_type::clock::now() - written > grace;
}
}  // namespace

result<bool> blob_store::remove_if_unused(std::string_view user_id, std::string_view project_id,
                                          std::string_view name, std::chrono::seconds grace,
                                          const std::function<result<bool>()>& referenced) {
    auto dir = project_dir(user_id, project_id);
    if (!dir) return dir.err();
    const fs::path path = *dir / std::string(name);
    std::error_code ec;
    if (auto gc = name.find(".gc-"); gc != std::string_view::npos) {
        // Moved aside by a collection that never finished (the process died): restore it, the
        // next pass judges it again.
        const fs::path original = *dir / std::string(name.substr(0, gc));
        if (fs::exists(original, ec)) fs::remove(path, ec);
        else fs::rename(path, original, ec);
        return false;
    }
    if (name.find(".tmp-") != std::string_view::npos) {  // a write that never finished
        if (!older_than(path, grace)) return false;
        return fs::remove(path, ec) && !ec;
    }
    if (!is_sha256_hex(name) || !older_than(path, grace)) return false;
    const fs::path aside = *dir / (std::string(name) + ".gc-" + new_uuid());
    fs::rename(path, aside, ec);
    if (ec) return false;  // gone already, or not ours to move
    auto used = referenced();
    if (!older_than(aside, grace) || !used || *used) {
        // Touched by a put before the move, or used (or unknown): put it back unless a put
        // has written the same content anew meanwhile.
        if (fs::exists(path, ec)) fs::remove(aside, ec);
        else fs::rename(aside, path, ec);
        if (!used) return used.err();
        return false;
    }
    fs::remove(aside, ec);
    return !ec;
}

result<std::vector<blob_store::project_key>> blob_store::projects() const {
    std::vector<project_key> out;
    std::error_code ec;
    const fs::path users = root_ / "users";
    if (!fs::exists(users, ec)) return out;
    for (const auto& u : fs::directory_iterator(users, ec)) {
        const std::string user = u.path().filename().string();
        if (!is_uuid(user)) continue;
        std::error_code ec2;
        for (const auto& p : fs::directory_iterator(u.path() / "projects", ec2)) {
            const std::string project = p.path().filename().string();
            if (is_uuid(project) && p.is_directory()) out.push_back({user, project});
        }
    }
    if (ec) return make_error(errc::unavailable, "storage is not readable");
    return out;
}

result<std::vector<std::string>> blob_store::files_of(std::string_view user_id, std::string_view project_id) const {
    auto dir = project_dir(user_id, project_id);
    if (!dir) return dir.err();
    std::vector<std::string> out;
    std::error_code ec;
    for (const auto& f : fs::directory_iterator(*dir, ec))
        if (f.is_regular_file()) out.push_back(f.path().filename().string());
    if (ec) return make_error(errc::unavailable, "storage is not readable");
    return out;
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
