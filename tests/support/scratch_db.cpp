#include "tests/support/scratch_db.hpp"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>

#include <atomic>
#include <cstdlib>
#include <unistd.h>

#include "domain/ids.hpp"
#include <gtest/gtest.h>

#include "persistence/database.hpp"
#include "persistence/migrations.hpp"
#include "tests/support/galley_process.hpp"

namespace galley::testing {

std::string backend_label(backend_kind k) { return k == backend_kind::sqlite ? "sqlite" : "postgresql"; }

std::string test_pg_dsn() {
    const char* dsn = std::getenv("GALLEY_TEST_PG");
    return dsn ? dsn : "";
}

std::string scratch_database_url(backend_kind k) {
    static std::atomic<int> counter{0};
    if (k == backend_kind::sqlite) return "sqlite://" + make_temp_dir("galley-db") + "/galley.db";
    std::string dsn = test_pg_dsn();
    if (dsn.empty()) return {};
    // Random, not pid-based: ctest runs many processes and pids are reused.
    std::string name = "t_" + galley::new_uuid();
    std::erase(name, '-');
    (void)counter;
    soci::session admin(soci::postgresql, galley::persistence::parse_db_url(dsn)->connect);
    admin << "CREATE DATABASE " + name;
    auto slash = dsn.rfind('/');
    return dsn.substr(0, slash + 1) + name;
}

std::unique_ptr<persistence::database> migrated_scratch_database(backend_kind k) {
    std::string url = scratch_database_url(k);
    if (url.empty()) return nullptr;
    auto opened = persistence::database::open(url, 4);
    if (!opened) {
        ADD_FAILURE() << "cannot open " << url << ": " << opened.err().message;
        return nullptr;
    }
    if (auto m = persistence::apply_migrations(**opened); !m) {
        ADD_FAILURE() << "migrations failed: " << m.err().message;
        return nullptr;
    }
    return std::move(*opened);
}

}  // namespace galley::testing
