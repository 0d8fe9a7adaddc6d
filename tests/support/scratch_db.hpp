#pragma once
// Fresh, empty databases for tests: a new SQLite file, or a new database on the throwaway
// PostgreSQL server whose DSN test.sh exports in GALLEY_TEST_PG.
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "persistence/database.hpp"

namespace galley::testing {

enum class backend_kind { sqlite, postgresql };
std::string backend_label(backend_kind k);

/// The PostgreSQL DSN of the test server, or empty when GALLEY_TEST_PG is unset.
std::string test_pg_dsn();

/// A URL for a new empty database of that kind (PostgreSQL: CREATE DATABASE on the test server).
/// Empty when PostgreSQL is not configured.
std::string scratch_database_url(backend_kind k);

/// A new database of that kind, migrated, with a pool of 4 sessions. Null when PostgreSQL is not
/// configured (the caller skips); a failure to open or migrate also fails the current test.
std::unique_ptr<persistence::database> migrated_scratch_database(backend_kind k);

/// The skip message for tests that need GALLEY_TEST_PG.
inline constexpr const char* kNeedsPostgres = "GALLEY_TEST_PG is not set (scripts/test.sh sets it)";

/// A repository contract test run once per backend: SetUp opens a fresh migrated database in
/// `db`, or skips (PostgreSQL not configured) / fails. Derived SetUps call it first and return
/// when `db` is null.
class scratch_database_test : public ::testing::TestWithParam<backend_kind> {
protected:
    void SetUp() override {
        db = migrated_scratch_database(GetParam());
        if (!db && !HasFailure()) GTEST_SKIP() << kNeedsPostgres;
    }
    std::unique_ptr<persistence::database> db;
};

}  // namespace galley::testing
