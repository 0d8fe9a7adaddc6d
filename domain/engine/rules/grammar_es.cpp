// Spanish grammar patterns with a high precision: impersonal haber, dequeísmo, "haya" +
// participle. ("a ver" and "hecho" are rules as data now: rules/es_grammar.rules.)
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "domain/engine/analysis/analyser.hpp"
#include "domain/engine/rules/es_context.hpp"

namespace galley::engine_detail {

namespace {

using set = std::unordered_set<std::string_view>;
using es_context::participle;

const token* next_word(const rule_context& cx, int i, int* at = nullptr) {
    int n = cx.p.next_solid(i);
    if (n < 0 || cx.p.tokens[n].kind != token_kind::word) return nullptr;
    if (at) *at = n;
    return &cx.p.tokens[n];
}

const token* prev_word(const rule_context& cx, int i) {
    int n = cx.p.prev_solid(i);
    if (n < 0 || cx.p.tokens[n].kind != token_kind::word) return nullptr;
    return &cx.p.tokens[n];
}

// Keeps the case of the first letter of `like`.
std::string cased(const token& like, std::string_view lower) {
    std::string s(lower);
    return like.shape == word_shape::lower ? s : capitalize(s);
}


// Token n starts a plural noun phrase by the analysis: a plural noun, determiner, adjective or
// a numeral, never a participle or a verb ("habían de ir", "habían llegado").
bool plural_noun_phrase_at(const rule_context& cx, int n) {
    const reading* r = cx.best(n);
    if (!r) return false;
    if (r->pos == "num") return true;
    if (r->pos != "n" && r->pos != "det" && r->pos != "adj") return false;
    if (r->tense == "pp" || !r->plural()) return false;
    return !cx.analysis[static_cast<std::size_t>(n)].can_be("vblex");
}

// A participle within the next few words of the clause makes haber an auxiliary.
bool participle_ahead(const rule_context& cx, int n) {
    if (cx.analysis.empty()) return false;
    for (int k = n, words = 0; k >= 0 && words < 5; k = cx.p.next_solid(k), ++words) {
        if (cx.p.tokens[k].kind == token_kind::punct) return false;
        const token_analysis& a = cx.analysis[static_cast<std::size_t>(k)];
        if (!a.readings) continue;
        for (const auto& r : *a.readings)
            if (r.parts.front().tense == "pp" && r.parts.front().pos == "vblex") return true;
    }
    return false;
}

// The singular of a plural form of haber, generated from its reading ("habían" → "había").
std::optional<std::string> singular_haber(rule_context& cx, int i) {
    const reading* r = cx.best(i);
    if (!r || r->lemma != "haber" || !cx.morphology) return std::nullopt;
    std::string form = "haber";
    for (const auto& tag : r->tags) form += "<" + (tag == "pl" ? std::string("sg") : tag) + ">";
    auto generated = cx.morphology->analyser().generate(form);
    if (generated.empty()) return std::nullopt;
    return generated.front();
}

void impersonal_haber(rule_context& cx, int i) {
    static const std::unordered_map<std::string_view, std::string_view> forms = {
        {"habían", "había"},   {"hubieron", "hubo"},    {"habrán", "habrá"},
        {"habrían", "habría"}, {"hubieran", "hubiera"}, {"hubiesen", "hubiese"},
        {"han", "ha"}};
    static const set quantity = {
        "muchas",    "muchos",    "varias",    "varios",    "unas",     "unos",       "algunas",
        "algunos",   "pocas",     "pocos",     "tantas",    "tantos",   "demasiadas", "demasiados",
        "bastantes", "numerosas", "numerosos", "diversas",  "diversos", "dos",        "tres",
        "cuatro",    "cinco",     "seis",      "siete",     "ocho",     "nueve",      "diez",
        "cien",      "miles",     "cientos",   "problemas", "personas", "más"};
    const token& t = cx.p.tokens[i];
    auto it = forms.find(t.lower);
    if (it == forms.end()) return;
    int n = -1;
    const token* next = next_word(cx, i, &n);
    if (!next) return;
    const bool han = t.lower == "han";
    if (han) {
        // "han habido problemas" -> "ha habido problemas".
        if (!next->is("habido")) return;
        const token* after = next_word(cx, n);
        if (after && after->is("de")) return;  // "han habido de hacerlo": haber de + infinitive
    } else if (next->is("habido")) {
        // "habían habido" -> "había habido".
    } else {
        if (!quantity.count(next->lower) && !plural_noun_phrase_at(cx, n)) return;
        const token* after = next_word(cx, n);
        if (after && participle(after->lower)) return;  // "habían muchos llegado": auxiliary
        if (participle_ahead(cx, n)) return;            // "habían los niños comido"
        const token* before = prev_word(cx, i);
        // "las que habían" / "se habían": a subject or clitic makes it personal.
        if (before && (before->is("se") || before->is("les") || before->is("los") ||
                       before->is("las") || before->is("ellos") || before->is("ellas")))
            return;
    }
    std::string repl = cased(t, singular_haber(cx, i).value_or(std::string(it->second)));
    cx.emit_tokens("ES_HABER_IMPERSONAL", i, i, repl, 0.8,
                   "«Haber» impersonal va en singular: «" + repl + "».",
                   "Impersonal 'haber' is singular: '" + repl + "'.");
}

void dequeismo(rule_context& cx, int i) {
    static const set verbs = {
        "pienso",  "piensas",   "piensa",    "pensamos",   "piensan", "pensaba", "pensaban",
        "pensé",   "pensó",     "creo",      "crees",      "cree",    "creemos", "creen",
        "creía",   "creían",    "creí",      "creyó",      "opino",   "opina",   "opinan",
        "opinaba", "considero", "considera", "consideran", "supongo", "supone",  "suponen",
        "imagino", "imagina",   "afirmó",    "afirma",     "afirman", "dijo",    "dije",
        "dijeron", "digo",      "dice",      "dicen",      "decía",   "parece",  "parecía",
        "resulta", "sabemos",   "opinó",     "comentó",    "aseguró", "asegura", "señaló",
        "indicó"};
    const token& de = cx.p.tokens[i];
    if (!de.is("de")) return;
    int n = -1;
    const token* que = next_word(cx, i, &n);
    const token* verb = prev_word(cx, i);
    if (!que || !que->is("que") || !verb || !verbs.count(verb->lower)) return;
    if (cx.p.prev_solid(i) != i - 2 || n != i + 2) return;  // adjacent words only
    cx.emit_tokens("ES_DEQUEISMO", i, n, que->text, 0.8,
                   "Dequeísmo: «" + verb->text + " que», sin «de».",
                   "Dequeísmo: no 'de' before 'que' after '" + verb->text + "'.");
}




void haya(rule_context& cx, int i) {
    static const set triggers = {"que",   "quien",  "no",    "ya",    "cuando", "aunque",
                                 "quizá", "quizás", "ojalá", "donde", "cual",   "cuanto"};
    const token& t = cx.p.tokens[i];
    bool singular = t.is("halla"), plural = t.is("hallan"), second = t.is("hallas");
    if (!singular && !plural && !second) return;
    const token* before = prev_word(cx, i);
    const token* next = next_word(cx, i);
    if (!before || !next || !triggers.count(before->lower)) return;
    if (!next->is("sido") && !next->is("habido") &&
        !(participle(next->lower) && next->lower.back() == 'o'))
        return;
    std::string repl = cased(t, singular ? "haya" : (plural ? "hayan" : "hayas"));
    cx.emit_tokens("ES_HAYA", i, i, repl, 0.8,
                   "Con participio es el verbo «haber»: «" + repl + "».",
                   "Before a participle this is 'haber': '" + repl + "'.");
}

}  // namespace

void check_grammar_es(rule_context& cx) {
    const auto& toks = cx.p.tokens;
    for (int i = 0; i < static_cast<int>(toks.size()); ++i) {
        if (toks[i].kind != token_kind::word) continue;
        impersonal_haber(cx, i);
        dequeismo(cx, i);
        haya(cx, i);
    }
}

}  // namespace galley::engine_detail
