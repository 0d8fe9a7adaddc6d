// The analysis layer: Apertium's analysers, generators and taggers in process.
#include <gtest/gtest.h>

#include "domain/engine/analysis/analyser.hpp"
#include "domain/engine/paragraph_view.hpp"

using namespace galley;
using namespace galley::engine_detail;

namespace {
const language_analyser& analyser(lang l) {
    static auto es = language_analyser::load(lang::es, std::string(default_apertium_dir));
    static auto en = language_analyser::load(lang::en, std::string(default_apertium_dir));
    auto& a = l == lang::es ? es : en;
    if (!a) {
        ADD_FAILURE() << a.err().message;
        std::abort();
    }
    return **a;
}

// The tagger's reading of each word of `text`, as "lemma/pos".
std::vector<std::string> tagged(const std::string& text, lang l) {
    analysis_session session(analyser(l));
    paragraph_view p = analyse_paragraph(text);
    auto analysis = session.analyse(p);
    std::vector<std::string> out;
    for (std::size_t i = 0; i < p.tokens.size(); ++i) {
        if (p.tokens[i].kind != token_kind::word) continue;
        const reading* r = analysis[i].best();
        out.push_back(r ? r->lemma + "/" + r->pos : "?");
    }
    return out;
}
}  // namespace

TEST(analysis, spanish_words_get_lemmas_parts_of_speech_and_features) {
    auto forms = analyser(lang::es).analyse("casas");
    ASSERT_FALSE(forms.empty());
    auto r = parse_lexical_form(forms[0]);
    EXPECT_EQ(r.parts[0].lemma, "casa");
    EXPECT_EQ(r.parts[0].pos, "n");
    EXPECT_EQ(r.parts[0].gender, "f");
    EXPECT_EQ(r.parts[0].number, "pl");
    EXPECT_TRUE(analyser(lang::es).analyse("xqzwv").empty());
    auto del = parse_lexical_form(analyser(lang::es).analyse("del").at(0));
    ASSERT_EQ(del.parts.size(), 2u);  // de + el
    EXPECT_EQ(del.parts[1].lemma, "el");
}

TEST(analysis, the_tagger_chooses_by_context) {
    EXPECT_EQ(tagged("Esta casa es grande.", lang::es),
              (std::vector<std::string>{"este/det", "casa/n", "ser/vbser", "grande/adj"}));
    EXPECT_EQ(tagged("La vi ayer.", lang::es)[0], "prpers/prn");  // a pronoun before a verb
    EXPECT_EQ(tagged("La casa es bonita.", lang::es)[0], "el/det");
    EXPECT_EQ(tagged("Bajo la mesa hay un gato.", lang::es)[0], "bajo/pr");
    auto en = tagged("The dogs run fast.", lang::en);
    EXPECT_EQ(en[1], "dog/n");
    EXPECT_EQ(en[2], "run/vblex");
}

TEST(analysis, forms_are_generated_from_lemma_and_tags) {
    EXPECT_EQ(analyser(lang::es).generate("haber<vbhaver><pii><p3><sg>"),
              std::vector<std::string>{"había"});
    EXPECT_EQ(analyser(lang::es).generate("haber<vbhaver><ifi><p3><sg>"),
              std::vector<std::string>{"hubo"});
    EXPECT_TRUE(analyser(lang::es).generate("nada<vbhaver><zz>").empty());
    EXPECT_EQ(analyser(lang::en).generate("child<n><pl>"), std::vector<std::string>{"children"});
}

TEST(analysis, parsing_lexical_forms_handles_escapes_and_multiwords) {
    auto r = parse_lexical_form("sin embargo<adv>");
    EXPECT_EQ(r.parts[0].lemma, "sin embargo");
    EXPECT_EQ(r.parts[0].pos, "adv");
    EXPECT_EQ(split_readings("/a<n>/b\\/c<adj>"), (std::vector<std::string>{"a<n>", "b\\/c<adj>"}));
    EXPECT_EQ(parse_lexical_form("velar<vblex><pii><p3><sg># por").parts[0].lemma, "velar");
}
