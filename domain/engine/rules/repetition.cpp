// The same word twice in a row ("the the", "de de"), except repeats that are legitimate.
#include <string>
#include <unordered_set>

#include "domain/engine/common_words.hpp"
#include "domain/engine/rules/rules.hpp"

namespace galley::engine_detail {

namespace {

bool legitimate(std::string_view w) {
    static const std::unordered_set<std::string_view> allowed = {
        "had",   "that",  "is",    "bye",    "ha",    "haha", "no",     "so",   "now",   "there",
        "well",  "very",  "yes",   "really", "many",  "ho",   "la",     "go",   "do",    "knock",
        "tut",   "sí",    "ya",    "muy",    "más",   "ja",   "je",     "bla",  "poco",  "tan",
        "ay",    "oh",    "ah",    "eh",     "pum",   "tic",  "tac",    "din",  "don",   "chop",
        "hip",   "boo",   "cha",   "mau",    "miau",  "guau", "pío",    "nos",  "never", "far",
        "long",  "round", "over",  "on",     "again", "more", "little", "hush", "quick", "slowly",
        "mucho", "nada",  "vamos", "corre",  "ven",   "anda", "toc",    "uno",  "dos",   "tres",
        "quien", "what",  "who"};
    return allowed.count(w) > 0;
}

}  // namespace

void check_repetition(rule_context& cx) {
    const auto& toks = cx.p.tokens;
    for (std::size_t i = 0; i + 2 < toks.size(); ++i) {
        const token& a = toks[i];
        const token& b = toks[i + 2];
        if (a.kind != token_kind::word || b.kind != token_kind::word || a.lower != b.lower)
            continue;
        const token& gap = toks[i + 1];
        if (gap.kind != token_kind::space || cx.p.text[gap.begin] != U' ' ||
            gap.end - gap.begin > 1)
            continue;
        if (a.has_digit || legitimate(a.lower)) continue;
        // Short non-function words repeat on purpose ("ñom ñom"); "Will will" is a name.
        if (!is_function_word(a.lower) && a.end - a.begin < 4) continue;
        if (a.shape != b.shape && !is_function_word(a.lower)) continue;
        if (a.shape != b.shape && (a.is("will") || a.is("may") || a.is("can"))) continue;
        if (a.shape == word_shape::capitalized && b.shape == word_shape::capitalized) continue;
        if (a.shape == word_shape::upper || b.shape == word_shape::upper) continue;
        cx.emit("WORD_REPETITION", a.begin, b.end, a.text, 0.8,
                "Palabra repetida: «" + b.text + "».", "Repeated word: \"" + b.text + "\".");
    }
}

}  // namespace galley::engine_detail
