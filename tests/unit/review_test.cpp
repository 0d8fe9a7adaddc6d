// Pure review logic: the suggestions cursor, applying decisions (neighbouring and clashing spans),
// the preview (HTML escaping, marks), the anonymizer, the training export and dictionary words.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "domain/corrections_reader.hpp"
#include "domain/review/anonymizer.hpp"
#include "domain/review/decisions.hpp"
#include "domain/review/dictionary.hpp"
#include "domain/review/preview.hpp"
#include "domain/review/review_cursor.hpp"
#include "domain/review/training_export.hpp"

using namespace galley;

namespace {
std::string hex_id(int n) {
    std::string id = std::to_string(n);
    return std::string(32 - id.size(), 'a') + id;
}

suggestion_record rec(int n, std::uint32_t paragraph, std::uint32_t offset, std::uint32_t length,
                      std::string original, std::optional<std::string> replacement,
                      review_state state = review_state::accepted) {
    suggestion_record r;
    r.id = hex_id(n);
    r.s.paragraph = paragraph;
    r.s.offset = offset;
    r.s.length = length;
    r.s.original = std::move(original);
    r.s.replacement = std::move(replacement);
    r.s.rule_id = "RULE_" + std::to_string(n);
    r.s.message = "message " + std::to_string(n);
    r.state = state;
    return r;
}

document_text body(std::vector<std::string> paragraphs) {
    document_text t;
    for (std::uint32_t i = 0; i < paragraphs.size(); ++i)
        t.paragraphs.push_back({story_kind::body, i, paragraphs[i]});
    return t;
}
}  // namespace

TEST(review_cursor, round_trips_and_rejects_tampering) {
    suggestion_position p{3, 1, 42, 17, hex_id(7)};
    std::string c = encode_suggestion_cursor(p);
    EXPECT_EQ(
        c.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
        std::string::npos)
        << "URL-safe";
    auto back = decode_suggestion_cursor(c);
    ASSERT_TRUE(back);
    EXPECT_EQ(back->document_position, 3);
    EXPECT_EQ(back->story, 1);
    EXPECT_EQ(back->paragraph, 42);
    EXPECT_EQ(back->offset, 17);
    EXPECT_EQ(back->id, hex_id(7));
    EXPECT_FALSE(decode_suggestion_cursor(""));
    EXPECT_FALSE(decode_suggestion_cursor("not a cursor"));
    EXPECT_FALSE(decode_suggestion_cursor(c + "A"));
    EXPECT_FALSE(
        decode_suggestion_cursor(encode_suggestion_cursor({1, 9, 0, 0, hex_id(1)})));  // story 9
    EXPECT_FALSE(decode_suggestion_cursor(encode_suggestion_cursor({1, 0, 0, 0, "xyz"})));
    EXPECT_FALSE(decode_suggestion_cursor(encode_suggestion_cursor({-1, 0, 0, 0, hex_id(1)})));
}

TEST(review_decisions, only_accepted_apply_with_edits_and_neighbours_both_apply) {
    std::vector<suggestion_record> rs = {
        rec(1, 0, 0, 3, "teh", "the"),
        rec(2, 0, 3, 1, " ", "  "),  // touches #1 on the right
        rec(3, 0, 4, 3, "cat", "dog", review_state::rejected),
        rec(4, 0, 8, 3, "sat", "sit", review_state::pending),
        rec(5, 0, 12, 2, "on", "upon"),
    };
    rs[4].edited_replacement = "onto";
    auto edits = accepted_edits(rs);
    ASSERT_EQ(edits.size(), 3u);
    EXPECT_EQ(apply_edits_to_text("teh cat sat on it", edits), "the  cat sat onto it");
}

TEST(review_decisions, clashing_spans_resolve_the_same_way_in_any_input_order) {
    std::vector<suggestion_record> a = {
        rec(1, 0, 2, 4, "ñoño", "x"),
        rec(2, 0, 0, 4, "añño", "y"),  // overlaps #1 and starts first: it wins
        rec(3, 0, 3, 0, "", "+"),      // insertion inside #2's span: dropped
        rec(4, 0, 6, 0, "", "!"),      // insertion after everything
        rec(5, 0, 6, 0, "", "?"),      // a second insertion at 6: dropped (id order)
    };
    std::vector<suggestion_record> b(a.rbegin(), a.rend());
    std::string text = "aññoño b";
    EXPECT_EQ(apply_edits_to_text(text, accepted_edits(a)), "yño! b");
    EXPECT_EQ(apply_edits_to_text(text, accepted_edits(b)), "yño! b");
    EXPECT_TRUE(spans_clash(0, 0, 0, 0));
    EXPECT_FALSE(spans_clash(3, 0, 3, 2)) << "an insertion at a replacement's start does not clash";
    EXPECT_FALSE(spans_clash(0, 3, 3, 2)) << "touching spans do not clash";
}

TEST(review_decisions, notes_change_text_only_with_an_edit) {
    std::vector<suggestion_record> rs = {rec(1, 0, 0, 5, "Thing", std::nullopt)};
    EXPECT_TRUE(accepted_edits(rs).empty());
    rs[0].edited_replacement = "Stuff";
    EXPECT_EQ(apply_edits_to_text("Thing here", accepted_edits(rs)), "Stuff here");
}

TEST(review_preview, txt_joins_body_paragraphs_and_applies_accepted_only) {
    auto text = body({"Teh cat.", "A dog <b>.", ""});
    text.paragraphs.push_back({story_kind::footnote, 0, "a footnote"});
    std::vector<suggestion_record> rs = {rec(1, 0, 0, 3, "Teh", "The"),
                                         rec(2, 1, 2, 3, "dog", "hound", review_state::pending)};
    preview_renderer txt(text, rs, preview_format::txt);
    EXPECT_EQ(txt.render_all(), "The cat.\nA dog <b>.\n");
}

TEST(review_preview, html_escapes_text_and_marks_accepted_and_pending) {
    auto text = body({"a<b & \"c\" 'd'", "x y"});
    std::vector<suggestion_record> rs = {
        rec(1, 0, 0, 3, "a<b", "a>b"), rec(2, 0, 4, 1, "&", "and", review_state::pending),
        rec(3, 0, 6, 3, "\"c\"", "«c»", review_state::rejected),
        rec(4, 0, 4, 2, "& ", "",
            review_state::pending),  // clashes with the mark of #2, which sorts first
    };
    rs[1].s.message = "use \"and\" <here>";
    std::string html = paragraph_html(text.paragraphs[0].text, rs);
    EXPECT_EQ(html.find("<b"), std::string::npos);
    EXPECT_NE(html.find("<del data-id=\"" + hex_id(1) + "\">a&lt;b</del><ins data-id=\"" +
                        hex_id(1) + "\">a&gt;b</ins>"),
              std::string::npos)
        << html;
    EXPECT_NE(html.find("title=\"use &quot;and&quot; &lt;here&gt;\""), std::string::npos) << html;
    EXPECT_NE(html.find("&quot;c&quot; &#39;d&#39;"), std::string::npos)
        << "rejected: plain, escaped";
    int marks = 0;
    for (std::size_t at = html.find("<mark"); at != std::string::npos;
         at = html.find("<mark", at + 1))
        ++marks;
    EXPECT_EQ(marks, 1) << "of two clashing pending spans only the first is marked: " << html;

    preview_renderer page(text, rs, preview_format::html);
    std::string chunk, all;
    int chunks = 0;
    while (page.next(chunk, 1)) {
        all += chunk;
        chunk.clear();
        ++chunks;
    }
    EXPECT_GE(chunks, 2) << "one paragraph per chunk when chunks are tiny";
    EXPECT_EQ(all.rfind("<!DOCTYPE html>", 0), 0u);
    EXPECT_NE(all.find("<p>x y</p>"), std::string::npos);
    EXPECT_EQ(all, preview_renderer(text, rs, preview_format::html).render_all())
        << "deterministic";
}

TEST(review_anonymizer, replaces_emails_urls_numbers_and_names_with_stable_placeholders) {
    anonymizer anon({"Galley", "madrid"});
    std::string out = anon.apply(
        "Write to ana.perez@example.com or see https://example.com/x?y=1. Then call Pedro at 555 "
        "1234, "
        "said Galley. María met Pedro in Madrid in 1.999,50 ways.");
    EXPECT_EQ(out,
              "Write to <EMAIL_1> or see <URL_1>. Then call <NAME_1> at <NUMBER_1> <NUMBER_2>, "
              "said Galley. "
              "María met <NAME_1> in Madrid in <NUMBER_3> ways.");
    EXPECT_EQ(anon.apply("Pedro and Luis"), "Pedro and <NAME_2>")
        << "sentence-initial words are kept";
    EXPECT_EQ(anon.apply("—Hola —dijo Ana. ¿Viene Ana?"), "—Hola —dijo <NAME_3>. ¿Viene <NAME_3>?");
    EXPECT_EQ(anon.apply("so I said www.galley.io, fine"), "so I said <URL_2>, fine");
    EXPECT_EQ(anon.apply("the ONU and McEwan"), "the ONU and <NAME_4>")
        << "all capitals are not names";
}

TEST(review_training_export, sft_and_preference_rows_in_jsonl_and_csv) {
    reviewed_document doc;
    doc.text = body({"Teh cat sat.", "Nothing here.", "A dog, Pedro."});
    doc.records = {rec(1, 0, 0, 3, "Teh", "The"),
                   rec(2, 0, 8, 3, "sat", "sit", review_state::rejected),
                   rec(3, 2, 2, 3, "dog", "hound", review_state::pending)};
    for (auto& r : doc.records) r.context = {doc.text.paragraphs[r.s.paragraph].text, r.s.offset};
    std::vector<reviewed_document> docs = {doc};
    std::string sft = training_export(docs, training_schema::sft, training_format::jsonl, nullptr);
    EXPECT_EQ(sft, "{\"input\":\"Teh cat sat.\",\"output\":\"The cat sat.\"}\n");
    std::string pref =
        training_export(docs, training_schema::preference, training_format::jsonl, nullptr);
    auto first = nlohmann::json::parse(pref.substr(0, pref.find('\n')));
    EXPECT_EQ(first["prompt"], "Teh cat sat.");
    EXPECT_EQ(first["chosen"], "The cat sat.");
    EXPECT_EQ(first["rejected"], "Teh cat sat.");
    EXPECT_EQ(first["decision"], "accepted");
    auto second = nlohmann::json::parse(pref.substr(pref.find('\n') + 1));
    EXPECT_EQ(second["chosen"], "Teh cat sat.");
    EXPECT_EQ(second["rejected"], "Teh cat sit.");
    std::string csv = training_export(docs, training_schema::sft, training_format::csv, nullptr);
    EXPECT_EQ(csv, "input,output\r\nTeh cat sat.,The cat sat.\r\n");
    docs[0].records[2].state = review_state::accepted;
    anonymizer anon;
    std::string anonymized =
        training_export(docs, training_schema::sft, training_format::jsonl, &anon);
    EXPECT_NE(anonymized.find("A hound, <NAME_1>."), std::string::npos) << anonymized;
}

TEST(review_dictionary, words_are_validated_deduplicated_and_sorted) {
    EXPECT_TRUE(validate_dictionary_word("Ñandú", "word").ok());
    EXPECT_TRUE(validate_dictionary_word("e-mail", "word").ok());
    for (std::string bad :
         {std::string(), std::string("two words"), std::string("tab\there"), std::string("\xff"),
          std::string(101, 'a'), std::string("zero\xE2\x80\x8Bwidth"), std::string("nb\xC2\xA0sp")})
        EXPECT_EQ(validate_dictionary_word(bad, "word").err().code, errc::invalid_argument) << bad;
    auto words = normalize_dictionary({"Zeta", "alpha", "Zeta"});
    ASSERT_TRUE(words);
    EXPECT_EQ(*words, (std::vector<std::string>{"Zeta", "alpha"}));
    auto bad = normalize_dictionary({"ok", "not ok"});
    EXPECT_EQ(bad.err().field, "words[1]");
    std::vector<std::string> many;
    for (int i = 0; i <= 10'000; ++i) many.push_back("w" + std::to_string(i));
    EXPECT_EQ(normalize_dictionary(many).err().field, "words");
}

TEST(review_records, read_back_from_corrections_jsonl_with_ids_and_context) {
    std::string jsonl =
        R"({"id":"0123456789abcdef0123456789abcdef","document_id":"d","story":"footnote","paragraph":2,)"
        R"("offset":4,"length":3,"original":"teh","replacement":null,"rule_id":"R","category":"style",)"
        R"("confidence":0.5,"message":"m","context":{"text":"ab teh","offset":3}})"
        "\n";
    auto rs = read_suggestion_records(jsonl);
    ASSERT_TRUE(rs);
    ASSERT_EQ(rs->size(), 1u);
    EXPECT_EQ((*rs)[0].id, "0123456789abcdef0123456789abcdef");
    EXPECT_EQ((*rs)[0].s.story, story_kind::footnote);
    EXPECT_FALSE((*rs)[0].s.replacement);
    EXPECT_EQ((*rs)[0].context.text, "ab teh");
    EXPECT_EQ((*rs)[0].context.offset, 3u);
    EXPECT_EQ((*rs)[0].state, review_state::pending);
    EXPECT_FALSE(read_suggestion_records(R"({"id":"short","story":"body","category":"style"})"));
}
