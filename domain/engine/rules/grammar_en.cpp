// English confusables in patterns precise enough to fix: could of, alot, their is, its a,
// your welcome, to loose weight, they was, a/an by sound.
#include <string>
#include <unordered_set>

#include "domain/engine/rules/en_context.hpp"

namespace galley::engine_detail {

namespace {

using namespace en_context;

// The next word when it follows token i after exactly one space, else -1.
int adjacent_word(const rule_context& cx, int i) {
    const auto& toks = cx.p.tokens;
    if (i + 2 >= (int)toks.size() || toks[i + 1].kind != token_kind::space ||
        toks[i + 2].kind != token_kind::word)
        return -1;
    return i + 2;
}

int previous_word(const rule_context& cx, int i) {
    const auto& toks = cx.p.tokens;
    if (i < 2 || toks[i - 1].kind != token_kind::space || toks[i - 2].kind != token_kind::word)
        return -1;
    return i - 2;
}

void have_of(rule_context& cx, int i) {
    static const set modals = {"could", "should", "would", "must", "might", "may"};
    const auto& t = cx.p.tokens[i];
    if (!modals.count(t.lower)) return;
    int of = adjacent_word(cx, i);
    if (of < 0 || !cx.p.tokens[of].is("of")) return;
    int next = adjacent_word(cx, of);
    if (next < 0 || cx.p.tokens[next].is("course") || cx.p.tokens[next].is("necessity")) return;
    cx.emit_tokens("EN_HAVE_OF", of, of, cased(cx.p.tokens[of], "have"), 0.85,
                   "«" + t.text + " of» → «" + t.text + " have».",
                   "'" + t.text + " of' should be '" + t.text + " have'.");
}

void a_lot(rule_context& cx, int i) {
    const auto& t = cx.p.tokens[i];
    if (!t.is("alot")) return;
    cx.emit_tokens("EN_A_LOT", i, i, cased(t, "a lot"), 0.9, "", "'a lot' is two words.");
}

void there_their(rule_context& cx, int i) {
    static const set be = {"is", "are", "was", "were"};
    const auto& t = cx.p.tokens[i];
    int n = adjacent_word(cx, i);
    if (n < 0) return;
    const token& next = cx.p.tokens[n];
    if (t.is("their") && be.count(next.lower)) {
        // Only at a clause start: "Their is no..." / "and their are...".
        int before = previous_word(cx, i);
        if (before >= 0 && !in(&cx.p.tokens[before], {"and", "but", "so", "if", "because", "when", "that", "said"}))
            return;
        cx.emit_tokens("EN_THERE_THEIR", i, i, cased(t, "there"), 0.8, "", "Did you mean 'there'?");
    } else if ((t.is("there") || t.is("they're") || t.is("they’re")) && next.is("own")) {
        cx.emit_tokens("EN_THERE_THEIR", i, i, cased(t, "their"), 0.85, "",
                       "Possessive: 'their own'.");
    }
}

void its(rule_context& cx, int i) {
    const auto& t = cx.p.tokens[i];
    int n = adjacent_word(cx, i);
    if (n < 0) return;
    const token& next = cx.p.tokens[n];
    if (t.is("its") && (next.is("a") || next.is("an") || next.is("been"))) {
        int after = adjacent_word(cx, n);
        // "its a priori status": leave Latin alone.
        if (after >= 0 && cx.p.tokens[after].is("priori")) return;
        cx.emit_tokens("EN_ITS", i, i, cased(t, "it's"), 0.8, "",
                       "'it's' (it is) rather than the possessive 'its'.");
    } else if ((t.is("it's") || t.is("it’s")) && (next.is("own") || next.is("self"))) {
        cx.emit_tokens("EN_ITS", i, i, cased(t, "its"), 0.85, "",
                       "Possessive 'its' has no apostrophe.");
    }
}

void youre(rule_context& cx, int i) {
    const auto& t = cx.p.tokens[i];
    if (!t.is("your")) return;
    int n = adjacent_word(cx, i);
    if (n < 0) return;
    const token& next = cx.p.tokens[n];
    bool welcome = next.is("welcome");
    int after = cx.p.next_solid(n);
    bool closes = after < 0 || cx.p.tokens[after].kind == token_kind::punct;
    if (welcome && closes) {
        cx.emit_tokens("EN_YOURE", i, i, cased(t, "you're"), 0.8, "",
                       "'you're' (you are) rather than 'your'.");
    }
}

void lose(rule_context& cx, int i) {
    static const set before = {"to",   "will",   "would", "could", "can",   "might",  "may",
                               "must", "should", "not",   "never", "don't", "didn't", "won't",
                               "i",    "we",     "they",  "always", "often", "sometimes"};
    static const set objects = {"weight", "track", "control", "sight", "interest",   "money",
                                "hope",   "face",  "touch",   "time",  "everything", "my",
                                "your",   "his",   "her",     "their", "our",        "the",
                                "this",   "so",    "it",      "them",  "a"};
    const auto& t = cx.p.tokens[i];
    if (!t.is("loose")) return;
    int p = previous_word(cx, i), n = adjacent_word(cx, i);
    if (p < 0 || n < 0 || !before.count(cx.p.tokens[p].lower) ||
        !objects.count(cx.p.tokens[n].lower))
        return;
    cx.emit_tokens("EN_LOSE", i, i, cased(t, "lose"), 0.8, "",
                   "'lose' (to misplace, fail to win); 'loose' means not tight.");
}

void were(rule_context& cx, int i) {
    const auto& t = cx.p.tokens[i];
    if (!(t.is("we") || t.is("they") || t.is("you"))) return;
    int n = adjacent_word(cx, i);
    if (n < 0 || !cx.p.tokens[n].is("was")) return;
    // "you was" in "the man you was talking to" is still wrong; "than you was" too.
    cx.emit_tokens("EN_WERE", n, n, cased(cx.p.tokens[n], "were"), 0.8, "",
                   "'" + t.lower + " were', not '" + t.lower + " was'.");
}

bool vowel_sound(std::string_view w) {
    // A silent h: "an hour's drive", "an honest man", "an heirloom".
    for (std::string_view stem : {"hour", "honest", "honour", "honor", "heir"})
        if (w.starts_with(stem)) return true;
    if (w.empty()) return false;
    char c = w[0];
    if (c == 'u') {
        // "a university", "a user", "a unique": the "you" sound.
        for (std::string_view p : {"uni", "unan", "use", "usu", "uti", "ura", "ure", "uro", "ubi",
                                   "uku", "ufo", "uga", "ute", "ulu"})
            if (w.starts_with(p)) return w.starts_with("unin") || w.starts_with("unint");
        return true;
    }
    if (c == 'e') return !(w.starts_with("eu") || w.starts_with("ewe"));
    if (c == 'o') return !(w.starts_with("one") || w.starts_with("once") || w == "ouija");
    return c == 'a' || c == 'i';
}

// "an historic", "an hotel": with an unstressed first syllable, "an" before h is an accepted
// (older British) variant; before any other h ("an husband", "an headache") it is a slip.
bool an_before_h_accepted(std::string_view w) {
    static const set variants = {"historic", "historical", "historian", "historically", "hotel",
                                 "hotels",   "heroic",     "hereditary", "habitual", "hypothesis",
                                 "hysterical", "humble"};
    return w.starts_with("h") && variants.count(w) > 0;
}

void a_an(rule_context& cx, int i) {
    const auto& t = cx.p.tokens[i];
    if (!(t.is("a") || t.is("an"))) return;
    // A capital "A" is the article only at a sentence start ("Universities A and B").
    if (t.shape != word_shape::lower && t.starts == boundary::none) return;
    if (i > 0 && cx.p.tokens[i - 1].kind != token_kind::space &&
        !(cx.p.tokens[i - 1].kind == token_kind::punct &&
          (cx.p.text[cx.p.tokens[i - 1].begin] == U'"' ||
           cx.p.text[cx.p.tokens[i - 1].begin] == U'(' ||
           cx.p.text[cx.p.tokens[i - 1].begin] == 0x201C)))
        return;  // "4.a", "...an"
    int n = adjacent_word(cx, i);
    if (n < 0) return;
    const token& next = cx.p.tokens[n];
    // Letters, acronyms and symbols are read by name ("an MP", "a U-turn"): leave them.
    if (next.shape != word_shape::lower || next.end - next.begin < 2 || next.has_digit) return;
    if (next.lower[1] == '-' ||
        (n + 1 < (int)cx.p.tokens.size() && cx.p.tokens[n + 1].is_punct(U'.', cx.p.text) &&
         next.end - next.begin <= 3))
        return;
    if (static_cast<unsigned char>(next.lower[0]) >= 0x80) return;
    int before = previous_word(cx, i);
    if (before >= 0 && (cx.p.tokens[before].is("vitamin") || cx.p.tokens[before].is("type") ||
                        cx.p.tokens[before].is("grade") || cx.p.tokens[before].is("plan")))
        return;
    bool vowel = vowel_sound(next.lower);
    if (t.is("a") && vowel) {
        cx.emit_tokens("EN_A_AN", i, i, cased(t, "an"), 0.9, "", "Use 'an' before a vowel sound.");
    } else if (t.is("an") && !vowel && !an_before_h_accepted(next.lower)) {
        cx.emit_tokens("EN_A_AN", i, i, cased(t, "a"), 0.9, "",
                       "Use 'a' before a consonant sound.");
    }
}

}  // namespace

void check_grammar_en(rule_context& cx) {
    const auto& toks = cx.p.tokens;
    for (int i = 0; i < static_cast<int>(toks.size()); ++i) {
        if (toks[i].kind != token_kind::word) continue;
        have_of(cx, i);
        a_lot(cx, i);
        there_their(cx, i);
        its(cx, i);
        youre(cx, i);
        lose(cx, i);
        were(cx, i);
        a_an(cx, i);
    }
}

}  // namespace galley::engine_detail
