// English real-word typos: a common word typed for another that its frame demands ("over his
// should" → shoulder, "he cold do" → could, "It is no possible" → not, "feel save" → safe,
// "fill in this from" → form, "loved there son" → their). Each frame is one the typed word
// cannot stand in; outside it nothing is reported.
#include <string>

#include "domain/engine/rules/en_context.hpp"

namespace galley::engine_detail {

namespace {

using namespace en_context;

// A common word typed for another that the frame demands: "over his should" (shoulder),
// "om Thursday" (on), "also know as" (known), "compered to" (compared).
void context_typos(rule_context& cx, int i) {
    static const set possessive = {"his", "her", "my", "your", "their", "our"};
    static const set days = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                             "january", "february", "march", "april", "june", "july", "august",
                             "september", "october", "november", "december", "weekends", "time"};
    static const set be_before_known = {"is", "are", "was", "were", "be", "been", "being", "commonly",
                                        "widely", "better", "best", "formerly", "locally", "well"};
    const token& t = cx.p.tokens[i];
    const token* prev = prev_word(cx, i);
    const token* next = next_word(cx, i);
    if (t.is("should") && in(prev, possessive) && clause_ends_after(cx, i)) {
        cx.emit_tokens("EN_CONTEXT_TYPO", i, i, "shoulder", 0.8, "", "'shoulder' (the body part), not 'should'.");
    } else if (t.is("om") && in(next, days)) {
        cx.emit_tokens("EN_CONTEXT_TYPO", i, i, cased(t, "on"), 0.85, "", "'on' before a day or date.");
    } else if (t.is("know") && in(next, {"as"}) &&
               (in(prev, be_before_known) || (prev && prev->is("also") && in(prev_word(cx, i - 2), be_before_known)))) {
        cx.emit_tokens("EN_CONTEXT_TYPO", i, i, "known", 0.85, "", "'known as' takes the participle.");
    } else if (t.is("cold") && next &&
               ((sentence_start(t) && in(next, {"you", "he", "she", "we", "they", "i", "it", "her", "his"})) ||
                (in(prev, {"he", "she", "we", "they", "i", "you", "father", "mother", "parents"}) &&
                 in(next, {"do", "be", "have", "go", "see", "hear", "not", "never", "get", "make", "take"})))) {
        cx.emit_tokens("EN_CONTEXT_TYPO", i, i, cased(t, "could"), 0.8, "", "'could', the modal verb.");
    } else if (t.is("no") && in(prev, {"is", "it's", "was", "are", "were", "isn't"}) &&
               in(next, {"possible", "hard", "easy", "necessary", "true", "fair", "clear", "difficult", "important",
                         "allowed", "available", "needed", "required", "simple", "ready", "sure"})) {
        cx.emit_tokens("EN_CONTEXT_TYPO", i, i, "not", 0.8, "", "The negation is 'not'.");
    } else if (t.is("nut") && in(prev, {"am", "i'm", "is", "are", "was", "were", "do", "does", "did", "could",
                                        "would", "should", "will", "can"})) {
        cx.emit_tokens("EN_CONTEXT_TYPO", i, i, "not", 0.8, "", "The negation is 'not'.");
    } else if (t.is("save") && in(prev, {"feel", "feels", "felt", "is", "was", "isn't", "wasn't", "it's", "very",
                                         "so", "too", "stay", "keep", "keeps", "remain", "perfectly", "completely",
                                         "quite"}) &&
               (clause_ends_after(cx, i) || in(next, {"to", "in", "here", "there", "enough", "for"}))) {
        cx.emit_tokens("EN_CONTEXT_TYPO", i, i, "safe", 0.8, "", "'safe' (out of danger), not 'save'.");
    } else if (t.is("from") && ((in(prev, {"this", "the", "a"}) && in(prev_word(cx, i - 2), {"in", "fill", "out"}) &&
                                 clause_ends_after(cx, i)) ||
                                (in(prev, {"any"}) && in(prev_word(cx, i - 2), {"in"})))) {
        cx.emit_tokens("EN_CONTEXT_TYPO", i, i, "form", 0.8, "", "'form' (a document to fill in), not 'from'.");
    } else if (t.is("form") && in(prev, {"letter", "message", "email", "e-mail", "call", "gift", "note", "postcard",
                                         "visit", "news", "greetings"}) &&
               in(next, {"my", "his", "her", "your", "our", "their", "the", "a"})) {
        cx.emit_tokens("EN_CONTEXT_TYPO", i, i, "from", 0.8, "", "'from' (the sender), not 'form'.");
    } else if (t.is("stationary") && (in(prev, {"office", "our", "the", "school"}) &&
                                      (clause_ends_after(cx, i) || in(next, {"cupboard", "shop", "store", "supplies"})))) {
        cx.emit_tokens("EN_CONTEXT_TYPO", i, i, "stationery", 0.75, "", "'stationery' (paper, pens), not 'stationary'.");
    } else if (t.is("stationery") && in(prev, {"remained", "remain", "remains", "stayed", "stay", "is", "was", "were",
                                               "are", "completely"}) && clause_ends_after(cx, i)) {
        cx.emit_tokens("EN_CONTEXT_TYPO", i, i, "stationary", 0.75, "", "'stationary' (not moving), not 'stationery'.");
    } else if (t.is("too") && i + 2 < static_cast<int>(cx.p.tokens.size()) && cx.p.tokens[i + 1].kind == token_kind::space &&
               cx.p.tokens[i + 2].kind == token_kind::number &&
               !in(prev, {"it's", "is", "was", "are", "were", "be", "seems", "seem", "looks", "feels", "so"})) {
        // "from 30 too 37" (to), but "it's too 1990's" (a degree).
        cx.emit_tokens("EN_CONTEXT_TYPO", i, i, cased(t, "to"), 0.8, "", "The preposition is 'to'.");
    } else if (t.is("there") && !in(prev, {"is", "are", "was", "were", "be", "been", "isn't", "aren't", "get", "got",
                                           "go", "went", "over", "up", "down", "out", "in", "from"}) &&
               in(next, {"son", "sons", "daughter", "daughters", "parents", "children", "kids", "house", "home", "car",
                         "friends", "family", "shoulders", "names", "mother", "father", "wife", "husband", "dog",
                         "own", "old", "best", "way", "lives", "heads", "hands", "eyes"}) &&
               in(prev, {"at", "to", "on", "of", "with", "for", "loved", "love", "loves", "about", "by", "all"})) {
        cx.emit_tokens("EN_CONTEXT_TYPO", i, i, "their", 0.8, "", "The possessive is 'their'.");
    } else if ((t.is("hell") || t.is("shell") || t.is("wed")) && next && !in(prev, {"the", "a", "to", "of", "in", "from", "what"}) &&
               (sentence_start(t) || in(prev, {"and", "but", "so", "actually", "really", "john", "tell"}) ||
                cx.p.punct_at(cx.p.prev_solid(i), U',')) &&
               (t.is("wed") ? in(next, {"gone", "love", "better", "like", "rather", "have", "been", "never"})
                            : next->is("be"))) {
        // "Hell be there" (he'll), "Shell be there" (she'll), "Wed love to" (we'd).
        std::string repl = t.is("hell") ? "he'll" : t.is("shell") ? "she'll" : "we'd";
        cx.emit_tokens("EN_CONTEXT_TYPO", i, i, cased(t, repl), 0.8, "", "The contraction '" + repl + "'.");
    } else if (t.is("your") && in(prev, {"have", "has"}) && sentence_start(*prev) &&
               in(next, {"seen", "ever", "been", "got", "heard", "read", "done", "tried", "met"})) {
        cx.emit_tokens("EN_CONTEXT_TYPO", i, i, "you", 0.85, "", "The subject is 'you'.");
    } else if (t.is("tome") && in(prev, {"some", "no", "more", "enough", "spare", "free", "any", "much", "little"})) {
        cx.emit_tokens("EN_CONTEXT_TYPO", i, i, "time", 0.8, "", "'time', not 'tome' (a large book).");
    } else if (t.text == "Th" && sentence_start(t) && next && next->shape == word_shape::lower &&
               !next->lower.ends_with("ed") &&
               !in(next, {"is", "was", "has", "had", "stands", "means", "refers", "denotes", "represents", "and", "or"})) {
        // "Th water is hot" (The); "Th is the symbol for thorium" is the element.
        cx.emit_tokens("EN_CONTEXT_TYPO", i, i, "The", 0.85, "", "'The'.");
    } else if (t.text == "fr" && prev && next && next->shape == word_shape::lower) {
        cx.emit_tokens("EN_CONTEXT_TYPO", i, i, "for", 0.8, "", "'for'.");
    } else if (t.is("of") && in(prev, {"switched", "turned", "switch", "turn", "shut", "switching", "turning", "log",
                                       "logged"}) &&
               (clause_ends_after(cx, i) ||
                (in(next, {"the", "your", "my", "it", "all", "his", "her"}) &&
                 in(next_word(cx, i + 2), {"tv", "light", "lights", "radio", "computer", "engine", "phone", "music",
                                           "television", "alarm", "heating", "oven"})))) {
        cx.emit_tokens("EN_CONTEXT_TYPO", i, i, "off", 0.8, "", "'off' (not on), not 'of'.");
    } else if (t.is("were") && in(prev, {"to", "from"}) &&
               in(next, {"you", "they", "we", "he", "she", "i", "it", "people", "the"})) {
        cx.emit_tokens("EN_CONTEXT_TYPO", i, i, "where", 0.8, "", "'where' (the place), not 'were'.");
    } else if ((t.is("look") || t.is("looks") || t.is("looked") || t.is("looking")) &&
               in(next, {"tv", "television"})) {
        std::string repl = t.is("look") ? "watch" : t.is("looks") ? "watches" : t.is("looked") ? "watched" : "watching";
        cx.emit_tokens("EN_CONTEXT_TYPO", i, i, repl, 0.8, "", "One watches TV: '" + repl + "'.");
    } else if ((t.is("compered") || t.is("comparisson")) && in(next, {"to", "with"})) {
        cx.emit_tokens("EN_CONTEXT_TYPO", i, i, t.is("compered") ? "compared" : "comparison", 0.85, "",
                       "'compared to/with'.");
    }
}

}  // namespace

void check_context_typos_en(rule_context& cx) {
    const auto& toks = cx.p.tokens;
    for (int i = 0; i < static_cast<int>(toks.size()); ++i)
        if (toks[i].kind == token_kind::word) context_typos(cx, i);
}

}  // namespace galley::engine_detail
