// English words that are confused with a neighbour in spelling or sound: then/than,
// affect/effect, to/too, who's/whose, here/hear, its/it's, your/you're, a lowercase "i" and
// contractions written without their apostrophe. Each fix needs a frame where only one of the
// two words is grammatical ("more then ever", "too the end", "I can here you").
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "domain/engine/rules/en_context.hpp"

namespace galley::engine_detail {

namespace {

using namespace en_context;

void fix(rule_context& cx, const char* rule, int i, std::string_view lower, std::string msg,
         double confidence = 0.8) {
    cx.emit_tokens(rule, i, i, cased(cx.p.tokens[i], lower), confidence, "", msg);
}

// A lowercase "i" on its own ("when i talked"), not a list marker ("i." or "(i)").
void lowercase_i(rule_context& cx, int i) {
    static const std::unordered_map<std::string_view, std::string_view> forms = {
        {"i", "I"}, {"i'm", "I'm"}, {"i've", "I've"}, {"i'll", "I'll"}, {"i'd", "I'd"}};
    const token& t = cx.p.tokens[i];
    if (t.shape != word_shape::lower || t.lower.empty() || t.lower[0] != 'i') return;
    std::string scratch;
    auto it = forms.find(plain(t, scratch));
    if (it == forms.end()) return;
    if (t.lower == "i") {
        int n = cx.p.next_solid(i), p = cx.p.prev_solid(i);
        if (n < 0 || cx.p.punct_at(n, U'.') || cx.p.punct_at(n, U')') || cx.p.punct_at(n, U':') ||
            cx.p.punct_at(n, U'-'))
            return;  // "i.", "i)", "i:": a list marker
        if (cx.p.punct_at(p, U'(') || cx.p.punct_at(p, U'[') || cx.p.punct_at(p, U'-'))
            return;  // "(i)", "[i]"
        static const set numbering = {"step", "part", "chapter", "section", "item", "appendix",
                                      "phase", "figure", "type", "class", "case", "level",
                                      "stage", "volume", "book", "table", "point", "note"};
        const token* prev = p >= 0 && cx.p.tokens[p].kind == token_kind::word ? &cx.p.tokens[p] : nullptr;
        if (prev && numbering.count(prev->lower)) return;
    }
    cx.emit_tokens("EN_I_LOWERCASE", i, i, std::string(it->second), 0.95, "",
                   "The pronoun 'I' is always a capital.");
}

// "dont", "doesnt", "youre", "thats": contractions without their apostrophe. "cant" and
// "wont" are words too, so only after a subject pronoun.
void missing_apostrophe(rule_context& cx, int i) {
    static const std::unordered_map<std::string_view, std::string_view> always = {
        {"dont", "don't"},       {"doesnt", "doesn't"},   {"didnt", "didn't"},
        {"isnt", "isn't"},       {"arent", "aren't"},     {"wasnt", "wasn't"},
        {"werent", "weren't"},   {"hasnt", "hasn't"},     {"havent", "haven't"},
        {"hadnt", "hadn't"},     {"couldnt", "couldn't"}, {"shouldnt", "shouldn't"},
        {"wouldnt", "wouldn't"}, {"mustnt", "mustn't"},   {"youre", "you're"},
        {"theyre", "they're"},   {"youve", "you've"},     {"theyve", "they've"},
        {"youll", "you'll"},     {"theyll", "they'll"},   {"thats", "that's"},
        {"whats", "what's"},     {"im", "I'm"},           {"ive", "I've"},
        {"wouldve", "would've"}, {"couldve", "could've"}, {"shouldve", "should've"}};
    static const std::unordered_map<std::string_view, std::string_view> after_subject = {
        {"cant", "can't"}, {"wont", "won't"}};
    static const set subjects = {"i", "you", "we", "they", "he", "she", "it", "that", "this",
                                 "who", "there"};
    const token& t = cx.p.tokens[i];
    if (t.shape == word_shape::upper || t.shape == word_shape::mixed) return;
    std::string_view repl;
    if (auto it = always.find(t.lower); it != always.end()) repl = it->second;
    else if (auto it2 = after_subject.find(t.lower);
             it2 != after_subject.end() && in(prev_word(cx, i), subjects))
        repl = it2->second;
    if (repl.empty()) return;
    std::string r = t.lower == "im" || t.lower == "ive" ? std::string(repl) : cased(t, repl);
    cx.emit_tokens("EN_MISSING_APOSTROPHE", i, i, r, 0.85, "",
                   "A contraction needs its apostrophe: '" + r + "'.");
}

// "We'Re", "don'T": a capital after the apostrophe of a lower-case word.
void apostrophe_case(rule_context& cx, int i) {
    const token& t = cx.p.tokens[i];
    if (t.shape != word_shape::mixed) return;
    std::size_t at = t.text.find('\'');
    std::size_t len = 1;
    if (at == std::string::npos) {
        at = t.text.find("\xE2\x80\x99");
        len = 3;
    }
    if (at == std::string::npos || at == 0) return;
    std::string head = t.text.substr(0, at), tail = t.text.substr(at + len);
    static const set suffixes = {"s", "t", "re", "ll", "ve", "d", "m"};
    if (!suffixes.count(to_lower(tail)) || to_lower(tail) == tail) return;
    // "WE'Re" keeps its capitals before the apostrophe; only the suffix is lowered.
    std::string repl = head + t.text.substr(at, len) + to_lower(tail);
    cx.emit_tokens("EN_APOSTROPHE_CASE", i, i, repl, 0.8, "",
                   "Lower case after the apostrophe: '" + repl + "'.");
}

// "more then", "better then ever", "rather then": a comparison takes "than".
void then_than(rule_context& cx, int i) {
    static const set comparative = {
        "more",    "less",    "rather",  "better",  "worse",   "other",   "greater", "larger",
        "smaller", "bigger",  "higher",  "lower",   "faster",  "slower",  "older",   "younger",
        "longer",  "shorter", "fewer",   "easier",  "harder",  "stronger", "weaker", "cheaper",
        "quicker", "wider",   "deeper",  "heavier", "lighter", "richer",  "poorer",  "smarter",
        "cooler",  "warmer",  "colder",  "hotter",  "safer",   "simpler", "taller",  "louder",
        "different"};
    static const set since = {"since", "until", "till", "back", "just"};
    const token& t = cx.p.tokens[i];
    const token* prev = prev_word(cx, i);
    const token* next = next_word(cx, i);
    if (t.is("then")) {
        // "Things were better then." is about time: a comparison goes on ("better then ever").
        int n = cx.p.next_solid(i);
        if (n < 0 || cx.p.tokens[n].kind == token_kind::punct || !prev) return;
        const token* pp = prev_word(cx, i - 2);
        bool compare = in(prev, comparative) || (pp && (pp->is("more") || pp->is("less")));
        if (prev->is("different")) compare = false;  // "different from" is another rule
        if (!compare) return;
        fix(cx, "EN_THAN_THEN", i, "than", "A comparison takes 'than'.");
    } else if (t.is("than")) {
        if ((sentence_start(t) && next) || in(prev, since))
            fix(cx, "EN_THAN_THEN", i, "then", "'then' (at that time, next), not 'than'.");
    }
}

// "an affect on", "took affect", "might effect the result", "badly effected".
void affect_effect(rule_context& cx, int i) {
    static const set noun_before = {
        "a",       "an",       "the",         "no",      "any",       "side",    "positive",
        "negative", "adverse", "immediate",   "desired", "same",      "great",   "big",
        "significant", "little", "opposite",  "overall", "net",       "major",   "minor",
        "profound", "lasting", "direct",      "real",    "full",      "took",    "take",
        "takes",   "taking",   "in",          "primary", "main",      "secondary", "and"};
    static const set verb_before = {
        "will",      "would",     "could",      "can",       "may",     "might",
        "must",      "should",    "shall",      "won't",     "wouldn't", "couldn't",
        "can't",     "cannot",    "shouldn't",  "doesn't",   "didn't",  "don't",
        "would've",  "could've",  "should've",  "might've",  "adversely", "badly",
        "negatively", "positively", "directly", "seriously", "greatly",  "deeply",
        "severely",  "not"};
    static const set bring_about = {"change", "changes", "a", "an", "reform", "reforms"};
    const token& t = cx.p.tokens[i];
    const token* prev = prev_word(cx, i);
    if (!prev) return;
    std::string prev_lower = apostrophes(prev->lower);
    if (t.is("affect") || t.is("affects")) {
        if (!noun_before.count(prev_lower)) return;
        if (prev->is("and") && !in(prev_word(cx, i - 2), {"cause"})) return;
        if (prev->is("in") && cx.p.next_solid(i) >= 0 &&
            cx.p.tokens[cx.p.next_solid(i)].kind == token_kind::word)
            return;  // "in affect" only as a whole ("are in affect.")
        int n = cx.p.next_solid(i);
        // "the affect of/on" or a closing "affect": the noun.
        bool noun = n < 0 || cx.p.tokens[n].kind == token_kind::punct ||
                    in(word_at(cx, n), {"on", "of", "upon", "is", "was", "and", "that"});
        if (!noun) return;
        fix(cx, "EN_AFFECT_EFFECT", i, t.is("affect") ? "effect" : "effects",
            "The noun is 'effect'; 'affect' is the verb.");
    } else if (t.is("effect") || t.is("effected")) {
        if (!verb_before.count(prev_lower)) return;
        if (in(next_word(cx, i), bring_about)) return;  // "to effect change"
        if (!next_word(cx, i) && t.is("effect")) return;
        fix(cx, "EN_AFFECT_EFFECT", i, t.is("effect") ? "affect" : "affected",
            "The verb is 'affect'; 'effect' is the noun.");
    }
}

// "is to late", "to good to be true", "too the end", "two many".
void to_too(rule_context& cx, int i) {
    static const set degree = {
        "soon",   "late",  "early",  "long",    "much",  "many",      "far",   "big",
        "small",  "good",  "bad",    "high",    "low",   "hot",       "cold",  "young",
        "old",    "fast",  "slow",   "quickly", "slowly", "easy",     "hard",  "difficult",
        "expensive", "cheap", "busy", "tired",  "close", "distant",   "little", "few",
        "short",  "tall",  "heavy",  "loud",    "quiet", "strong",    "weak",  "large",
        "complicated", "dangerous", "risky", "often", "happy", "sad", "bright", "dark",
        "full",   "hungry", "scared", "afraid",  "sick"};
    static const set before = {"is",  "was", "are", "were", "be",   "been", "it's", "that's",
                               "way", "not", "far", "much", "came", "all",  "being", "seems",
                               "because", "but", "just", "returned", "wanted", "got", "get"};
    static const set determiner = {"the", "a", "an", "my", "your", "his", "their", "our", "all"};
    const token& t = cx.p.tokens[i];
    const token* next = next_word(cx, i);
    if (t.is("to")) {
        const token* prev = prev_word(cx, i);
        bool too = false;
        if (next && degree.count(next->lower)) {
            std::string p = prev ? apostrophes(prev->lower) : "";
            if (before.count(p) || (sentence_start(t) && (next->is("bad") || next->is("late"))))
                too = true;
            // "came to much acclaim", "to many people": a noun after much/many is a
            // destination, not a degree.
            if ((next->is("much") || next->is("many")) && next_word(cx, i + 2)) too = false;
            if (next->is("much") && prev && prev->is("because")) too = true;
            // "to soon launch" is an infinitive; a degree ends its phrase: "too soon to go",
            // "too far from", "too early."
            static const set degree_end = {"to", "for", "in", "from", "ago", "and", "with", "of"};
            int after = cx.p.next_solid(i + 2);
            if (!next->is("much") && after >= 0 && cx.p.tokens[after].kind == token_kind::word &&
                !degree_end.count(cx.p.tokens[after].lower))
                too = false;
        }
        // "..., to." at the end: "I like it, to."
        int p = cx.p.prev_solid(i), n = cx.p.next_solid(i);
        if (p >= 0 && cx.p.tokens[p].is_punct(U',', cx.p.text) && n >= 0 &&
            cx.p.tokens[n].kind == token_kind::punct &&
            (cx.p.text[cx.p.tokens[n].begin] == U'.' || cx.p.text[cx.p.tokens[n].begin] == U'!' ||
             cx.p.text[cx.p.tokens[n].begin] == U'?'))
            too = true;
        if (too) fix(cx, "EN_TO_TOO", i, "too", "'too' (also, excessively), not 'to'.");
    } else if (t.is("too") && next && determiner.count(next->lower)) {
        if (t.starts != boundary::none) return;
        fix(cx, "EN_TO_TOO", i, "to", "The preposition is 'to'.");
    } else if (t.is("two") && next && (next->is("many") || next->is("much"))) {
        fix(cx, "EN_TO_TOO", i, "too", "'too many', not 'two many'.");
    }
}

// "Whose the boss?", "whose at the door" / "by who's standards", "people who's lives".
void whose(rule_context& cx, int i) {
    static const set who_is_next = {"the", "a", "an", "going", "coming", "at", "on", "in",
                                    "there", "that", "this", "not", "gonna", "been", "here"};
    static const set preposition = {"by", "of", "about", "from", "with", "to", "on"};
    static const set people = {"people", "those", "person", "someone", "anyone", "everyone",
                               "man", "woman", "men", "women", "children", "students"};
    static const set is_like = {"been", "going", "not", "a", "an", "the", "there", "here",
                                "in", "on", "at", "that", "this", "coming", "got", "always",
                                "never", "still", "just", "also", "really", "very", "so"};
    const token& t = cx.p.tokens[i];
    const token* next = next_word(cx, i);
    if (!next || !t.lower.starts_with("who")) return;
    std::string scratch;
    std::string_view w = plain(t, scratch);
    if (w == "whose" && who_is_next.count(next->lower) &&
        (sentence_start(t) || !prev_word(cx, i))) {
        fix(cx, "EN_WHOSE", i, "who's", "'who's' (who is), not 'whose'.");
    } else if (w == "who's" && next->shape == word_shape::lower && !is_like.count(next->lower) &&
               !next->lower.ends_with("ing") && !next->lower.ends_with("ed")) {
        const token* prev = prev_word(cx, i);
        if (in(prev, preposition) || in(prev, people))
            fix(cx, "EN_WHOSE", i, "whose", "The possessive is 'whose'.");
    }
}

// "I can here you", "glad to here that", "right know", "from know on".
void here_hear_know_now(rule_context& cx, int i) {
    static const set able = {"can", "could", "cannot", "can't", "couldn't", "to", "don't",
                             "didn't", "not", "never", "almost"};
    static const set heard = {"you", "me", "him", "her", "them", "that", "from", "it", "what",
                              "about", "the", "us"};
    const token& t = cx.p.tokens[i];
    const token* prev = prev_word(cx, i);
    const token* next = next_word(cx, i);
    if (t.is("here") && prev && next && able.count(apostrophes(prev->lower)) &&
        heard.count(next->lower)) {
        // "next to here", "close to here": a place.
        const token* pp = prev_word(cx, i - 2);
        if (prev->is("to") && in(pp, {"next", "close", "near", "back", "there", "from"})) return;
        fix(cx, "EN_HEAR_HERE", i, "hear", "'hear' (with the ears), not 'here'.");
    } else if (t.is("know") && prev &&
               ((prev->is("right") && cx.p.next_solid(i) != i + 2) ||
                (prev->is("from") && next && next->is("on")) ||
                (next && next->is("and") && next_word(cx, i + 2) &&
                 next_word(cx, i + 2)->is("then")))) {
        fix(cx, "EN_KNOW_NOW", i, "now", "'now' (at this time), not 'know'.");
    }
}

// "Its a dog", "Its not working", "on it's own", "of it's": possessive or "it is".
void its_extended(rule_context& cx, int i) {
    static const set it_is_next = {"not",  "going", "gonna", "too",  "so",     "that",
                                   "ok",   "okay",  "time",  "hard", "getting", "about",
                                   "just", "raining", "the", "his",  "her",    "my",
                                   "your", "our",   "their", "impossible", "possible",
                                   "difficult", "easy", "better", "true", "important",
                                   "all", "no", "where", "okay", "fine", "nice", "great", "over"};
    static const set mid_next = {"not", "gonna"};  // "its going", "its too short": possessive
    static const set clause_openers = {"well", "yes", "no", "sorry", "but", "and", "think",
                                       "guess", "hope", "because", "so", "that", "if", "when"};
    static const set preposition = {"of",   "on",     "in",     "at",      "by",    "with",
                                    "from", "into",   "through", "under",  "over",  "above",
                                    "alongside", "amid", "during", "about", "upon", "within",
                                    "borrow", "remember"};
    const token& t = cx.p.tokens[i];
    const token* next = next_word(cx, i);
    const token* prev = prev_word(cx, i);
    if (!next || !t.lower.starts_with("it")) return;
    std::string scratch;
    std::string_view w = plain(t, scratch);
    if (w == "its") {
        if (next->is("a") || next->is("an") || next->is("been")) return;  // grammar_en.cpp
        // After a comma ("Well, its okay") a clause starts as well.
        bool opener = sentence_start(t) || in(prev, clause_openers) || cx.p.punct_at(cx.p.prev_solid(i), U',');
        bool gerund = sentence_start(t) && next->lower.size() > 5 && next->lower.ends_with("ing");
        if ((opener && it_is_next.count(next->lower)) || mid_next.count(next->lower) || gerund) {
            if (next->is("so") && cx.p.next_solid(i + 2) == i + 3) return;  // "its so-called"
            fix(cx, "EN_ITS", i, "it's", "'it's' (it is), not the possessive 'its'.");
        }
    } else if (w == "it's" && prev &&
               (preposition.count(prev->lower) || in(prev, {"are", "were"}) ||
                // "for all its charm", but "after all it's my birthday"
                (prev->is("all") && !in(prev_word(cx, i - 2), {"above", "after", "of", "first", "at", "once"})) ||
                (prev->is("to") && in(prev_word(cx, i - 2), {"due", "thanks", "according", "owing"}))) &&
               next->shape == word_shape::lower && !next->is("own") && !next->is("self")) {
        static const set verb_like = {"a", "an", "the", "not", "been", "going", "getting", "so",
                                      "very", "too", "time", "all", "just", "still", "really",
                                      "also", "always", "never", "only", "that", "this"};
        if (verb_like.count(next->lower) || next->lower.ends_with("ing")) return;
        fix(cx, "EN_ITS", i, "its", "The possessive 'its' has no apostrophe.");
    }
}

// "Your not", "your a great guy", "your the best": "you're".
void your_youre(rule_context& cx, int i) {
    static const set you_are_next = {"a", "an", "the", "not", "so"};
    // "Your beautiful.", "Did you know that your beautiful?": an adjective closing the clause.
    static const set adjectives = {"beautiful", "right", "wrong", "amazing", "awesome", "crazy", "kidding",
                                   "joking", "sure", "correct", "lucky", "funny", "smart", "stupid", "mad",
                                   "gorgeous", "pretty", "brilliant", "late", "early", "fired", "done"};
    static const set openers = {"that", "if", "think", "know", "hope", "guess", "because", "but", "and", "so",
                                "said", "yes", "no", "oh", "well", "believe", "sure"};
    const token& t = cx.p.tokens[i];
    if (!t.is("your")) return;
    const token* next = next_word(cx, i);
    if (!next) return;
    if (in(next, {"sincerely", "truly", "faithfully"}) && sentence_start(t)) {
        fix(cx, "EN_YOURE", i, "yours", "The closing is 'Yours " + next->lower + "'.");
        return;
    }
    bool clause_head = sentence_start(t) || in(prev_word(cx, i), openers);
    bool adjective = clause_head && adjectives.count(next->lower) &&
                     (clause_ends_after(cx, i + 2) || in(next_word(cx, i + 2), {"but", "and"}));
    if (!you_are_next.count(next->lower) && !adjective) return;
    if (cx.p.next_solid(i + 2) == i + 3 && !adjective) return;  // "your so-called"
    fix(cx, "EN_YOURE", i, "you're", "'you're' (you are), not 'your'.");
}

// "Lets go": the suggestion "let's".
void lets(rule_context& cx, int i) {
    static const set verbs = {"go", "see", "do", "get", "make", "try", "take", "hope", "all",
                              "just", "not", "say", "talk", "start", "play", "have", "be",
                              "keep", "move", "eat", "find", "look", "put", "think", "begin",
                              "give", "meet", "hear", "face", "work", "call", "dance"};
    const token& t = cx.p.tokens[i];
    if (!t.is("lets") || !sentence_start(t)) return;
    if (!in(next_word(cx, i), verbs)) return;
    fix(cx, "EN_MISSING_APOSTROPHE", i, "let's", "'Let's' (let us) needs its apostrophe.");
}

}  // namespace

void check_confusables_en(rule_context& cx) {
    const auto& toks = cx.p.tokens;
    for (int i = 0; i < static_cast<int>(toks.size()); ++i) {
        if (toks[i].kind != token_kind::word) continue;
        lowercase_i(cx, i);
        missing_apostrophe(cx, i);
        apostrophe_case(cx, i);
        then_than(cx, i);
        affect_effect(cx, i);
        to_too(cx, i);
        whose(cx, i);
        here_hear_know_now(cx, i);
        its_extended(cx, i);
        your_youre(cx, i);
        lets(cx, i);
    }
}

}  // namespace galley::engine_detail
