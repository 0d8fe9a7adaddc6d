// Artefacts: corrections.jsonl fields, changelog.csv quoting, summary.md content, edits.
#include "domain/engine/artefacts.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "engine_test_support.hpp"

using namespace galley;
using namespace galley::test;

namespace {

document_report report_for(const document_text& doc, const std::string& name) {
    check_options o;
    o.language = "es";
    return {"doc-1", "sha", name, "es", shared_engine().check(doc, o)};
}

}  // namespace

TEST(artefacts, corrections_jsonl_has_api_fields_and_a_context_window) {
    document_text doc;
    std::string long_text(400, 'a');
    for (std::size_t i = 0; i < long_text.size(); i += 8) long_text[i] = ' ';
    doc.paragraphs.push_back({story_kind::body, 0, "Nada" + long_text + " tambien " + long_text});
    doc.paragraphs.push_back({story_kind::footnote, 0, "Una nota , sin más."});
    auto r = report_for(doc, "a.txt");
    std::string jsonl = corrections_jsonl(r, doc);
    int lines = 0, accent = 0;
    std::size_t start = 0, nl;
    while ((nl = jsonl.find('\n', start)) != std::string::npos) {
        auto j = nlohmann::json::parse(jsonl.substr(start, nl - start));
        start = nl + 1;
        ++lines;
        for (const char* f :
             {"id", "document_id", "story", "paragraph", "offset", "length", "original",
              "replacement", "rule_id", "category", "confidence", "message", "context"})
            EXPECT_TRUE(j.contains(f)) << f;
        std::string text = j["context"]["text"];
        std::size_t off = j["context"]["offset"];
        EXPECT_LE(text.size(), 320u);
        if (j["rule_id"] == "ES_SPELLING_ACCENT") {
            ++accent;
            EXPECT_EQ(text.substr(off, 7), "tambien");
            EXPECT_EQ(j["replacement"], "también");
            EXPECT_EQ(j["id"].get<std::string>().size(), 32u);
        }
    }
    EXPECT_EQ(lines, static_cast<int>(r.suggestions.size()));
    EXPECT_EQ(accent, 1);
}

TEST(artefacts, notes_have_a_null_replacement_in_jsonl) {
    document_text doc;
    doc.paragraphs.push_back({story_kind::body, 0, "Llegó (tarde."});
    auto r = report_for(doc, "a.txt");
    auto j = nlohmann::json::parse(corrections_jsonl(r, doc));
    EXPECT_TRUE(j["replacement"].is_null());
}

TEST(artefacts, csv_cells_are_quoted_and_defused) {
    EXPECT_EQ(csv_cell("plain"), "plain");
    EXPECT_EQ(csv_cell("a,b"), "\"a,b\"");
    EXPECT_EQ(csv_cell("say \"hi\""), "\"say \"\"hi\"\"\"");
    EXPECT_EQ(csv_cell("=SUM(A1)"), "'=SUM(A1)");
    EXPECT_EQ(csv_cell("-1,2"), "\"'-1,2\"");
    EXPECT_EQ(csv_cell("@x"), "'@x");
}

TEST(artefacts, changelog_lists_only_replacements) {
    document_text doc;
    doc.paragraphs.push_back({story_kind::body, 0, "Yo tambien (lo vi."});
    auto r = report_for(doc, "=evil.txt");
    std::string csv = changelog_csv({r});
    EXPECT_EQ(
        csv.rfind("document,story,paragraph,original,replacement,rule,category,confidence\r\n", 0),
        0u);
    EXPECT_NE(csv.find("'=evil.txt,body,0,tambien,también,ES_SPELLING_ACCENT,spelling,0.90\r\n"),
              std::string::npos)
        << csv;
    EXPECT_EQ(csv.find("UNBALANCED_BRACKET"), std::string::npos);
}

TEST(artefacts, summary_is_an_editorial_letter) {
    document_text doc;
    doc.paragraphs.push_back({story_kind::body, 0, "-Hola -dijo Xqzvw. Yo tambien lo vi."});
    doc.paragraphs.push_back({story_kind::body, 1, "—Adiós —dijo Xqzvw. Y el xqzvw y el xqzvw."});
    auto r = report_for(doc, "novela.txt");
    std::string md = summary_md({r});
    EXPECT_NE(md.find("# Informe editorial"), std::string::npos);
    EXPECT_NE(md.find("| novela.txt | es |"), std::string::npos);
    EXPECT_NE(md.find("Incidencias más frecuentes"), std::string::npos);
    EXPECT_NE(md.find("Coherencia"), std::string::npos);
    EXPECT_NE(md.find("xqzvw (2)"), std::string::npos) << md;
    r.language = "en";
    EXPECT_NE(summary_md({r}).find("# Editorial report"), std::string::npos);
}

TEST(artefacts, edits_skip_notes) {
    auto ss = check("Yo tambien (lo vi.", "es");
    ASSERT_EQ(ss.size(), 2u);
    auto edits = edits_of(ss);
    ASSERT_EQ(edits.size(), 1u);
    EXPECT_EQ(edits[0].replacement, "también");
    EXPECT_EQ(edits[0].offset, 3u);
    EXPECT_EQ(edits[0].length, 7u);
}
