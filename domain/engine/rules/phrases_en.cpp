// English slips that a spell checker passes because each word exists: a wrong word inside a
// fixed frame ("has bee injured", "the best cake in the word", "tow the line", "your should",
// "did'nt"). Every pattern names the frame that makes only one reading possible; outside it
// nothing is reported.
#include <array>
#include <string>
#include <unordered_map>

#include "domain/engine/rules/en_context.hpp"

namespace galley::engine_detail {

namespace {

using namespace en_context;

// Token indices of the `n` words from token i on, each separated from the previous by one
// space token; empty when the text does not go on that way.
template <std::size_t N>
bool words_from(const rule_context& cx, int i, std::array<int, N>& out) {
    if (!word_at(cx, i)) return false;
    out[0] = i;
    for (std::size_t k = 1; k < N; ++k) {
        if (!next_word(cx, out[k - 1])) return false;
        out[k] = out[k - 1] + 2;
    }
    return true;
}

// "has bee injured", "can be see driving": after have, the participle "been"; after be, "seen".
void participle(rule_context& cx, int i) {
    static const set have = {"has", "have", "had", "i've", "we've", "you've", "they've", "having"};
    static const set be = {"be", "been", "being"};
    static const set adverbs = {"not", "never", "already", "just", "always", "also", "recently"};
    const token& t = cx.p.tokens[i];
    if (!t.is("bee") && !t.is("see")) return;
    const token* prev = prev_word(cx, i);
    if (prev && adverbs.count(prev->lower)) prev = prev_word(cx, i - 2);
    if (!prev) return;
    std::string p = apostrophes(prev->lower);
    if (t.is("bee") && have.count(p) && next_word(cx, i)) {
        cx.emit_tokens("EN_PARTICIPLE", i, i, cased(t, "been"), 0.85, "",
                       "After 'have' the participle is 'been'.");
    } else if (t.is("see") && be.count(p)) {
        cx.emit_tokens("EN_PARTICIPLE", i, i, cased(t, "seen"), 0.8, "",
                       "After 'be' the participle is 'seen'.");
    }
}

// "the best cake in the word", "the word's largest cat", "Word War II": "world".
void world(rule_context& cx, int i) {
    static const set superlative_heads = {"best", "worst", "most", "least", "greatest", "largest",
                                          "biggest", "smallest", "oldest", "tallest", "richest",
                                          "fastest", "highest", "longest", "first", "only"};
    const token& t = cx.p.tokens[i];
    if (t.lower == "word's" || t.lower == "word\xE2\x80\x99s") {
        const token* prev = prev_word(cx, i);
        if (prev && prev->is("the") && in(next_word(cx, i), superlative_heads))
            cx.emit_tokens("EN_WORLD_WORD", i, i, cased(t, apostrophes(t.lower) == "word's" ? "world's" : "world\xE2\x80\x99s"),
                           0.8, "", "'world' (the Earth), not 'word'.");
        return;
    }
    if (!t.is("word")) return;
    const token* next = next_word(cx, i);
    if (t.text == "Word" && next && next->text == "War" && !sentence_start(t)) {
        cx.emit_tokens("EN_WORLD_WORD", i, i, "World", 0.85, "", "'World War', not 'Word War'.");
        return;
    }
    // "... in the (entire|whole) word." after a superlative in the same sentence.
    const token* prev = prev_word(cx, i);
    int the = i - 2;
    if (prev && (prev->is("entire") || prev->is("whole"))) {
        prev = prev_word(cx, i - 2);
        the = i - 4;
    }
    if (!prev || !prev->is("the") || !in(prev_word(cx, the), {"in", "around", "across"}) ||
        !clause_ends_after(cx, i))
        return;
    bool superlative = false;
    for (int k = the - 2; k >= 0 && cx.p.tokens[k].kind != token_kind::punct; --k)
        if (const token* w = word_at(cx, k); w && superlative_heads.count(w->lower)) superlative = true;
    if (!superlative) return;
    cx.emit_tokens("EN_WORLD_WORD", i, i, "world", 0.8, "", "'world' (the Earth), not 'word'.");
}

// Fixed expressions with one word mistaken: "as oppose to", "tow the line", "true to her
// words", "the bad new is", "All though", "miss understand", "theses days", "an on going".
void fixed_phrases(rule_context& cx, int i) {
    const token& t = cx.p.tokens[i];
    auto say = [&](int first, int last, std::string repl, std::string msg, double confidence = 0.85) {
        cx.emit_tokens("EN_FIXED_PHRASES", first, last, std::move(repl), confidence, "", msg);
    };
    std::array<int, 3> w3{};
    std::array<int, 2> w2{};
    if (t.is("oppose") && words_from(cx, i, w2) && cx.p.tokens[w2[1]].is("to") && in(prev_word(cx, i), {"as"})) {
        say(i, i, "opposed", "'as opposed to'.");
    } else if (t.is("follow") && in(prev_word(cx, i), {"as"}) && clause_ends_after(cx, i) &&
               !in(prev_word(cx, i - 2), {"such", "so", "same"})) {
        say(i, i, "follows", "'as follows'.");
    } else if (t.is("all") && t.shape == word_shape::capitalized && sentence_start(t) && words_from(cx, i, w2) &&
               cx.p.tokens[w2[1]].is("though")) {
        say(i, w2[1], "Although", "'Although' is one word.");
    } else if ((t.is("tow") || t.is("tows") || t.is("towed") || t.is("towing")) && words_from(cx, i, w3) &&
               cx.p.tokens[w3[1]].is("the") && cx.p.tokens[w3[2]].is("line") &&
               !in(prev_word(cx, i), {"was", "were", "is", "are", "be", "been", "being", "got"})) {
        // "the boat was towed the line broke": a passive is not the idiom.
        static const std::unordered_map<std::string_view, std::string_view> toe = {
            {"tow", "toe"}, {"tows", "toes"}, {"towed", "toed"}, {"towing", "toeing"}};
        say(i, i, cased(t, toe.at(t.lower)), "The idiom is 'toe the line'.");
    } else if ((t.is("wrack") || t.is("wracked") || t.is("wracking") || t.is("wracks")) && words_from(cx, i, w3) &&
               in(word_at(cx, w3[1]), {"his", "her", "my", "your", "their", "our", "one's"}) &&
               (cx.p.tokens[w3[2]].is("brain") || cx.p.tokens[w3[2]].is("brains"))) {
        say(i, i, cased(t, t.lower.substr(1)), "The idiom is 'rack one's brain'.");
    } else if (t.is("words") && prev_word(cx, i) && in(prev_word(cx, i), {"his", "her", "my", "your", "their", "our"}) &&
               in(prev_word(cx, i - 2), {"to"}) && in(prev_word(cx, i - 4), {"true"})) {
        say(i, i, "word", "The idiom is 'true to one's word'.");
    } else if (t.is("new") && in(prev_word(cx, i), {"good", "bad", "great", "sad", "the"}) &&
               in(next_word(cx, i), {"is", "was"}) && in(prev_word(cx, i - 2), {"the", "some", "no"})) {
        say(i, i, "news", "'news' (information) is the noun.");
    } else if (t.is("miss") && t.shape == word_shape::lower && words_from(cx, i, w2)) {
        static const set joined = {"understand", "understood", "understanding", "used", "spelled",
                                   "spelt", "interpreted", "interpret", "quoted", "informed",
                                   "managed", "spelling", "pronounced", "judged"};
        const token& n = cx.p.tokens[w2[1]];
        if (joined.count(n.lower)) say(i, w2[1], "mis" + n.lower, "'mis" + n.lower + "' is one word.");
    } else if (t.is("theses") && in(next_word(cx, i), {"days"})) {
        say(i, i, cased(t, "these"), "'these days'.");
    } else if (t.is("on") && words_from(cx, i, w2) && cx.p.tokens[w2[1]].is("going") &&
               (in(prev_word(cx, i), {"an", "the", "usual", "any", "our", "their", "its", "his", "her"}) ||
                (in(prev_word(cx, i), {"is", "are", "was", "were"}) && clause_ends_after(cx, w2[1])))) {
        // "an on going investigation", "the work is on going." ("keep on going" is two words)
        say(i, w2[1], cased(t, "ongoing"), "'ongoing' is one word.");
    } else if ((t.is("any") || t.is("some") || t.is("no") || t.is("every")) && words_from(cx, i, w2) &&
               (cx.p.tokens[w2[1]].is("body") || cx.p.tokens[w2[1]].is("one") || cx.p.tokens[w2[1]].is("thing"))) {
        // "any body else", "some one needs help", "no body seems to care": the pronoun is one word;
        // "any one of them", "no one", "some body of water" stay apart.
        static const set pronoun_next = {"else", "who", "know", "knows", "here", "there", "has", "have", "had",
                                         "can", "could", "will", "would", "seen", "tell", "need", "needs", "seems",
                                         "seem", "occasionally", "point", "help", "cares", "care", "wants",
                                         "wrong", "is", "was"};
        const token& second = cx.p.tokens[w2[1]];
        if (t.is("no") && second.is("one")) return;  // "no one" is right
        if (second.is("thing") && !t.is("no") && !t.is("some")) return;
        const token* after = next_word(cx, w2[1]);
        bool question = second.is("one") && (t.is("any")) && in(prev_word(cx, i), {"does", "can", "did", "will"});
        if (!in(after, pronoun_next) && !question) return;
        if (second.is("one") && in(after, {"is", "was", "has", "had", "of"})) return;  // "any one is enough"
        say(i, w2[1], cased(t, t.lower + second.lower), "'" + t.lower + second.lower + "' is one word.");
    }
}

// "How is your new teacher like?": "What ... like?" asks for a description.
void what_like(rule_context& cx, int i) {
    const token& t = cx.p.tokens[i];
    if (!sentence_start(t) || !t.lower.starts_with("how")) return;
    std::string scratch;
    if (!t.is("how") && plain(t, scratch) != "how's") return;
    static const set be = {"is", "was", "are", "were"};
    bool contracted = !t.is("how");
    if (!contracted && !in(next_word(cx, i), be)) return;
    // The question asks "... like?" or "... like to <verb> ...?".
    bool like = false;
    for (int k = i + 1; k < static_cast<int>(cx.p.tokens.size()); ++k) {
        const token& x = cx.p.tokens[k];
        if (x.is("like")) {
            int n = cx.p.next_solid(k);
            like = like || (n >= 0 && (cx.p.tokens[n].is_punct(U'?', cx.p.text) || cx.p.tokens[n].is("to")));
        }
        if (x.kind != token_kind::punct) continue;
        if (cx.p.text[x.begin] != U'?') return;
        break;
    }
    if (!like) return;
    std::string repl = cased(t, "what") + (contracted ? t.text.substr(3) : std::string());
    cx.emit_tokens("EN_WHAT_LIKE", i, i, repl, 0.8, "", "'What ... like?' asks what something is like.");
}

// "did'nt", "I'l", "we'r", "lot's of": the apostrophe in the wrong place or half a contraction.
void apostrophe_placement(rule_context& cx, int i) {
    static const std::unordered_map<std::string_view, std::string_view> fixes = {
        {"did'nt", "didn't"},     {"does'nt", "doesn't"},   {"do'nt", "don't"},     {"is'nt", "isn't"},
        {"was'nt", "wasn't"},     {"were'nt", "weren't"},   {"are'nt", "aren't"},   {"has'nt", "hasn't"},
        {"have'nt", "haven't"},   {"had'nt", "hadn't"},     {"could'nt", "couldn't"}, {"would'nt", "wouldn't"},
        {"should'nt", "shouldn't"}, {"must'nt", "mustn't"}, {"ca'nt", "can't"},     {"wo'nt", "won't"},
        {"i'l", "I'll"},          {"we'r", "we're"},        {"you'r", "you're"},    {"they'r", "they're"},
        {"we'v", "we've"},        {"you'v", "you've"},      {"they'v", "they've"},  {"i'v", "I've"},
        {"wan't", "want"},        {"your's", "yours"},      {"yours'", "yours"},    {"her's", "hers"},
        {"their's", "theirs"},    {"our's", "ours"}};
    const token& t = cx.p.tokens[i];
    if (t.lower.find('\'') == std::string::npos && t.lower.find('\xE2') == std::string::npos) return;
    std::string w = apostrophes(t.lower);
    if (w == "lot's" && in(next_word(cx, i), {"of"})) {
        cx.emit_tokens("EN_APOSTROPHE_PLACEMENT", i, i, cased(t, "lots"), 0.85, "", "The plural 'lots' has no apostrophe.");
        return;
    }
    auto it = fixes.find(w);
    if (it == fixes.end()) return;
    if (w == "wan't" && !in(prev_word(cx, i), {"i", "we", "you", "they", "don't", "didn't"})) return;
    std::string repl(it->second);
    if (repl[0] != 'I') repl = cased(t, repl);
    cx.emit_tokens("EN_APOSTROPHE_PLACEMENT", i, i, repl, 0.85, "", "The contraction is '" + repl + "'.");
}

// "brother-in-laws": the plural goes on the head noun.
void in_laws(rule_context& cx, int i) {
    static const set heads = {"brother", "sister", "mother", "father", "son", "daughter",
                              "brothers", "sisters", "mothers", "fathers", "sons", "daughters"};
    const token& t = cx.p.tokens[i];
    if (!t.lower.ends_with("-in-laws")) return;
    std::string head = t.lower.substr(0, t.lower.size() - 8);
    if (!heads.count(head)) return;
    if (!head.ends_with("s")) head += "s";
    cx.emit_tokens("EN_FIXED_PHRASES", i, i, cased(t, head + "-in-law"), 0.85, "",
                   "The plural is '" + head + "-in-law'.");
}

// "Tim and me work together", "My mother and him went": a subject takes I/he/she;
// "He gave it to Tim and I": an object after a preposition takes me.
void pronoun_case(rule_context& cx, int i) {
    static const set verbs = {"work", "worked", "went", "go", "would", "will", "are", "were", "have", "had",
                              "don't", "do", "did", "didn't", "might", "can", "could", "should", "won't",
                              "wouldn't", "can't", "often", "always", "never", "both", "agree", "live",
                              "lived", "like", "love", "met", "played", "used", "cheated", "talked", "walked"};
    static const set subject_form = {"me", "him", "her"};
    static const set prepositions = {"to", "for", "with", "between", "from", "about", "like", "by"};
    const token& t = cx.p.tokens[i];
    const token* prev = prev_word(cx, i);
    if (!prev || !prev->is("and")) return;
    // Words from the sentence start to "and": at most three ("Tim", "My mother").
    auto sentence_head = [&](int and_index) {
        int words = 0;
        for (int k = and_index - 1; k >= 0; --k) {
            const token& x = cx.p.tokens[k];
            if (x.kind == token_kind::space) continue;
            if (x.kind != token_kind::word || ++words > 3) return false;
            if (sentence_start(x)) return true;
        }
        return false;
    };
    if (subject_form.count(t.lower) && t.shape == word_shape::lower) {
        const token* next = next_word(cx, i);
        if (!next || !verbs.count(apostrophes(next->lower)) || !sentence_head(i - 2)) return;
        static const std::unordered_map<std::string_view, std::string_view> subject = {
            {"me", "I"}, {"him", "he"}, {"her", "she"}};
        cx.emit_tokens("EN_PRONOUN_CASE", i, i, std::string(subject.at(t.lower)), 0.8, "",
                       "The subject of a verb takes the subject pronoun.");
    } else if (t.text == "I" && clause_ends_after(cx, i)) {
        for (int k = i - 4, words = 0; k >= 0 && words < 3; --k) {
            const token& x = cx.p.tokens[k];
            if (x.kind == token_kind::space) continue;
            if (x.kind != token_kind::word) return;
            ++words;
            if (prepositions.count(x.lower)) {
                cx.emit_tokens("EN_PRONOUN_CASE", i, i, "me", 0.8, "",
                               "After a preposition the pronoun is 'me'.");
                return;
            }
        }
    }
}

// "If it's running, your should deactivate it": a modal verb needs the subject "you".
void your_modal(rule_context& cx, int i) {
    static const set modals = {"should", "can", "could", "would", "must", "might", "shall", "cannot",
                               "can't", "couldn't", "shouldn't", "wouldn't", "won't", "mustn't", "needn't"};
    const token& t = cx.p.tokens[i];
    if (!t.is("your")) return;
    const token* next = next_word(cx, i);
    if (!next || !modals.count(apostrophes(next->lower))) return;
    cx.emit_tokens("EN_YOUR_YOU", i, i, cased(t, "you"), 0.85, "", "The subject is 'you', not 'your'.");
}

}  // namespace

void check_phrases_en(rule_context& cx) {
    const auto& toks = cx.p.tokens;
    for (int i = 0; i < static_cast<int>(toks.size()); ++i) {
        if (toks[i].kind != token_kind::word) continue;
        participle(cx, i);
        world(cx, i);
        fixed_phrases(cx, i);
        what_like(cx, i);
        apostrophe_placement(cx, i);
        your_modal(cx, i);
        in_laws(cx, i);
        pronoun_case(cx, i);
    }
}

}  // namespace galley::engine_detail
