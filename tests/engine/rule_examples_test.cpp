// The rules written as data: every rule file parses, every file is linked into the binary, and
// every example of every rule is a test — errors are fixed as written, correct sentences are
// left alone.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "domain/engine/data/embedded_data.hpp"
#include "domain/engine/patterns/rule_file.hpp"
#include "domain/engine/patterns/rule_set.hpp"
#include "domain/utf8.hpp"
#include "engine_test_support.hpp"

using namespace galley;
using namespace galley::engine_detail;

namespace {

std::string apply_rule(const std::string& text, const std::vector<suggestion>& ss,
                       const std::string& rule_id) {
    std::u32string t = utf8::decode(text);
    for (auto it = ss.rbegin(); it != ss.rend(); ++it)
        if (it->rule_id == rule_id && it->replacement)
            t.replace(it->offset, it->length, utf8::decode(*it->replacement));
    return utf8::encode(t);
}

std::vector<std::string> rule_ids() {
    std::vector<std::string> ids;
    for (const auto& r : pattern_rules()) ids.push_back(r.id);
    return ids;
}

const pattern_rule& rule(const std::string& id) {
    for (const auto& r : pattern_rules())
        if (r.id == id) return r;
    std::abort();
}

}  // namespace

TEST(rule_files, every_file_in_the_tree_is_linked_in_and_parses) {
    std::set<std::string> on_disk, linked;
    for (const auto& e : std::filesystem::directory_iterator(GALLEY_SOURCE_DIR "/domain/engine/rules"))
        if (e.path().extension() == ".rules") on_disk.insert(e.path().filename().string());
    for (const auto& f : engine_data::rule_files()) {
        linked.insert(std::string(f.name));
        auto parsed = parse_rule_file(f.text, f.name);
        EXPECT_TRUE(parsed.ok()) << parsed.err().message;
        // The embedded copy is the file in the tree, byte for byte.
        std::ifstream in(GALLEY_SOURCE_DIR "/domain/engine/rules/" + std::string(f.name));
        std::stringstream disk;
        disk << in.rdbuf();
        EXPECT_EQ(disk.str(), f.text) << f.name << " is stale in the build";
    }
    EXPECT_EQ(on_disk, linked) << "list every rule file in domain/engine/data/embedded_data.cpp";
}

TEST(rule_files, rule_ids_are_unique_and_in_the_catalogue) {
    std::set<std::string> seen;
    for (const auto& r : pattern_rules()) {
        EXPECT_TRUE(seen.insert(r.id).second) << "duplicate rule id " << r.id;
        EXPECT_TRUE(rule_index(r.id).has_value()) << r.id;
    }
    EXPECT_GE(pattern_rules().size(), 30u);
}

TEST(rule_files, malformed_rules_are_refused_with_file_and_line) {
    auto r = parse_rule_file("language es\nrule X\nmessage m\npattern [a\nsuggest b\n", "x.rules");
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.err().message.find("x.rules:4"), std::string::npos) << r.err().message;
    EXPECT_FALSE(parse_rule_file("rule X\nlanguage es\n", "y.rules").ok());
    EXPECT_FALSE(parse_rule_file("language es\nrule X\nmessage m\npattern a\nsuggest b\n"
                                 "example: a -> b\n", "no_correct_example.rules").ok());
    EXPECT_FALSE(parse_rule_file("language es\nrule X\nmessage m\npattern a{size=3}\nsuggest b\n"
                                 "example: a -> b\nexample: c\n", "bad_condition.rules").ok());
    std::size_t first = 9, last = 9;
    auto p = parse_pattern("¿|¡ [que] WORD{can=n,adj;not=vblex} END?", &first, &last);
    ASSERT_TRUE(p.ok()) << p.err().message;
    EXPECT_EQ(p->size(), 4u);
    EXPECT_EQ(first, 1u);
    EXPECT_EQ(last, 1u);
    EXPECT_EQ((*p)[2].can_be, (std::vector<std::string>{"n", "adj"}));
    EXPECT_TRUE((*p)[3].optional);
}

// One test over every rule, in one process: a test per rule would load the engine 600 times.
// Each failure names the rule, its file and line.
TEST(rule_examples, every_rule_fixes_its_errors_and_leaves_correct_sentences_alone) {
    std::size_t examples = 0;
    for (const auto& id : rule_ids()) {
        const pattern_rule& r = rule(id);
        for (const auto& e : r.examples) {
            ++examples;
            auto ss = galley::test::check(e.text, r.language);
            bool fired = false;
            for (const auto& s : ss) fired |= s.rule_id == r.id;
            if (e.incorrect) {
                EXPECT_TRUE(fired) << r.file << ":" << r.line << " " << r.id << " misses: " << e.text;
                if (!r.note) {
                    EXPECT_EQ(apply_rule(e.text, ss, r.id), e.correction) << r.id;
                }
            } else {
                EXPECT_FALSE(fired) << r.file << ":" << r.line << " " << r.id << " changes: " << e.text;
            }
        }
    }
    EXPECT_GE(examples, 200u);
}
