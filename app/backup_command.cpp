// `galley backup` and `galley restore` (API.md, Operations; docs/operations.md). A backup is a
// directory: the database (a SQLite snapshot or a pg_dump archive), the blob store's files, and
// manifest.json with every file's size and SHA-256, written last, so a directory with a manifest
// is a complete backup. Backups run while servers serve: the database copy is one consistent
// snapshot, and blobs are immutable and content-addressed, copied after it (a blob the snapshot
// names cannot be collected meanwhile: collection waits an hour after the last reference goes).
// Restore checks every checksum before writing anything, then fills an empty database and an
// empty storage directory, and applies migrations so a newer binary can run on it.
#include <spawn.h>
#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "app/command_catalog.hpp"
#include "app/commands.hpp"
#include "app/config.hpp"
#include "domain/clock.hpp"
#include "domain/sha256.hpp"
#include "persistence/backup.hpp"
#include "persistence/database.hpp"
#include "persistence/migrations.hpp"

extern char** environ;

namespace galley::app {

namespace fs = std::filesystem;

namespace {
constexpr const char* kFormat = "galley-backup-1";

int fail(const std::string& line, int code = 1) {
    std::fprintf(stderr, "galley: %s\n", line.c_str());
    return code;
}

// Runs a program (found on PATH) with `args`, no shell; true when it exits 0.
bool run_program(const std::vector<std::string>& args) {
    std::vector<char*> argv;
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    pid_t pid = 0;
    if (posix_spawnp(&pid, argv[0], nullptr, nullptr, argv.data(), environ) != 0) return false;
    int status = 0;
    if (::waitpid(pid, &status, 0) != pid) return false;
    return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

bool is_blob_name(const std::string& name) {
    if (name.size() != 64) return false;
    for (char c : name)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    return true;
}

bool empty_or_absent(const fs::path& dir) {
    std::error_code ec;
    return !fs::exists(dir, ec) || (fs::is_directory(dir, ec) && fs::is_empty(dir, ec));
}

// {path relative to the backup, size, sha256} of a file in the backup.
nlohmann::json file_entry(const fs::path& root, const fs::path& file, std::string* error) {
    std::uint64_t size = 0;
    auto sha = sha256_file_hex(file.string(), &size);
    if (!sha) {
        *error = "cannot read " + file.string();
        return {};
    }
    return {{"path", fs::relative(file, root).generic_string()}, {"size", size}, {"sha256", *sha}};
}

// Copies the blob store's files (ROOT/users/U/projects/P/SHA) into out/storage, checking that
// each file's content still matches its name; temporary files of unfinished writes are skipped.
bool copy_blobs(const fs::path& storage, const fs::path& out, nlohmann::json& entries, std::string* error) {
    std::error_code ec;
    if (!fs::exists(storage / "users", ec)) return true;
    for (auto it = fs::recursive_directory_iterator(storage / "users", ec); !ec && it != fs::end(it); it.increment(ec)) {
        if (!it->is_regular_file(ec) || !is_blob_name(it->path().filename().string())) continue;
        fs::path target = out / "storage" / fs::relative(it->path(), storage);
        fs::create_directories(target.parent_path(), ec);
        if (ec || !fs::copy_file(it->path(), target, fs::copy_options::overwrite_existing, ec)) {
            if (!fs::exists(it->path())) continue;  // collected while we walked: no row uses it
            *error = "cannot copy " + it->path().string() + ": " + ec.message();
            return false;
        }
        auto entry = file_entry(out, target, error);
        if (entry.is_null()) return false;
        if (entry["sha256"] != it->path().filename().string()) {
            *error = "the stored file " + it->path().string() + " does not match its checksum (damaged disk?)";
            return false;
        }
        entries.push_back(std::move(entry));
    }
    if (ec) {
        *error = "cannot read the storage directory: " + ec.message();
        return false;
    }
    return true;
}
}  // namespace

int backup_command(const std::vector<std::string>& args) {
    auto line = read_command_line("backup", args);
    if (const int* exit_code = std::get_if<int>(&line)) return *exit_code;
    auto* parsed = &std::get<parsed_args>(line);
    auto cfg = load_config(parsed->flags, galley_environment());
    if (!cfg) return fail(cfg.err().message, 2);
    auto out_flag = parsed->flags.find("out");
    if (out_flag == parsed->flags.end() || out_flag->second.empty())
        return fail("usage: galley backup --db URL --storage DIR --out DIR", 2);
    const fs::path out = fs::absolute(out_flag->second);
    if (!empty_or_absent(out)) return fail(out.string() + " must be an empty or new directory", 2);
    std::error_code ec;
    fs::create_directories(out, ec);
    if (ec) return fail("cannot create " + out.string() + ": " + ec.message());
    auto db = persistence::database::open(cfg->db_url, 1);
    if (!db) return fail(db.err().message);
    auto versions = persistence::applied_migrations(**db);
    if (!versions) return fail(versions.err().message);

    const bool pg = (*db)->backend() == persistence::db_backend::postgresql;
    const fs::path dump = out / (pg ? "database.pgdump" : "database.sqlite");
    if (pg) {
        if (!run_program({"pg_dump", "--format=custom", "--no-owner", "--file=" + dump.string(), cfg->db_url}))
            return fail("pg_dump failed (is it installed, and can it reach the database?)");
    } else if (auto s = persistence::snapshot_sqlite(**db, dump.string()); !s) {
        return fail("cannot snapshot the database: " + s.err().message);
    }
    std::string error;
    nlohmann::json database = file_entry(out, dump, &error);
    if (database.is_null()) return fail(error);
    nlohmann::json blobs = nlohmann::json::array();
    if (!copy_blobs(cfg->storage_dir, out, blobs, &error)) return fail(error);

    nlohmann::json manifest = {{"format", kFormat},
                               {"created_at", to_rfc3339(now_micros())},
                               {"backend", pg ? "postgresql" : "sqlite"},
                               {"schema_version", versions->empty() ? 0 : versions->back()},
                               {"database", database},
                               {"blobs", blobs}};
    const fs::path tmp = out / "manifest.json.tmp";
    {
        std::ofstream f(tmp);
        f << manifest.dump(1) << "\n";
        if (!f) return fail("cannot write the manifest");
    }
    fs::rename(tmp, out / "manifest.json", ec);
    if (ec) return fail("cannot write the manifest: " + ec.message());
    std::printf("backup of %s written to %s: database %s (%llu bytes), %zu stored files\n", pg ? "PostgreSQL" : "SQLite",
                out.c_str(), database["sha256"].get<std::string>().substr(0, 12).c_str(),
                static_cast<unsigned long long>(database["size"].get<std::uint64_t>()), blobs.size());
    return 0;
}

int restore_command(const std::vector<std::string>& args) {
    auto line = read_command_line("restore", args);
    if (const int* exit_code = std::get_if<int>(&line)) return *exit_code;
    auto* parsed = &std::get<parsed_args>(line);
    if (parsed->positional.size() != 1) return fail("usage: galley restore DIR --db URL --storage DIR", 2);
    auto cfg = load_config(parsed->flags, galley_environment());
    if (!cfg) return fail(cfg.err().message, 2);
    const fs::path in = fs::absolute(parsed->positional[0]);
    nlohmann::json manifest = nlohmann::json::parse(std::ifstream(in / "manifest.json"), nullptr, false);
    if (!manifest.is_object() || manifest.value("format", "") != kFormat)
        return fail(in.string() + " holds no galley backup (manifest.json missing or not one)");

    // Every checksum first: nothing is written from a damaged backup.
    std::vector<nlohmann::json> files = {manifest["database"]};
    for (const auto& b : manifest["blobs"]) files.push_back(b);
    for (const auto& f : files) {
        const std::string rel = f.value("path", "");
        if (rel.empty() || rel.find("..") != std::string::npos || rel.front() == '/')
            return fail("the manifest names a bad path: " + rel);
        std::uint64_t size = 0;
        auto sha = sha256_file_hex((in / rel).string(), &size);
        if (!sha || *sha != f.value("sha256", "") || size != f.value("size", std::uint64_t{0}))
            return fail("the backup is damaged: " + rel + " does not match its checksum");
    }

    const fs::path storage = cfg->storage_dir;
    if (!empty_or_absent(storage)) return fail(storage.string() + " must be an empty or new directory", 2);
    auto target = persistence::parse_db_url(cfg->db_url);
    if (!target) return fail(target.err().message, 2);
    const bool pg = target->backend == persistence::db_backend::postgresql;
    if (manifest.value("backend", "") != (pg ? "postgresql" : "sqlite"))
        return fail("this backup is of a " + manifest.value("backend", std::string("?")) +
                        " database; restore it into the same kind", 2);
    const fs::path dump = in / manifest["database"]["path"].get<std::string>();
    std::error_code ec;
    if (pg) {
        auto db = persistence::database::open(cfg->db_url, 1);
        if (!db) return fail(db.err().message);
        auto empty = persistence::database_is_empty(**db);
        if (!empty) return fail(empty.err().message);
        if (!*empty) return fail("the target database is not empty", 2);
        if (!run_program({"pg_restore", "--no-owner", "--exit-on-error", "--dbname=" + cfg->db_url, dump.string()}))
            return fail("pg_restore failed");
    } else {
        if (fs::exists(target->path, ec) && fs::file_size(target->path, ec) > 0) {
            auto db = persistence::database::open(cfg->db_url, 1);
            if (!db) return fail(db.err().message);
            auto empty = persistence::database_is_empty(**db);
            if (!empty || !*empty) return fail("the target database is not empty", 2);
        }
        fs::create_directories(fs::path(target->path).parent_path(), ec);
        if (!fs::copy_file(dump, target->path, fs::copy_options::overwrite_existing, ec))
            return fail("cannot write " + target->path + ": " + ec.message());
    }
    for (const auto& b : manifest["blobs"]) {
        const std::string rel = b["path"];  // storage/users/U/projects/P/SHA
        fs::path to = storage / fs::path(rel).lexically_relative("storage");
        fs::create_directories(to.parent_path(), ec);
        if (ec || !fs::copy_file(in / rel, to, fs::copy_options::overwrite_existing, ec))
            return fail("cannot write " + to.string() + ": " + ec.message());
    }
    auto db = persistence::database::open(cfg->db_url, 1);
    if (!db) return fail(db.err().message);
    auto applied = persistence::apply_migrations(**db);
    if (!applied) return fail("migrations after restore failed: " + applied.err().message);
    std::printf("restored %s backup of %s: %zu stored files; %d migration(s) applied\n",
                manifest.value("backend", "").c_str(), manifest.value("created_at", "").c_str(),
                manifest["blobs"].size(), *applied);
    return 0;
}

}  // namespace galley::app
