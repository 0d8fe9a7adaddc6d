// Spanish words that sound alike where the frame decides: "voy ha hablar" / "voy hablar" (a),
// "siempre e comido" (he), "haz agotado" (has), "está echo de madera" (hecho), "apunto de llegar"
// (a punto de), "el cuál" (relative: cual), "uso horario" (huso); and compounds written apart
// ("co-fundador", "extra ordinario", "apaga fuegos") when the joined word is in the dictionary.
#include <optional>
#include <string>

#include "domain/engine/analysis/analyser.hpp"
#include "domain/engine/rules/es_context.hpp"
#include "domain/engine/speller.hpp"

namespace galley::engine_detail {

namespace {

using namespace es_context;

// "hablar", "hacerlo", "irse": an infinitive (with up to one clitic), not a noun like "lugar".
bool infinitive(const std::string& w) {
    static const set nouns = {"lugar", "mar",    "hogar",  "mujer",   "placer", "poder",  "deber",
                              "altar", "azar",   "bar",    "collar",  "militar", "particular", "popular",
                              "dólar", "taller", "ayer",   "par",     "cantar", "amanecer", "atardecer",
                              "parecer", "ser", "ir", "pilar", "nivel", "sur", "señor", "mayor"};
    if (w.size() < 4 || nouns.count(w)) return false;
    std::string_view v = w;
    for (std::string_view clitic : {"nos", "los", "las", "les", "lo", "la", "le", "se", "me", "te"})
        if (v.size() > clitic.size() + 3 && v.ends_with(clitic)) {
            std::string_view stem = v.substr(0, v.size() - clitic.size());
            if (stem.ends_with("ar") || stem.ends_with("er") || stem.ends_with("ir")) return true;
        }
    return v.ends_with("ar") || v.ends_with("er") || v.ends_with("ir");
}

void say(rule_context& cx, int first, int last, std::string repl, const std::string& es, const std::string& en) {
    cx.emit_tokens("ES_HOMOPHONES_VERB", first, last, std::move(repl), 0.8, es, en);
}

void verb_frames(rule_context& cx, int i) {
    static const set go = {"voy", "vas", "va", "vamos", "vais", "van"};
    static const set go_to = {"voy",    "vas",    "va",     "vamos",  "vais",   "van",     "iba",
                              "ibas",   "iban",   "fui",    "fue",    "fueron", "vuelto",  "volver",
                              "vuelve", "vuelvo", "volvió", "empezó", "empieza", "comenzó", "comienza",
                              "llegó",  "aprendió", "enseñó", "ayudó", "vino",   "viene",   "vengo",
                              "salió",  "sale",   "ir",     "vaya",   "vayas",  "vayan"};
    static const set estar = {"está", "están", "estaba", "estaban", "parece", "parecen", "parecía", "quedó",
                              "queda", "es", "era", "fue", "estar", "esté", "sea"};
    const token& t = cx.p.tokens[i];
    const token* prev = prev_adjacent(cx, i);
    const token* next = next_adjacent(cx, i);
    if ((t.is("ha") || t.is("ah")) && is(prev, go_to) && next && infinitive(next->lower)) {
        say(cx, i, i, "a", "Antes del infinitivo va la preposición «a».", "The preposition 'a' goes before the infinitive.");
    } else if (go.count(t.lower) && next && next->shape == word_shape::lower && infinitive(next->lower) &&
               !next->is("haber") && !is(prev, {"se", "me", "te", "nos", "os"})) {
        // ("vamos haber" is "vamos a ver": grammar_es.cpp)
        // "voy hablar": ir + a + infinitive (a reflexive "se va" is another verb).
        say(cx, i, i, t.text + " a", "«ir a» + infinitivo: falta la «a».", "'ir a' + infinitive: the 'a' is missing.");
    } else if (t.is("e") && next && participle(next->lower) && !next->lower.starts_with("i") &&
               !next->lower.starts_with("hi")) {
        // The conjunction "e" only stands before an i- sound: before a participle it is "he".
        say(cx, i, i, cased(t, "he"), "Es el verbo «haber»: «he».", "This is the verb 'haber': 'he'.");
    } else if (t.is("haz") && next && participle(next->lower) &&
               !is(prev, {"el", "un", "del", "al", "este", "ese", "aquel", "su", "mi", "tu", "cada", "otro"})) {
        // "el haz dividido" is the noun (a beam); without a determiner it is "has".
        say(cx, i, i, cased(t, "has"), "Es el verbo «haber»: «has».", "This is the verb 'haber': 'has'.");
    } else if ((t.is("echo") || t.is("echa") || t.is("echos") || t.is("echas")) && is(prev, estar) && next &&
               next->is("de")) {
        std::string repl = "h" + t.lower;  // echo → hecho
        say(cx, i, i, repl, "El participio de «hacer» es «" + repl + "».", "The participle of 'hacer' is '" + repl + "'.");
    } else if (t.is("apunto") && next && next->is("de") && next_adjacent(cx, i + 2) &&
               infinitive(next_adjacent(cx, i + 2)->lower)) {
        say(cx, i, i, cased(t, "a punto"), "«a punto de» + infinitivo.", "'a punto de' + infinitive.");
    } else if ((t.is("cuál") || t.is("cuáles")) && is(prev, {"el", "la", "lo", "los", "las", "del", "al"})) {
        say(cx, i, i, t.is("cuál") ? "cual" : "cuales", "El relativo «cual» no lleva tilde.",
            "The relative 'cual' has no accent.");
    } else if ((t.is("uso") || t.is("usos")) && next && (next->is("horario") || next->is("horarios"))) {
        say(cx, i, i, cased(t, "h" + t.lower), "Es «huso horario».", "It is 'huso horario' (time zone).");
    }
}

// "co-fundador", "extra ordinario", "un apaga fuegos", "todo poderosa": a prefix or a compound's
// first part written apart, when the joined word is in the dictionary. A vowel before r doubles
// it when the parts join ("extra-radio" → "extrarradio", RAE).
bool known_word(rule_context& cx, const std::string& w) {
    return cx.speller->known(w) || (cx.morphology && cx.morphology->knows(w));
}

std::optional<std::string> joined_form(rule_context& cx, const std::string& first, const std::string& second) {
    static const std::string_view vowels = "aeiou";
    if (second.front() == 'r' && vowels.find(first.back()) != std::string_view::npos &&
        second.compare(0, 2, "rr") != 0) {
        std::string doubled = first + "r" + second;
        if (known_word(cx, doubled)) return doubled;
    }
    std::string joined = first + second;
    if (known_word(cx, joined)) return joined;
    return std::nullopt;
}

void joined_compound(rule_context& cx, int i) {
    // With a hyphen any of these joins; with a space only prefixes that are not words of their
    // own ("sobre mesa" is a preposition), and a verb that heads a compound noun only after a
    // determiner ("un apaga fuegos"; "lanza misiles" alone is a verb and its object).
    static const set prefixes = {"co",    "sobre", "extra", "anti",  "pre",   "pos",    "post",  "semi",
                                 "seudo", "pseudo", "fito", "zoo",   "inter", "intra",  "multi", "micro",
                                 "macro", "mini",  "auto", "todo",  "siempre", "super", "hiper", "ultra",
                                 "infra", "vice",  "ex",   "indo",  "afro",  "greco"};
    static const set verb_heads = {"pasa",  "apaga", "lanza", "porta", "saca",  "abre", "guarda", "limpia",
                                   "quita", "mata",  "para",  "corta", "rompe", "lava", "salva",  "tapa",
                                   "cubre", "cuenta", "busca", "chupa", "sujeta"};
    static const set spaced_prefixes = {"co",    "extra", "anti",  "pre",   "pos",   "post",  "semi",
                                        "seudo", "pseudo", "fito", "inter", "intra", "multi", "micro",
                                        "macro", "hiper", "ultra", "infra", "vice",  "ex"};
    static const set determiners = {"un",   "una",  "unos", "unas", "el",    "la",    "los",   "las",
                                    "este", "esta", "estos", "estas", "ese", "esa",   "esos",  "esas",
                                    "su",   "sus",  "mi",   "mis",  "del",   "al",    "buen",  "gran"};
    static const set never_joined = {"todo", "todos", "toda", "todas", "que", "el", "la", "los", "las", "un", "una",
                                     "mí", "ti", "sí", "él", "ella", "ellos", "ellas", "usted", "nosotros"};
    if (!cx.speller) return;
    const token& t = cx.p.tokens[i];
    std::string first, second;
    int last = i;
    if (auto dash = t.lower.find('-'); dash != std::string::npos && t.shape != word_shape::upper) {
        first = t.lower.substr(0, dash);
        second = t.lower.substr(dash + 1);
        if (second.find('-') != std::string::npos || !(prefixes.count(first) || verb_heads.count(first)))
            return;
    } else if (const token* next = next_adjacent(cx, i); next && t.shape != word_shape::upper &&
                                                           next->shape == word_shape::lower) {
        first = t.lower;
        second = next->lower;
        last = i + 2;
        bool after_determiner = false;
        for (int k = cx.p.prev_solid(i); k >= 0; k = cx.p.prev_solid(k)) {
            const token& b = cx.p.tokens[k];
            if (b.kind == token_kind::word) {
                after_determiner = determiners.count(b.lower) > 0;
                break;
            }
            if (!b.is_punct(0xAB, cx.p.text) && !b.is_punct(U'"', cx.p.text)) break;
        }
        if (!spaced_prefixes.count(first) && !(verb_heads.count(first) && after_determiner)) return;
    } else {
        return;
    }
    if (second.size() < 3 || never_joined.count(second)) return;
    auto joined = joined_form(cx, first, second);
    if (!joined) return;
    std::string repl = t.shape == word_shape::lower ? *joined : capitalize(*joined);
    cx.emit_tokens("ES_COMPOUND_JOINED", i, last, repl, 0.75, "Se escribe junto: «" + repl + "».",
                   "Written as one word: '" + repl + "'.");
}

}  // namespace

void check_verbs_es(rule_context& cx) {
    const auto& toks = cx.p.tokens;
    for (int i = 0; i < static_cast<int>(toks.size()); ++i) {
        if (toks[i].kind != token_kind::word) continue;
        verb_frames(cx, i);
        joined_compound(cx, i);
    }
}

}  // namespace galley::engine_detail
