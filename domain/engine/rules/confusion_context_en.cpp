// English words confused with a twin of another part of speech (their/there, then/than,
// to/too, affect/effect, lose/loose), decided by the tagger: the sentence around the word,
// tagged with each twin in its place, is far likelier with the other one ("it was not there
// wish" → "their wish"; "she had fancied to much" → "too much"). The frame rules in
// en_confusables.rules catch the plain cases; this catches what no frame lists.
#include <string_view>

#include "domain/engine/analysis/analyser.hpp"
#include "domain/engine/rules/en_context.hpp"
#include "domain/engine/rules/rules.hpp"

namespace galley::engine_detail {

namespace {

using en_context::set;

struct twin {
    std::string_view word, other;
};

constexpr twin kTwins[] = {{"there", "their"}, {"their", "there"}, {"then", "than"},
                           {"than", "then"},     {"affect", "effect"}, {"effect", "affect"},
                           {"lose", "loose"},    {"loose", "lose"}};

const token* word_after(const rule_context& cx, std::size_t i) {
    int k = cx.p.next_solid(static_cast<int>(i));
    return k >= 0 && cx.p.tokens[k].kind == token_kind::word ? &cx.p.tokens[k] : nullptr;
}

bool can_be(const rule_context& cx, const token* t, std::initializer_list<std::string_view> pos) {
    if (!t) return false;
    const auto& a = cx.analysis[static_cast<std::size_t>(t - cx.p.tokens.data())];
    for (std::string_view p : pos)
        if (a.can_be(p)) return true;
    return false;
}

// A comparative ("more", "better", "rather") among the few words before token i, in its clause.
bool comparative_before(const rule_context& cx, std::size_t i) {
    int words = 0;
    for (int k = static_cast<int>(i) - 1; k >= 0 && words < 6; --k) {
        const token& t = cx.p.tokens[k];
        if (t.kind == token_kind::punct) return false;
        if (t.kind != token_kind::word) continue;
        ++words;
        if (t.is("rather") || t.is("other") || t.is("else") || t.is("more") || t.is("less") ||
            t.is("fewer"))
            return true;
        const reading* r = cx.best(k);
        if (r && r->has("comp")) return true;
    }
    return false;
}

// Whether the frame allows the twin at all, before the tagger is asked.
bool plausible(const rule_context& cx, std::size_t i, const twin& tw) {
    const token* next = word_after(cx, i);
    if (tw.word == "there") {  // "their" needs a noun phrase after it, "from there" stays
        static const set places = {"from", "over", "here", "up", "out", "down", "in", "get", "got",
                                   "go", "went", "be", "been", "is", "was", "are", "were", "and"};
        int prev = cx.p.prev_solid(static_cast<int>(i));
        if (prev >= 0 && places.count(cx.p.tokens[prev].lower)) return false;
        return can_be(cx, next, {"n", "adj"}) && !can_be(cx, next, {"vbmod", "vbser", "vbhaver", "vaux"});
    }
    if (tw.word == "their") {  // "there" needs no noun after it, and a word the analyser knows
        if (next && !cx.analysis[static_cast<std::size_t>(next - cx.p.tokens.data())].known()) return false;
        return !can_be(cx, next, {"n", "adj", "np", "num"});
    }
    if (tw.word == "then") return comparative_before(cx, i);
    if (tw.word == "than") return !comparative_before(cx, i);
    return true;
}

}  // namespace

void check_confusion_context_en(rule_context& cx) {
    if (!cx.morphology || cx.analysis.empty()) return;
    // log-likelihood units; measured on the slips set and LanguageTool's correct sentences:
    // 2 fixes most slips without touching clean text, 0 starts changing it.
    constexpr double margin = 2.0;
    const auto& toks = cx.p.tokens;
    for (std::size_t i = 0; i < toks.size(); ++i) {
        const token& t = toks[i];
        if (t.kind != token_kind::word || t.shape == word_shape::upper) continue;
        for (const twin& tw : kTwins) {
            if (t.lower != tw.word) continue;
            if (!plausible(cx, i, tw)) break;
            const std::string other(tw.other);
            double gain = cx.morphology->fit(cx.p, i, other) - cx.morphology->fit(cx.p, i, t.lower);
            if (gain < margin) break;
            std::string repl = t.shape == word_shape::capitalized ? capitalize(other) : other;
            cx.emit_tokens("EN_CONFUSION_CONTEXT", static_cast<int>(i), static_cast<int>(i), repl,
                           0.8, "«" + repl + "» encaja aquí.", "\"" + repl + "\" fits here.");
            break;
        }
    }
}

}  // namespace galley::engine_detail
