#pragma once
// The durable work queue's test fixture, shared by its contract tests (work_queue_test.cpp) and
// its batching tests (work_queue_batch_test.cpp): a fresh migrated database per backend, users,
// runs over new documents, and claims.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "domain/ids.hpp"
#include "persistence/database.hpp"
#include "persistence/document_repository.hpp"
#include "persistence/project_repository.hpp"
#include "persistence/run_repository.hpp"
#include "persistence/user_repository.hpp"
#include "persistence/work_queue.hpp"
#include "tests/support/scratch_db.hpp"

namespace galley::testing {
inline constexpr micros kSecond = 1'000'000;

inline export_record an_export(const std::string& run_id, const std::string& document_id,
                        const std::string& kind) {
    return {new_uuid(),    run_id, document_id,          kind,        1,
            kind + ".out", 3,      std::string(64, 'c'), now_micros()};
}

inline int count_kind(const std::vector<export_record>& exports, const std::string& kind) {
    int n = 0;
    for (const auto& e : exports) n += e.kind == kind;
    return n;
}

class work_queue_contract : public scratch_database_test {
protected:
    void SetUp() override {
        scratch_database_test::SetUp();
        if (!db) return;
        queue = std::make_unique<persistence::work_queue>(*db, plans);
        runs = std::make_unique<persistence::run_repository>(*db);
    }

    user make_user(const std::string& email, const std::string& plan_name = "free") {
        user u{new_uuid(), email, "Name", "hash", "user", "free", now_micros()};
        EXPECT_TRUE(persistence::user_repository(*db).create(u).ok());
        if (plan_name != "free") {
            EXPECT_TRUE(persistence::user_repository(*db).set_plan(email, plan_name).ok());
            u.plan = plan_name;
        }
        return u;
    }

    // A project of `u` holding `n` documents and a run over them; returns the run.
    run_record make_run(const user& u, int n) {
        project p{new_uuid(), u.id, "P", "auto", now_micros(), 0};
        EXPECT_TRUE(persistence::project_repository(*db).create(p).ok());
        std::vector<std::string> ids;
        for (int i = 0; i < n; ++i) {
            document d{new_uuid(),
                       p.id,
                       u.id,
                       "d" + std::to_string(i) + ".txt",
                       "txt",
                       10,
                       std::string(64, 'a'),
                       "es",
                       2,
                       now_micros() + i,
                       100};
            EXPECT_TRUE(persistence::document_repository(*db).create(d).ok());
            ids.push_back(d.id);
        }
        persistence::run_admission admission{&plans.find_or_free(u.plan), 10'000};
        auto run = runs->create(u.id, p.id, ids, run_options{}, admission);
        EXPECT_TRUE(run.ok()) << run.err().message;
        return run.ok() ? *run : run_record{};
    }

    // Claims with a lease that has already expired, so recover_expired(now) treats it as orphaned.
    claimed_document claim_expired(const std::string& owner) {
        auto c = queue->claim_next(owner, now_micros() - 1);
        EXPECT_TRUE(c.ok() && c->has_value()) << (c.ok() ? "nothing to claim" : c.err().message);
        return c.ok() && c->has_value() ? **c : claimed_document{};
    }

    claimed_document claim(const std::string& owner) {
        auto c = queue->claim_next(owner, now_micros() + 60 * kSecond);
        EXPECT_TRUE(c.ok() && c->has_value()) << (c.ok() ? "nothing to claim" : c.err().message);
        return c.ok() && c->has_value() ? **c : claimed_document{};
    }

    run_record load(const user& u, const std::string& run_id) {
        auto r = runs->get(u.id, run_id);
        EXPECT_TRUE(r.ok()) << r.err().message;
        return r.ok() ? *r : run_record{};
    }

    plan_table plans = plan_table::defaults();
    std::unique_ptr<persistence::work_queue> queue;
    std::unique_ptr<persistence::run_repository> runs;
};

}  // namespace galley::testing
