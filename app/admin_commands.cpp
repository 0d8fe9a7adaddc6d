// `galley migrate` and `galley admin set-plan|set-role`: operator commands that work on the
// database directly, also while servers run (plans are read per request from the database).
#include <cstdio>

#include "app/command_catalog.hpp"
#include "app/commands.hpp"
#include "app/config.hpp"
#include "domain/validation.hpp"
#include "persistence/database.hpp"
#include "persistence/migrations.hpp"
#include "persistence/user_repository.hpp"

namespace galley::app {

namespace {
int fail(const std::string& line, int code = 1) {
    std::fprintf(stderr, "galley: %s\n", line.c_str());
    return code;
}

result<std::unique_ptr<persistence::database>> open_migrated(const config& c) {
    auto db = persistence::database::open(c.db_url, 1);
    if (!db) return db.err();
    if (auto m = persistence::apply_migrations(**db); !m) return m.err();
    return db;
}
}  // namespace

int migrate_command(const std::vector<std::string>& args) {
    auto line = read_command_line("migrate", args);
    if (const int* exit_code = std::get_if<int>(&line)) return *exit_code;
    auto* parsed = &std::get<parsed_args>(line);
    auto cfg = load_config(parsed->flags, galley_environment());
    if (!cfg) return fail(cfg.err().message, 2);
    auto db = persistence::database::open(cfg->db_url, 1);
    if (!db) return fail(db.err().message);
    auto applied = persistence::apply_migrations(**db);
    if (!applied) return fail("migrations failed: " + applied.err().message);
    auto versions = persistence::applied_migrations(**db);
    int latest = versions && !versions->empty() ? versions->back() : 0;
    std::printf("applied %d migration(s); schema version %d\n", *applied, latest);
    return 0;
}

int admin_command(const std::vector<std::string>& args) {
    auto line = read_command_line("admin", args);
    if (const int* exit_code = std::get_if<int>(&line)) return *exit_code;
    auto* parsed = &std::get<parsed_args>(line);
    const auto& pos = parsed->positional;
    if (pos.size() != 3 || (pos[0] != "set-plan" && pos[0] != "set-role"))
        return fail("usage: galley admin set-plan|set-role --db URL EMAIL VALUE", 2);
    auto cfg = load_config(parsed->flags, galley_environment());
    if (!cfg) return fail(cfg.err().message, 2);
    auto email = normalize_email(pos[1]);
    if (!email) return fail("'" + pos[1] + "' is not an email address", 2);
    const std::string& value = pos[2];
    if (pos[0] == "set-plan" && !cfg->plans.find(value)) return fail("unknown plan '" + value + "'", 2);
    if (pos[0] == "set-role" && value != "admin" && value != "user")
        return fail("role must be admin or user", 2);
    auto db = open_migrated(*cfg);
    if (!db) return fail(db.err().message);
    persistence::user_repository users(**db);
    auto s = pos[0] == "set-plan" ? users.set_plan(*email, value) : users.set_role(*email, value);
    if (!s) return fail(s.err().code == errc::not_found ? "no user has the email " + *email : s.err().message);
    std::printf("%s: %s is now %s\n", pos[0].c_str(), email->c_str(), value.c_str());
    return 0;
}

}  // namespace galley::app
