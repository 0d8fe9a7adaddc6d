// English phrases heard right and written wrong ("for all intensive purposes", "a peace of
// cake", "in principal"): each entry is the whole wrong phrase and its correction, so a word is
// only changed inside the phrase that proves the mistake. Plus noun/verb pairs in frames that
// demand the noun ("give advise", "take a breathe", "many complains", "won the price").
#include <string>
#include <unordered_map>
#include <vector>

#include "domain/engine/rules/en_context.hpp"

namespace galley::engine_detail {

namespace {

using namespace en_context;

struct phrase_fix {
    std::vector<std::string_view> wrong;  // lower-case words, in order
    std::string_view right;               // the corrected phrase
    std::string_view message;
    std::string_view not_before = {};     // a next word that makes the phrase literal
};

const std::vector<phrase_fix>& phrases() {
    static const std::vector<phrase_fix> table = {
        {{"for", "all", "intensive", "purposes"}, "for all intents and purposes", "The idiom is 'for all intents and purposes'."},
        {{"slight", "of", "hand"}, "sleight of hand", "The idiom is 'sleight of hand'."},
        {{"alter", "boy"}, "altar boy", "An 'altar' is in a church."},
        {{"alter", "boys"}, "altar boys", "An 'altar' is in a church."},
        {{"just", "desserts"}, "just deserts", "The idiom is 'just deserts' (what one deserves)."},
        {{"set", "a", "precedence"}, "set a precedent", "The idiom is 'set a precedent'."},
        {{"zero-sum", "gain"}, "zero-sum game", "The expression is 'zero-sum game'."},
        {{"blessing", "in", "the", "skies"}, "blessing in disguise", "The idiom is 'a blessing in disguise'."},
        {{"bold-faced", "lie"}, "bald-faced lie", "The idiom is 'bald-faced lie'."},
        {{"peace", "of", "cake"}, "piece of cake", "The idiom is 'a piece of cake'."},
        {{"marry", "christmas"}, "merry Christmas", "'Merry Christmas'."},
        {{"that", "being", "sad"}, "that being said", "'That being said'."},
        {{"should", "knot"}, "should not", "'not', the negation."},
        {{"could", "knot"}, "could not", "'not', the negation."},
        {{"would", "knot"}, "would not", "'not', the negation."},
        {{"do", "knot"}, "do not", "'not', the negation."},
        {{"does", "knot"}, "does not", "'not', the negation."},
        {{"did", "knot"}, "did not", "'not', the negation."},
        {{"for", "all", "intense", "purposes"}, "for all intents and purposes", "The idiom is 'for all intents and purposes'."},
        {{"route", "of", "the", "problems"}, "root of the problems", "The 'root' of a problem is its cause."},
        {{"routes", "of", "the", "problem"}, "roots of the problem", "The 'root' of a problem is its cause."},
        {{"school", "principle"}, "school principal", "The head of a school is the 'principal'."},
        {{"consolation", "price"}, "consolation prize", "A 'prize' is what one wins."},
        {{"nobel", "price"}, "Nobel Prize", "A 'prize' is what one wins."},
        {{"at", "the", "hard", "of"}, "at the heart of", "'at the heart of'."},
        {{"route", "of", "the", "problem"}, "root of the problem", "The 'root' of a problem is its cause."},
        {{"a", "mute", "point"}, "a moot point", "The idiom is 'a moot point'."},
        {{"case", "and", "point"}, "case in point", "The idiom is 'case in point'."},
        {{"on", "tender", "hooks"}, "on tenterhooks", "The idiom is 'on tenterhooks'."},
        {{"deep", "seeded"}, "deep-seated", "The expression is 'deep-seated'."},
        {{"hunger", "pains"}, "hunger pangs", "The expression is 'hunger pangs'."},
        {{"nip", "it", "in", "the", "butt"}, "nip it in the bud", "The idiom is 'nip it in the bud'."},
        {{"by", "in", "large"}, "by and large", "The idiom is 'by and large'."},
        {{"one", "in", "the", "same"}, "one and the same", "The idiom is 'one and the same'."},
        {{"taking", "for", "granite"}, "taking for granted", "The idiom is 'take for granted'."},
        {{"take", "for", "granite"}, "take for granted", "The idiom is 'take for granted'."},
        {{"taken", "for", "granite"}, "taken for granted", "The idiom is 'take for granted'."},
        {{"make", "due"}, "make do", "The idiom is 'make do'."},
        {{"free", "reign"}, "free rein", "The idiom is 'free rein'."},
        {{"take", "the", "reigns"}, "take the reins", "The idiom is 'take the reins'.", "of"},
        {{"took", "the", "reigns"}, "took the reins", "The idiom is 'take the reins'.", "of"},
        {{"baited", "breath"}, "bated breath", "The idiom is 'bated breath'."},
        {{"wet", "your", "appetite"}, "whet your appetite", "The idiom is 'whet your appetite'."},
    };
    return table;
}

// Word k (from 0) of `phrase`, lower-cased; empty past the end.
std::string right_word(std::string_view phrase, std::size_t k) {
    std::size_t start = 0;
    for (std::size_t n = 0; n < k; ++n) {
        start = phrase.find(' ', start);
        if (start == std::string_view::npos) return {};
        ++start;
    }
    return to_lower(phrase.substr(start, phrase.find(' ', start) - start));
}

// The words of `right` with the first letter capitalised when the matched phrase starts with a
// capital ("Peace of cake" → "Piece of cake").
std::string like_first(const token& first, std::string_view right) {
    return first.shape == word_shape::lower ? std::string(right) : capitalize(right);
}

void phrase_table(rule_context& cx, int i) {
    static const auto by_first = [] {
        std::unordered_map<std::string_view, std::vector<const phrase_fix*>> m;
        for (const auto& p : phrases()) m[p.wrong.front()].push_back(&p);
        return m;
    }();
    const token& t = cx.p.tokens[i];
    auto it = by_first.find(t.lower);
    if (it == by_first.end()) return;
    for (const phrase_fix* p : it->second) {
        int last = i;
        bool match = true;
        for (std::size_t k = 1; k < p->wrong.size() && match; ++k) {
            const token* w = next_word(cx, last);
            match = w && w->lower == p->wrong[k];
            last += 2;
        }
        if (!match) continue;
        if (!p->not_before.empty() && in(next_word(cx, last), {p->not_before})) continue;
        // A capital inside the phrase (or on it mid-sentence) makes it a name: "Free Reign
        // Entertainment". "Merry Christmas" keeps its capital: only changed words count.
        bool name = t.shape != word_shape::lower && !sentence_start(t);
        std::size_t k = 1;
        for (int w = i + 2; w <= last && !name; w += 2, ++k)
            name = cx.p.tokens[w].shape != word_shape::lower && right_word(p->right, k) != cx.p.tokens[w].lower;
        if (name) continue;
        cx.emit_tokens("EN_EGGCORNS", i, last, like_first(t, p->right), 0.85, "", std::string(p->message));
        return;
    }
}

// "give advise", "take a breathe", "many complains", "won the price", "quiet a few",
// "walked passed the school", "everyday." at a clause end, "in principal," as a phrase.
void noun_frames(rule_context& cx, int i) {
    const token& t = cx.p.tokens[i];
    const token* prev = prev_word(cx, i);
    const token* next = next_word(cx, i);
    auto say = [&](std::string repl, std::string msg) {
        cx.emit_tokens("EN_NOUN_VERB_PAIRS", i, i, cased(t, repl), 0.8, "", std::move(msg));
    };
    static const set subjects = {"i", "we", "you", "they", "must", "should", "would", "could", "can", "to", "strongly"};
    static const set objects = {"you", "him", "her", "them", "us", "me", "everyone", "against"};
    if ((t.is("advice") || t.is("advices")) && in(prev, subjects) && in(next, objects)) {
        say(t.is("advice") ? "advise" : "advises", "The verb is 'advise'; 'advice' is the noun.");
    } else if (t.is("breath") && in(prev, {"can", "could", "cannot", "can't", "couldn't", "not", "to"}) &&
               clause_ends_after(cx, i)) {
        say("breathe", "The verb is 'breathe'; 'breath' is the noun.");
    } else if (t.is("complain") && in(prev, {"biggest", "main", "common", "only", "major", "first", "a",
                                                "our", "my", "your", "his", "their", "usual"}) &&
               (clause_ends_after(cx, i) || in(next, {"among", "about", "from", "is", "was"}))) {
        say("complaint", "The noun is 'complaint'.");
    } else if (t.is("quite") && in(prev, {"be", "keep", "stay", "remain", "kept", "stayed"}) && clause_ends_after(cx, i)) {
        say("quiet", "'quiet' (silent), not 'quite'.");
    } else if (t.is("alter") && in(prev, {"the"}) &&
               in(prev_word(cx, i - 2), {"at", "around", "to", "before", "on", "near", "from"}) && clause_ends_after(cx, i)) {
        say("altar", "An 'altar' is in a church; 'alter' is the verb.");
    } else if (t.is("principle") && in(next, {"investigator", "activity", "source", "reason", "cause", "dancer",
                                                 "author", "owner", "amount", "shareholder", "architect"})) {
        say("principal", "'principal' (main); a 'principle' is a rule.");
    } else if (t.is("everyday") && t.shape != word_shape::lower && sentence_start(t) &&
               (in(next, {"he", "she", "i", "we", "they", "you", "it"}) ||
                (cx.p.next_solid(i) == i + 1 && cx.p.tokens[i + 1].is_punct(U',', cx.p.text)))) {
        cx.emit_tokens("EN_NOUN_VERB_PAIRS", i, i, "Every day", 0.8, "",
                       "'every day' (each day) is two words; 'everyday' is the adjective.");
    } else if (t.is("passed") && in(prev, {"the"}) && in(prev_word(cx, i - 2), {"in"}) && clause_ends_after(cx, i)) {
        say("past", "'in the past'.");
    } else if (t.is("advise") && in(prev, {"give", "gave", "giving", "gives", "some", "any", "good", "bad", "great",
                                              "my", "your", "his", "their", "our",
                                       "useful", "legal", "medical", "expert", "professional", "financial",
                                       "for", "of", "the", "this", "that", "no", "much"})) {
        say("advice", "The noun is 'advice'; 'advise' is the verb.");
    } else if (t.is("breathe") && in(prev, {"a", "deep", "fresh", "my", "his", "your", "their", "our",
                                               "of", "bad", "every", "last"})) {
        say("breath", "The noun is 'breath'; 'breathe' is the verb.");
    } else if (t.is("complains") && in(prev, {"many", "several", "no", "any", "the", "some", "customer",
                                                 "of", "these", "those", "numerous", "few"})) {
        say("complaints", "The noun is 'complaints'.");
    } else if ((t.is("price") || t.is("prices")) &&
               (in(prev, {"won", "win", "wins", "winning", "award", "awarded"}) ||
                (in(prev, {"the", "a", "first", "second", "third", "nobel", "top", "grand", "big", "main"}) &&
                 (in(prev_word(cx, i - 2), {"won", "win", "wins", "winning", "awarded", "nobel"}) ||
                  (in(prev_word(cx, i - 2), {"the", "a"}) &&
                   in(prev_word(cx, i - 4), {"won", "win", "wins", "winning", "awarded"})))))) {
        say(t.is("price") ? "prize" : "prizes", "A 'prize' is what one wins.");
    } else if (t.is("quiet") && next &&
               ((next->is("a") && in(next_word(cx, i + 2), {"few", "number"})) ||
                (next->is("a") && in(next_word(cx, i + 2), {"lot", "bit", "while"}) &&
                 !in(prev, {"are", "is", "was", "were", "be", "been", "being", "stay", "stayed", "keep", "kept",
                               "remain", "remained", "very", "so"})) ||
                (in(prev, {"not"}) && in(next, {"sure", "right", "ready", "finished", "as", "enough", "clear"})))) {
        say("quite", "'quite' (rather, completely), not 'quiet'.");
    } else if (t.is("passed") && in(prev, {"walked", "ran", "drove", "went", "rode", "flew", "hurried",
                                              "rushed", "raced", "strolled", "sped", "marched"}) &&
               in(next, {"the", "a", "an", "my", "his", "her", "their", "our", "me", "him", "us", "them", "it"})) {
        say("past", "'past' (beyond); 'passed' is the verb.");
    } else if (t.is("everyday") && prev && cx.p.next_solid(i) >= 0 &&
               cx.p.tokens[cx.p.next_solid(i)].kind == token_kind::punct &&
               (cx.p.tokens[cx.p.next_solid(i)].is_punct(U'.', cx.p.text) ||
                cx.p.tokens[cx.p.next_solid(i)].is_punct(U'!', cx.p.text) ||
                cx.p.tokens[cx.p.next_solid(i)].is_punct(U',', cx.p.text))) {
        cx.emit_tokens("EN_NOUN_VERB_PAIRS", i, i, "every day", 0.8, "",
                       "'every day' (each day) is two words; 'everyday' is the adjective.");
    } else if (t.is("principal") && in(prev, {"in"}) &&
               (!next || in(next, {"i", "we", "you", "it", "this", "that", "there", "they", "he", "she", "yes",
                                      "agree", "agreed", "is", "are", "was", "were"}))) {
        int n = cx.p.next_solid(i);
        if (next || n < 0 || cx.p.tokens[n].kind == token_kind::punct)
            say("principle", "The phrase is 'in principle'.");
    }
}

}  // namespace

void check_eggcorns_en(rule_context& cx) {
    const auto& toks = cx.p.tokens;
    for (int i = 0; i < static_cast<int>(toks.size()); ++i) {
        if (toks[i].kind != token_kind::word) continue;
        phrase_table(cx, i);
        noun_frames(cx, i);
    }
}

}  // namespace galley::engine_detail
