// Engine-wide behaviour: options, overlaps, ordering, catalogue, ids, cancellation, languages.
#include <gtest/gtest.h>

#include <set>

#include "domain/engine/resolve.hpp"
#include "domain/engine/segments.hpp"
#include "engine_test_support.hpp"

using namespace galley;
using namespace galley::test;

TEST(engine, load_fails_cleanly_without_dictionaries) {
    auto e = engine::load("/nonexistent");
    ASSERT_FALSE(e);
    EXPECT_EQ(e.err().code, errc::unavailable);
}

TEST(engine, rules_disabled_are_honoured) {
    check_options o;
    o.rules_disabled = {"ES_SPELLING_ACCENT", "NO_SUCH_RULE"};
    EXPECT_EQ(fixed("Yo tambien.", "es", o), "Yo tambien.");
    EXPECT_EQ(fixed("Yo tambien.", "es"), "Yo también.");
}

TEST(engine, overlaps_keep_higher_confidence_then_catalogue_order) {
    using engine_detail::finding;
    std::vector<finding> fs(4);
    fs[0] = {0, 5, std::string("a"), 20, 0.5, ""};
    fs[1] = {2, 5, std::string("b"), 21, 0.9, ""};  // wins: higher confidence
    fs[2] = {10, 2, std::string("c"), 7, 0.6, ""};  // ties with d: earlier rule wins
    fs[3] = {10, 3, std::string("d"), 3, 0.6, ""};
    auto kept = engine_detail::resolve_overlaps(fs);
    ASSERT_EQ(kept.size(), 2u);
    EXPECT_EQ(*kept[0].replacement, "b");
    EXPECT_EQ(*kept[1].replacement, "d");
    std::reverse(fs.begin(), fs.end());
    auto again = engine_detail::resolve_overlaps(fs);
    ASSERT_EQ(again.size(), 2u);
    EXPECT_EQ(*again[0].replacement, "b");  // independent of input order
    EXPECT_EQ(*again[1].replacement, "d");
}

TEST(engine, suggestions_are_sorted_and_never_overlap) {
    document_text doc;
    doc.paragraphs.push_back({story_kind::footnote, 0, "Tambien  lo vi , ayer..."});
    doc.paragraphs.push_back({story_kind::body, 0, "Habían muchas personas tambien."});
    doc.paragraphs.push_back({story_kind::body, 1, "Vienes mañana? Pienso de que sí."});
    check_options o;
    o.language = "es";
    auto ss = shared_engine().check(doc, o);
    ASSERT_GE(ss.size(), 5u);
    for (std::size_t i = 1; i < ss.size(); ++i) {
        const auto& a = ss[i - 1];
        const auto& b = ss[i];
        EXPECT_LE(std::tie(a.story, a.paragraph, a.offset),
                  std::tie(b.story, b.paragraph, b.offset));
        if (a.story == b.story && a.paragraph == b.paragraph) {
            EXPECT_LE(a.offset + a.length, b.offset);
        }
    }
}

TEST(engine, catalogue_ids_are_unique_and_every_reported_rule_is_listed) {
    std::set<std::string> ids;
    for (const auto& r : catalogue()) {
        EXPECT_TRUE(ids.insert(r.id).second) << r.id;
        EXPECT_TRUE(r.language == "es" || r.language == "en" || r.language == "any");
        EXPECT_FALSE(r.description.empty());
    }
    for (const auto& s : check("Tambien  vino , y habían muchas personas... Vienes?", "es"))
        EXPECT_TRUE(ids.count(s.rule_id)) << s.rule_id;
    EXPECT_LT(catalogue_for("es").size(), catalogue().size());
}

TEST(engine, suggestion_ids_are_stable_and_distinct) {
    auto ss = check("Yo tambien lo vi aquel dia.", "es");
    ASSERT_EQ(ss.size(), 2u);
    auto a = suggestion_id("doc-1", "abc", ss[0]);
    EXPECT_EQ(a.size(), 32u);
    EXPECT_EQ(a, suggestion_id("doc-1", "abc", check("Yo tambien lo vi aquel dia.", "es")[0]));
    EXPECT_NE(a, suggestion_id("doc-1", "abc", ss[1]));
    EXPECT_NE(a, suggestion_id("doc-2", "abc", ss[0]));
    EXPECT_NE(a, suggestion_id("doc-1", "abd", ss[0]));
    suggestion note = ss[0];
    note.replacement.reset();
    suggestion empty = ss[0];
    empty.replacement = "";
    EXPECT_NE(suggestion_id("d", "s", note), suggestion_id("d", "s", empty));
}

TEST(engine, should_stop_ends_the_check_with_a_flag) {
    document_text doc;
    for (std::uint32_t i = 0; i < 10; ++i)
        doc.paragraphs.push_back({story_kind::body, i, "Yo tambien."});
    check_options o;
    o.language = "es";
    int calls = 0;
    o.should_stop = [&] { return ++calls > 3; };
    auto r = shared_engine().check_detailed(doc, o);
    EXPECT_TRUE(r.stopped);
    EXPECT_EQ(r.suggestions.size(), 3u);
}

TEST(engine, other_languages_get_only_language_independent_rules) {
    document_text doc;
    doc.paragraphs.push_back(
        {story_kind::body, 0, "Le chat est sur la table , et il dort.  Il ne veut pas manger."});
    doc.paragraphs.push_back({story_kind::body, 1, "C'est une belle journée dans le jardin."});
    check_options o;  // auto
    auto r = shared_engine().check_detailed(doc, o);
    EXPECT_EQ(r.language.language, "und");
    ASSERT_FALSE(r.suggestions.empty());
    for (const auto& s : r.suggestions) {
        auto i = rule_index(s.rule_id);
        ASSERT_TRUE(i);
        EXPECT_EQ(catalogue()[*i].language, "any") << s.rule_id;
    }
}

TEST(engine, detects_spanish_and_english) {
    document_text es;
    es.paragraphs.push_back(
        {story_kind::body, 0, "La casa de mi madre está en el pueblo y es muy bonita."});
    EXPECT_EQ(engine::detect(es).language, "es");
    document_text en;
    en.paragraphs.push_back(
        {story_kind::body, 0, "The house of my mother is in the village and it is lovely."});
    EXPECT_EQ(engine::detect(en).language, "en");
}

TEST(engine, correct_text_gets_no_replacements) {
    const char* es =
        "La heroica ciudad dormía la siesta. El viento Sur, caliente y perezoso, "
        "empujaba las nubes blanquecinas que se rasgaban al correr hacia el Norte. "
        "—¿Vienes mañana? —preguntó ella—. ¡Qué alegría!";
    for (const auto& s : check(es, "es"))
        EXPECT_FALSE(s.replacement) << s.rule_id << " " << s.original;
    const char* en =
        "It is a truth universally acknowledged, that a single man in possession of "
        "a good fortune, must be in want of a wife. \"Where?\" she asked on Monday.";
    for (const auto& s : check(en, "en"))
        EXPECT_FALSE(s.replacement) << s.rule_id << " " << s.original;
}

TEST(engine, suggestions_per_paragraph_are_capped_with_one_summary_note) {
    std::string line;
    for (int i = 0; i < 5000; ++i) line += "the the cat ";
    line += "end.";
    auto ss = check(line, "en");
    ASSERT_EQ(ss.size(), max_suggestions_per_paragraph);
    EXPECT_EQ(ss.back().rule_id, "SUGGESTION_LIMIT");
    EXPECT_FALSE(ss.back().replacement);
    EXPECT_NE(ss.back().message.find("more suggestions"), std::string::npos);
    EXPECT_EQ(ss[1].rule_id, "WORD_REPETITION");  // the first "the" also takes a capital
}

// One question of 200 000 clauses: placing its ¿ walks the clauses once, not once per clause
// (quadratic, that would not finish within the test's timeout).
TEST(engine, a_question_of_many_clauses_is_checked_in_linear_time) {
    std::string line = "Dime";
    for (int i = 0; i < 200000; ++i) line += ", y luego";
    line += " qué hiciste?";
    auto ss = check(line, "es");
    EXPECT_TRUE(std::any_of(ss.begin(), ss.end(), [](const auto& s) {
        return s.rule_id == "ES_OPENING_QUESTION";
    }));
}

// A paragraph longer than a segment (segments.hpp) is checked in pieces: findings past the
// first cut keep their offsets in the whole paragraph, and document-wide notes find their place.
TEST(engine, findings_in_later_segments_of_a_long_paragraph_keep_their_offsets) {
    std::string prose;
    while (prose.size() < 3 * engine_detail::max_segment_bytes)
        prose += "La heroica ciudad dormía la siesta, y él también. ";
    const std::string text = "Dijo: \"sí\" y \"no\". " + prose + "Al final dijo que que «sí».";
    auto ss = check(text, "es");
    auto code_points = [](std::string_view s) {
        std::uint32_t n = 0;
        for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
        return n;
    };
    const auto at = [&](std::string_view needle) {
        return code_points(std::string_view(text).substr(0, text.rfind(needle)));
    };
    bool repetition = false, quotes = false;
    for (const auto& s : ss) {
        if (s.rule_id == "WORD_REPETITION") {
            repetition = true;
            EXPECT_EQ(s.offset, at("que que"));
            EXPECT_EQ(s.original, "que que");
        }
        if (s.rule_id == "QUOTE_STYLE_MIXED") {
            quotes = true;
            EXPECT_EQ(s.offset, at("«sí»"));
        }
    }
    EXPECT_TRUE(repetition);
    EXPECT_TRUE(quotes);
}

// Once a paragraph has more suggestions than it may show, its later segments are not checked:
// the note says so, at the paragraph's end (a one-line file of slips costs seconds, not minutes).
TEST(engine, a_full_paragraph_is_not_checked_past_its_segment) {
    std::string line;
    while (line.size() < 4 * engine_detail::max_segment_bytes) line += "the the cat sat. ";
    auto ss = check(line, "en");
    ASSERT_EQ(ss.size(), max_suggestions_per_paragraph);
    const suggestion& note = ss.back();
    EXPECT_EQ(note.rule_id, "SUGGESTION_LIMIT");
    EXPECT_EQ(note.offset, line.size());  // ASCII: bytes are code points
    EXPECT_NE(note.message.find("at least"), std::string::npos) << note.message;
    EXPECT_NE(note.message.find("not checked to its end"), std::string::npos) << note.message;
    for (std::size_t i = 0; i + 1 < ss.size(); ++i) EXPECT_LT(ss[i].offset, 2 * engine_detail::max_segment_bytes);
}
