// The review repository's contract on SQLite and PostgreSQL: suggestions written only by a fenced
// commit, listed in document order with every filter and a stable cursor, decisions idempotent
// with a history, bulk decisions, final export versions, project dictionaries, and the time to
// page through 100 000 suggestions with a filter (printed, not asserted).
#include "persistence/review_repository.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>

#include "domain/ids.hpp"
#include "persistence/database.hpp"
#include "persistence/dictionary_repository.hpp"
#include "persistence/document_repository.hpp"
#include "persistence/migrations.hpp"
#include "persistence/project_repository.hpp"
#include "persistence/run_repository.hpp"
#include "persistence/user_repository.hpp"
#include "persistence/work_queue.hpp"
#include "tests/support/scratch_db.hpp"

using namespace galley;
using namespace galley::persistence;
using galley::testing::backend_kind;

namespace {
std::string hex_id(int n) {
    char buf[33];
    std::snprintf(buf, sizeof buf, "%032x", n);
    return buf;
}

suggestion_record a_suggestion(const std::string& doc, int n, story_kind story,
                               std::uint32_t paragraph, std::uint32_t offset, category cat,
                               const std::string& rule, double confidence) {
    suggestion_record r;
    r.id = hex_id(n);
    r.document_id = doc;
    r.s = {story, paragraph, offset,     3,          "teh", std::string("the"),
           rule,  cat,       confidence, "a message"};
    r.context = {"a teh b", 2};
    return r;
}
}  // namespace

class review_repository_contract : public galley::testing::scratch_database_test {
protected:
    void SetUp() override {
        scratch_database_test::SetUp();
        if (!db) return;
        queue = std::make_unique<work_queue>(*db, plans);
        reviews = std::make_unique<review_repository>(*db);
        owner = make_user("owner@example.com");
    }

    user make_user(const std::string& email) {
        user u{new_uuid(), email, "Name", "hash", "user", "pro", now_micros()};
        EXPECT_TRUE(user_repository(*db).create(u).ok());
        return u;
    }

    // A project with `n` documents and a run over them (documents in run order).
    run_record make_run(int n) {
        project_id = new_uuid();
        EXPECT_TRUE(project_repository(*db)
                        .create({project_id, owner.id, "P", "auto", now_micros(), 0})
                        .ok());
        std::vector<std::string> ids;
        for (int i = 0; i < n; ++i) {
            document d{new_uuid(),
                       project_id,
                       owner.id,
                       "d" + std::to_string(i) + ".txt",
                       "txt",
                       10,
                       std::string(64, 'a'),
                       "es",
                       2,
                       now_micros() + i,
                       10};
            EXPECT_TRUE(document_repository(*db).create(d).ok());
            ids.push_back(d.id);
        }
        run_admission admission{&plans.find_or_free("pro"), 1'000'000};
        auto run = run_repository(*db).create(owner.id, project_id, ids, run_options{}, admission);
        EXPECT_TRUE(run.ok()) << run.err().message;
        return *run;
    }

    claimed_document claim(const std::string& document_id) {
        // Claims come in run order: hold the others, then give them back.
        std::vector<claimed_document> held;
        claimed_document wanted;
        for (int i = 0; i < 10 && wanted.run_id.empty(); ++i) {
            auto c = queue->claim_next("node-a#1", now_micros() + 60'000'000);
            if (!c.ok() || !c->has_value()) break;
            if ((*c)->document_id == document_id)
                wanted = **c;
            else
                held.push_back(**c);
        }
        for (const auto& h : held) EXPECT_TRUE(queue->release(h).ok());
        EXPECT_FALSE(wanted.run_id.empty()) << "document never claimed";
        return wanted;
    }

    std::vector<suggestion_record> all(const std::string& run_id, const suggestion_filter& f = {}) {
        std::vector<suggestion_record> out;
        std::optional<suggestion_position> after;
        std::string cursor;
        do {
            auto pg = reviews->list(owner.id, run_id, f, 2, after);
            EXPECT_TRUE(pg.ok());
            if (!pg) break;
            for (auto& r : pg->items) out.push_back(r);
            cursor = pg->next_cursor;
            if (!cursor.empty()) after = decode_suggestion_cursor(cursor);
        } while (!cursor.empty());
        return out;
    }

    plan_table plans = plan_table::defaults();
    std::unique_ptr<work_queue> queue;
    std::unique_ptr<review_repository> reviews;
    user owner;
    std::string project_id;
};

TEST_P(review_repository_contract,
       suggestions_are_written_only_by_the_fenced_commit_and_listed_in_order) {
    run_record run = make_run(2);
    const std::string d0 = run.documents[0].document_id, d1 = run.documents[1].document_id;
    std::vector<suggestion_record> s1 = {
        a_suggestion(d1, 1, story_kind::footnote, 0, 0, category::spelling, "R_A", 0.9),
        a_suggestion(d1, 2, story_kind::body, 5, 2, category::style, "R_B", 0.4),
        a_suggestion(d1, 3, story_kind::body, 1, 9, category::spelling, "R_A", 0.7),
    };
    std::vector<suggestion_record> s0 = {
        a_suggestion(d0, 4, story_kind::body, 3, 1, category::grammar, "R_C", 0.8),
        a_suggestion(d0, 5, story_kind::body, 3, 0, category::spelling, "R_A", 0.95),
    };
    claimed_document c1 = claim(d1);
    claimed_document stale = c1;
    stale.claim_epoch -= 1;
    auto fenced = queue->commit_success(stale, {}, 10, s1);
    ASSERT_FALSE(fenced.ok());
    EXPECT_EQ(fenced.err().code, errc::conflict);
    EXPECT_TRUE(all(run.id).empty()) << "a fenced-out worker wrote nothing";
    ASSERT_TRUE(queue->commit_success(c1, {}, 10, s1).ok());
    ASSERT_TRUE(queue->commit_success(claim(d0), {}, 10, s0).ok());

    std::vector<std::string> order;
    for (const auto& r : all(run.id)) order.push_back(r.id);
    EXPECT_EQ(order,
              (std::vector<std::string>{hex_id(5), hex_id(4), hex_id(3), hex_id(2), hex_id(1)}))
        << "run position, story, paragraph, offset";
    auto first = all(run.id).front();
    EXPECT_EQ(first.run_id, run.id);
    EXPECT_EQ(first.context.text, "a teh b");
    EXPECT_EQ(first.s.replacement, std::optional<std::string>("the"));
    EXPECT_EQ(first.state, review_state::pending);

    suggestion_filter f;
    f.cat = category::spelling;
    EXPECT_EQ(all(run.id, f).size(), 3u);
    f = {};
    f.rule_id = "R_B";
    EXPECT_EQ(all(run.id, f).size(), 1u);
    f = {};
    f.document_id = d0;
    EXPECT_EQ(all(run.id, f).size(), 2u);
    f = {};
    f.confidence_min = 0.8;
    EXPECT_EQ(all(run.id, f).size(), 3u);
    f = {};
    f.state = review_state::accepted;
    EXPECT_TRUE(all(run.id, f).empty());
    user other = make_user("other@example.com");
    EXPECT_EQ(reviews->list(other.id, run.id, {}, 10, std::nullopt).err().code, errc::not_found);
}

TEST_P(review_repository_contract, decisions_are_idempotent_recorded_in_batches_and_checked) {
    run_record run = make_run(2);
    const std::string d0 = run.documents[0].document_id, d1 = run.documents[1].document_id;
    ASSERT_TRUE(
        queue
            ->commit_success(
                claim(d0), {}, 10,
                {a_suggestion(d0, 1, story_kind::body, 0, 0, category::spelling, "R_A", 0.9),
                 a_suggestion(d0, 2, story_kind::body, 0, 5, category::spelling, "R_A", 0.9),
                 a_suggestion(d0, 3, story_kind::body, 1, 0, category::style, "R_B", 0.5)})
            .ok());
    std::vector<review_decision> batch = {{hex_id(1), review_state::accepted, std::nullopt},
                                          {hex_id(2), review_state::accepted, std::string("THE")},
                                          {hex_id(3), review_state::rejected, std::nullopt}};
    EXPECT_EQ(*reviews->decide(owner.id, run.id, batch), 3);
    EXPECT_EQ(*reviews->decide(owner.id, run.id, batch), 0) << "the same decisions change nothing";
    auto states = all(run.id);
    EXPECT_EQ(states[1].edited_replacement, std::optional<std::string>("THE"));
    EXPECT_EQ(states[2].state, review_state::rejected);

    EXPECT_EQ(
        reviews->decide(owner.id, run.id, {{hex_id(99), review_state::accepted, {}}}).err().code,
        errc::not_found);
    EXPECT_EQ(
        reviews->decide(owner.id, run.id, {{"nothex", review_state::accepted, {}}}).err().code,
        errc::not_found);
    EXPECT_EQ(reviews
                  ->decide(owner.id, run.id,
                           {{hex_id(1), review_state::pending, {}},
                            {hex_id(98), review_state::accepted, {}}})
                  .err()
                  .code,
              errc::not_found);
    EXPECT_EQ(all(run.id)[0].state, review_state::accepted) << "all or nothing";

    suggestion_filter spelling;
    spelling.cat = category::spelling;
    EXPECT_EQ(*reviews->decide_bulk(owner.id, run.id, spelling, review_state::rejected, "{}"), 2);
    EXPECT_EQ(*reviews->decide_bulk(owner.id, run.id, spelling, review_state::rejected, "{}"), 0);
    EXPECT_FALSE(all(run.id)[1].edited_replacement) << "bulk clears edits";

    auto history = reviews->history(owner.id, run.id, 50, std::nullopt);
    ASSERT_TRUE(history.ok());
    ASSERT_EQ(history->items.size(), 2u) << "no batch for requests that changed nothing";
    EXPECT_EQ(history->items[0].kind, "single");
    EXPECT_EQ(history->items[0].count, 3);
    EXPECT_EQ(history->items[0].user_id, owner.id);
    ASSERT_EQ(history->items[0].changes.size(), 3u);
    EXPECT_EQ(history->items[0].changes[1].replacement, std::optional<std::string>("THE"));
    EXPECT_EQ(history->items[1].kind, "bulk");
    EXPECT_EQ(history->items[1].changes[0].previous, review_state::accepted);
    auto page1 = reviews->history(owner.id, run.id, 1, std::nullopt);
    ASSERT_FALSE(page1->next_cursor.empty());
    auto page2 = reviews->history(owner.id, run.id, 1, decode_cursor(page1->next_cursor));
    EXPECT_EQ(page2->items.at(0).kind, "bulk");

    // A failed document: bulk decisions on it conflict; unknown documents are not found.
    claimed_document c1 = claim(d1);
    ASSERT_TRUE(queue->commit_failure(c1, "boom", std::nullopt).ok());
    suggestion_filter failed;
    failed.document_id = d1;
    EXPECT_EQ(
        reviews->decide_bulk(owner.id, run.id, failed, review_state::accepted, "{}").err().code,
        errc::conflict);
    failed.document_id = new_uuid();
    EXPECT_EQ(
        reviews->decide_bulk(owner.id, run.id, failed, review_state::accepted, "{}").err().code,
        errc::not_found);
}

TEST_P(review_repository_contract, final_exports_take_increasing_versions) {
    run_record run = make_run(1);
    const std::string d0 = run.documents[0].document_id;
    EXPECT_EQ(*reviews->next_final_version(owner.id, run.id), 1);
    export_record e{new_uuid(),           run.id,      d0, "final_txt", 1, "d0.final.v1.txt", 3,
                    std::string(64, 'b'), now_micros()};
    ASSERT_TRUE(reviews->add_final_exports(owner.id, run.id, {e}).ok());
    EXPECT_EQ(*reviews->next_final_version(owner.id, run.id), 2);
    e.id = new_uuid();
    EXPECT_EQ(reviews->add_final_exports(owner.id, run.id, {e}).err().code, errc::conflict)
        << "one export per (run, document, kind, version)";
    e.version = 2;
    ASSERT_TRUE(reviews->add_final_exports(owner.id, run.id, {e}).ok());
    auto exports = run_repository(*db).exports(owner.id, run.id);
    ASSERT_TRUE(exports.ok());
    EXPECT_EQ(exports->size(), 2u);
}

TEST_P(review_repository_contract, project_dictionaries_are_private_and_replaced_or_extended) {
    make_run(1);
    dictionary_repository dict(*db);
    ASSERT_TRUE(dict.replace(owner.id, project_id, {"Ñandú", "Zaragoza"}).ok());
    EXPECT_EQ(*dict.words(owner.id, project_id), (std::vector<std::string>{"Zaragoza", "Ñandú"}));
    EXPECT_EQ(dict.add(owner.id, project_id, "Alcázar")->size(), 3u);
    EXPECT_EQ(dict.add(owner.id, project_id, "Alcázar")->size(), 3u) << "adding twice is a no-op";
    EXPECT_EQ(dict.words_of_project(project_id)->size(), 3u);
    user other = make_user("other@example.com");
    EXPECT_EQ(dict.words(other.id, project_id).err().code, errc::not_found);
    EXPECT_EQ(dict.add(other.id, project_id, "x").err().code, errc::not_found);
    ASSERT_TRUE(project_repository(*db).remove(owner.id, project_id).ok());
    EXPECT_TRUE(dict.words_of_project(project_id)->empty())
        << "the dictionary goes with its project";
}

TEST_P(review_repository_contract, a_filtered_page_of_100000_suggestions_is_fast) {
    run_record run = make_run(1);
    const std::string d0 = run.documents[0].document_id;
    const category cats[] = {category::spelling, category::typography, category::punctuation,
                             category::grammar, category::style};
    std::vector<suggestion_record> many;
    for (int i = 0; i < 100'000; ++i)
        many.push_back(a_suggestion(d0, i, story_kind::body, static_cast<std::uint32_t>(i / 10),
                                    static_cast<std::uint32_t>(i % 10) * 5, cats[i % 5],
                                    "RULE_" + std::to_string(i % 40), (i % 100) / 100.0));
    auto t0 = std::chrono::steady_clock::now();
    ASSERT_TRUE(queue->commit_success(claim(d0), {}, 10, many).ok());
    double insert_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();

    suggestion_filter f;
    f.cat = category::grammar;
    f.confidence_min = 0.5;
    auto first = reviews->list(owner.id, run.id, f, 50, std::nullopt);
    ASSERT_TRUE(first.ok());
    auto middle = decode_suggestion_cursor(encode_suggestion_cursor({0, 0, 5000, 0, hex_id(0)}));
    auto t1 = std::chrono::steady_clock::now();
    auto pg = reviews->list(owner.id, run.id, f, 50, middle);
    double page_ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t1).count();
    ASSERT_TRUE(pg.ok());
    EXPECT_EQ(pg->items.size(), 50u);
    suggestion_filter rare;
    rare.rule_id = "RULE_39";
    rare.state = review_state::pending;
    auto t2 = std::chrono::steady_clock::now();
    auto rare_page = reviews->list(owner.id, run.id, rare, 500, std::nullopt);
    double rare_ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t2).count();
    ASSERT_TRUE(rare_page.ok());
    EXPECT_EQ(rare_page->items.size(), 500u);
    std::printf(
        "[ review ] %s: inserted 100000 suggestions in %.2f s; filtered page of 50 "
        "(category+confidence,"
        " mid-run cursor) in %.2f ms; page of 500 by rule+state in %.2f ms\n",
        galley::testing::backend_label(GetParam()).c_str(), insert_s, page_ms, rare_ms);
}

INSTANTIATE_TEST_SUITE_P(backends, review_repository_contract,
                         ::testing::Values(backend_kind::sqlite, backend_kind::postgresql),
                         [](const auto& info) {
                             return galley::testing::backend_label(info.param);
                         });
