// The same word twice in a row ("the the", "La la casa", "No no quiero"), whatever its case.
// Context decides what is deliberate: a word repeated three times or more ("la la la"),
// grammatical doubles ("had had", "that that"), short sounds the dictionary does not know
// ("chin chin"), degree words ("muy muy", "very very") and interjections closing a clause
// ("¡Sí, sí!" written "sí sí!", but not "Sí Sí,"); names that are also verbs ("Will will") are
// left alone.
#include <string>
#include <unordered_set>

#include "domain/engine/rules/rules.hpp"
#include "domain/engine/speller.hpp"

namespace galley::engine_detail {

namespace {

using word_set = std::unordered_set<std::string_view>;

bool grammatical_double(const rule_context& cx, std::string_view w) {
    static const word_set en = {"had", "that", "do"};
    return cx.en() && en.count(w) > 0;
}

// Degree words repeat for emphasis anywhere ("muy muy lejos", "very very"). Spanish "más más"
// and "tan tan" do not (five slips seeds: 12 of 1000 doubled words, none in clean text).
bool emphatic(std::string_view w) {
    static const word_set words = {"muy", "mucho", "very", "really", "so", "too", "much", "many", "more",
                                   "far", "long", "again", "over", "round"};
    return words.count(w) > 0;
}

// Interjections and answers repeat when they close a clause ("no no, déjalo").
bool interjection(std::string_view w) {
    static const word_set words = {"no", "sí", "ya", "ay", "oh", "ah", "eh", "bueno", "vamos",
                                   "anda", "ven", "corre", "hala", "yes", "now", "there",
                                   "well", "bye", "hush", "quick", "come", "never", "go"};
    return words.count(w) > 0;
}

bool single_space(const paragraph_view& p, int k) {
    const token& gap = p.tokens[k];
    return gap.kind == token_kind::space && gap.end - gap.begin == 1 && p.text[gap.begin] == U' ';
}

// Tokens k and k + 2 are the same word (ignoring case) with one space between them.
bool pair_at(const paragraph_view& p, int k) {
    return k >= 0 && k + 2 < static_cast<int>(p.tokens.size()) &&
           p.tokens[k].kind == token_kind::word && p.tokens[k + 2].kind == token_kind::word &&
           p.tokens[k].lower == p.tokens[k + 2].lower && single_space(p, k + 1);
}

bool clause_ends_after(const paragraph_view& p, int k) {
    int n = p.next_solid(k);
    return n < 0 || p.tokens[n].kind == token_kind::punct;
}

}  // namespace

void check_repetition(rule_context& cx) {
    const auto& toks = cx.p.tokens;
    const int n = static_cast<int>(toks.size());
    for (int i = 0; i + 2 < n; ++i) {
        const token& a = toks[i];
        const token& b = toks[i + 2];
        if (!pair_at(cx.p, i) || a.has_digit) continue;
        if (pair_at(cx.p, i + 2) || pair_at(cx.p, i - 2)) {
            while (pair_at(cx.p, i + 2)) i += 2;  // "la la la"
            continue;
        }
        const std::string& w = a.lower;
        if (grammatical_double(cx, w) || emphatic(w)) continue;
        // A second capital mid-sentence is a key pressed twice, not a voice insisting ("Sí Sí, señor").
        const bool both_capitals = a.shape == word_shape::capitalized && b.shape == word_shape::capitalized;
        if (interjection(w) && clause_ends_after(cx.p, i + 2) && !both_capitals) continue;
        if (a.is("will") || a.is("may") || a.is("can") || a.is("bill") || a.is("mark")) continue;
        // "si no no me hagas": "si no, no me hagas" lost its comma, not a word.
        if (cx.es() && w == "no" && i >= 2 && toks[i - 2].is("si")) {
            cx.emit("WORD_REPETITION", a.begin, b.end, a.text + ", " + b.text, 0.7,
                    "Falta una coma: «si no, no…».", "A comma is missing.");
            continue;
        }
        // Sounds and onomatopoeia ("chin chin", "tic tac") are short words no dictionary has.
        if (cx.speller && w.size() <= 5 && !cx.speller->known(w) && !cx.speller->known(a.text))
            continue;
        if (!cx.speller && a.end - a.begin < 4) continue;
        cx.emit("WORD_REPETITION", a.begin, b.end, a.text, 0.9,
                "Palabra repetida: «" + b.text + "».", "Repeated word: \"" + b.text + "\".");
    }
}

}  // namespace galley::engine_detail
