// Gender and number agreement inside a Spanish noun phrase: a determiner that no reading of the
// noun after it agrees with ("la problema", "los casa") takes the noun's form; an adjective right
// after a noun that agrees with no reading of it ("la casa blanco") is regenerated in the noun's
// gender and number. Every reading counts, so an ambiguous word is never "wrong"; nouns that take
// "el" for a stressed a ("el agua") and words the analyser only guesses are left alone.
#include <array>

#include "domain/engine/analysis/analyser.hpp"
#include "domain/engine/rules/es_context.hpp"
#include "domain/engine/rules/rules.hpp"

namespace galley::engine_detail {

namespace {

using namespace es_context;

// Determiner families by gender and number: m sg, f sg, m pl, f pl.
using family = std::array<std::string_view, 4>;
const std::vector<family>& families() {
    static const std::vector<family> all = {
        {"el", "la", "los", "las"},           {"un", "una", "unos", "unas"},
        {"este", "esta", "estos", "estas"},   {"ese", "esa", "esos", "esas"},
        {"aquel", "aquella", "aquellos", "aquellas"},
        {"nuestro", "nuestra", "nuestros", "nuestras"},
        {"vuestro", "vuestra", "vuestros", "vuestras"}, {"otro", "otra", "otros", "otras"},
        {"mucho", "mucha", "muchos", "muchas"}, {"poco", "poca", "pocos", "pocas"},
        {"alguno", "alguna", "algunos", "algunas"}, {"ninguno", "ninguna", "ningunos", "ningunas"},
        {"cierto", "cierta", "ciertos", "ciertas"}};
    return all;
}

bool fits(const std::string& a, const std::string& b, std::string_view both) {
    return a.empty() || b.empty() || a == b || a == both || b == both;
}

bool agree(const reading& x, const reading& y) {
    return fits(x.gender, y.gender, "mf") && fits(x.number, y.number, "sp");
}

// The single-word readings of token k with part of speech `pos`; empty for guessed words.
std::vector<const reading*> readings(const rule_context& cx, int k, std::string_view pos) {
    std::vector<const reading*> out;
    if (k >= static_cast<int>(cx.analysis.size()) || !cx.analysis[k].known()) return out;
    for (const auto& r : *cx.analysis[k].readings)
        if (r.parts.size() == 1 && r.parts.front().pos == pos) out.push_back(&r.parts.front());
    return out;
}

bool any_agree(const std::vector<const reading*>& a, const std::vector<const reading*>& b) {
    for (const reading* x : a)
        for (const reading* y : b)
            if (agree(*x, *y)) return true;
    return false;
}

// One gender and one number for the noun: all its noun readings say the same, and neither is
// "either" (mf, sp).
bool settled(const std::vector<const reading*>& nouns, std::string& gender, std::string& number) {
    gender = nouns.front()->gender;
    number = nouns.front()->number;
    for (const reading* n : nouns)
        if (n->gender != gender || n->number != number) return false;
    return (gender == "m" || gender == "f") && (number == "sg" || number == "pl");
}

bool stressed_a(const std::string& noun) {
    return noun.starts_with("a") || noun.starts_with("á") || noun.starts_with("ha") ||
           noun.starts_with("há");
}

void determiner_noun(rule_context& cx, int d, int n) {
    const token& det = cx.p.tokens[d];
    const family* fam = nullptr;
    for (const auto& f : families())
        for (std::string_view form : f)
            if (det.lower == form) fam = &f;
    if (!fam || (det.shape != word_shape::lower && det.shape != word_shape::capitalized)) return;
    const token& noun = cx.p.tokens[n];
    if (noun.shape != word_shape::lower || stressed_a(noun.lower)) return;
    const reading* chosen = cx.best(n);
    if (!chosen || chosen->pos != "n") return;
    const auto nouns = readings(cx, n, "n");
    const auto dets = readings(cx, d, "det");
    if (nouns.empty() || dets.empty() || any_agree(dets, nouns)) return;
    if (!readings(cx, n, "adj").empty()) return;  // "el verde": an adjective used as a noun
    // "la tomo", "los piso": a clitic before a verb, whatever the tagger thinks.
    // "lo que poco cuesta": "poco", "mucho" are adverbs before a verb.
    const bool clitic = det.lower == "la" || det.lower == "los" || det.lower == "las" ||
                        det.lower == "poco" || det.lower == "mucho";
    for (const auto& r : *cx.analysis[n].readings)
        if (r.parts.front().pos == "num" || (clitic && r.parts.front().verb())) return;
    std::string gender, number;
    if (!settled(nouns, gender, number)) return;
    // Only the gender differs, and the noun's ending does not show one ("los pilares", "la
    // color"): the dictionary's gender for such nouns is less sure than the writer's, and old
    // usage differs.
    bool same_number = false;
    for (const reading* r : dets) same_number |= fits(r->number, number, "sp");
    const bool shows_gender = noun.lower.ends_with("a") || noun.lower.ends_with("as") ||
                              noun.lower.ends_with("o") || noun.lower.ends_with("os");
    if (same_number && !shows_gender) return;
    const std::string_view form = (*fam)[(gender == "f" ? 1 : 0) + (number == "pl" ? 2 : 0)];
    const std::string repl = cased(det, std::string(form));
    cx.emit_tokens("ES_AGREEMENT_DETERMINER", d, d, repl, 0.55,
                   "El determinante concuerda con el nombre «" + noun.text + "»: «" + repl + "».",
                   "The determiner agrees with the noun '" + noun.text + "': '" + repl + "'.");
}

void noun_adjective(rule_context& cx, int n, int a) {
    const token& adj = cx.p.tokens[a];
    if (adj.shape != word_shape::lower || !cx.morphology) return;
    const reading* chosen_noun = cx.best(n);
    const reading* chosen_adj = cx.best(a);
    if (!chosen_noun || chosen_noun->pos != "n" || !chosen_adj || chosen_adj->pos != "adj") return;
    const auto nouns = readings(cx, n, "n");
    const auto adjectives = readings(cx, a, "adj");
    if (nouns.empty() || adjectives.empty() || any_agree(nouns, adjectives)) return;
    // An adjective or noun only ("blanco"): a word that is also a verb may start a clause.
    for (const auto& r : *cx.analysis[a].readings)
        if (r.parts.size() != 1 || (r.parts.front().pos != "adj" && r.parts.front().pos != "n"))
            return;
    // Only inside "determiner noun adjective", the determiner agreeing with the noun, and the
    // adjective of the noun's number: elsewhere an adjective is as often predicative ("estaba
    // muchas horas sola") or belongs to another noun ("a mal tiempo buena cara").
    if (n < 2 || cx.p.tokens[n - 1].kind != token_kind::space) return;
    const auto dets = readings(cx, n - 2, "det");
    if (dets.empty() || !any_agree(dets, nouns)) return;
    std::string gender, number;
    if (!settled(nouns, gender, number)) return;
    for (const reading* r : adjectives)
        if (!fits(r->number, number, "sp")) return;
    // Not before a noun, which it would modify instead.
    if (a + 2 < static_cast<int>(cx.p.tokens.size()) && cx.p.tokens[a + 1].kind == token_kind::space &&
        !readings(cx, a + 2, "n").empty())
        return;
    auto forms = cx.morphology->analyser().generate(adjectives.front()->lemma + "<adj><" + gender +
                                                    "><" + number + ">");
    if (forms.empty() || forms.front().empty() || forms.front() == adj.lower) return;
    const std::string repl = forms.front();
    cx.emit_tokens("ES_AGREEMENT_ADJECTIVE", a, a, repl, 0.55,
                   "El adjetivo concuerda con «" + cx.p.tokens[n].text + "»: «" + repl + "».",
                   "The adjective agrees with '" + cx.p.tokens[n].text + "': '" + repl + "'.");
}

}  // namespace

void check_agreement_es(rule_context& cx) {
    if (cx.analysis.empty()) return;
    const auto& toks = cx.p.tokens;
    for (int i = 0; i + 2 < static_cast<int>(toks.size()); ++i) {
        if (toks[i].kind != token_kind::word || toks[i + 1].kind != token_kind::space ||
            toks[i + 2].kind != token_kind::word)
            continue;
        determiner_noun(cx, i, i + 2);
        noun_adjective(cx, i, i + 2);
    }
}

}  // namespace galley::engine_detail
