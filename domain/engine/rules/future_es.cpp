// A future written without its accent ("yo le explicare", "no acabaras en dos días", "por el
// hilo se sacara el ovillo"): the unaccented form is a subjunctive (-ra, -re), which needs
// something to depend on — "que", "si", "aunque", "ojalá" — and a main clause does not give it.
// Only where the clause visibly starts at the verb (the sentence's start, a pause, a subject
// pronoun or an adverb, then clitics and "no") and nothing in the sentence before it is a
// conditional or a wish. Modal verbs keep their -ra in main clauses ("quisiera", "debiera",
// "pudiera"), and "fuera" is also "outside": they are left alone.
#include "domain/engine/analysis/analyser.hpp"
#include "domain/engine/rules/es_context.hpp"
#include "domain/engine/rules/rules.hpp"
#include "domain/engine/speller.hpp"

namespace galley::engine_detail {

namespace {

using namespace es_context;

bool clitic_or_no(const token& t) { return t.is("no") || object_clitics().count(t.lower) > 0; }

// What may open a main clause before the verb: a subject pronoun or an adverb of time or
// assertion ("yo le explicare", "ya veras").
bool clause_opener(const token& t) {
    static const set words = {"yo",    "tú",      "él",     "ella",    "usted",   "nosotros",
                              "nosotras", "vosotros", "ellos", "ellas", "ustedes", "ya",
                              "también", "tampoco", "nunca", "jamás",  "pronto",  "luego",
                              "entonces", "mañana", "hoy",    "siempre", "así"};
    return words.count(t.lower) > 0;
}

// Earlier in the sentence, a word the subjunctive may hang on from afar: a condition, a wish,
// a question of who ("¡Quién pudiera!").
bool subjunctive_trigger(const token& t) {
    static const set words = {"si", "ojalá", "quién", "quien", "aunque", "como", "cuando",
                              "que", "para", "mientras", "hasta", "donde", "porque", "antes"};
    return words.count(t.lower) > 0;
}

// The person a subject pronoun asks of its verb ("" for other words).
std::string_view person_of(const token* t) {
    if (!t) return "";
    if (t->is("yo") || t->is("nosotros") || t->is("nosotras")) return "p1";
    if (t->is("tú") || t->is("vosotros") || t->is("vosotras")) return "p2";
    if (t->is("él") || t->is("ella") || t->is("usted") || t->is("ellos") || t->is("ellas") ||
        t->is("ustedes"))
        return "p3";
    return "";
}

// Token k is a subjunctive -ra/-re of a verb other than a modal, and no other word.
bool plain_subjunctive(const rule_context& cx, int k) {
    static const set modal = {"querer", "deber", "poder", "haber", "ser", "ir", "saber"};
    if (k >= static_cast<int>(cx.analysis.size()) || !cx.analysis[k].known()) return false;
    bool subjunctive = false;
    for (const auto& r : *cx.analysis[k].readings) {
        const reading& p = r.parts.front();
        if (!p.verb() || modal.count(p.lemma)) return false;
        subjunctive |= p.tense == "pis" || p.tense == "fts";
    }
    return subjunctive;
}

void check_at(rule_context& cx, const sentence_span& s, int k) {
    const auto& toks = cx.p.tokens;
    const token& t = toks[k];
    if (t.shape != word_shape::lower || !plain_subjunctive(cx, k)) return;
    int b = k;
    while (const token* prev = prev_adjacent(cx, b)) {
        if (!clitic_or_no(*prev)) break;
        b -= 2;
    }
    // The word or mark before the clitics: nothing (the sentence's start), a pause, or an
    // opener that itself follows nothing, a pause or a conjunction.
    int before = cx.p.prev_solid(b);
    std::string_view person = person_of(next_adjacent(cx, k));  // "tomara yo": not "tomará"
    auto conjunction = [](const token& p) {
        return p.is("y") || p.is("pero") || p.is("e") || p.is("pues") || p.is("mas");
    };
    if (before >= static_cast<int>(s.first_token) && toks[before].kind == token_kind::word &&
        !conjunction(toks[before])) {
        if (!clause_opener(toks[before])) return;
        if (person.empty()) person = person_of(&toks[before]);
        before = cx.p.prev_solid(before);
    } else if (before < static_cast<int>(s.first_token) && toks[b].shape != word_shape::capitalized) {
        return;  // a paragraph that continues a sentence (a verse, a quotation)
    }
    if (before >= static_cast<int>(s.first_token)) {
        const token& p = toks[before];
        const bool pause = p.kind == token_kind::punct &&
                           (p.is_punct(U',', cx.p.text) || p.is_punct(U';', cx.p.text) ||
                            p.is_punct(U':', cx.p.text) || p.is_punct(U'—', cx.p.text) ||
                            p.is_punct(U'«', cx.p.text) || p.is_punct(U'¿', cx.p.text) ||
                            p.is_punct(U'¡', cx.p.text));
        if (!pause && !conjunction(p)) return;
    }
    // A condition after the verb too: "me vengara yo si pudiera" is the conditional's -ra.
    for (int j = static_cast<int>(s.first_token); j < static_cast<int>(s.last_token); ++j)
        if (toks[j].kind == token_kind::word && (j < b ? subjunctive_trigger(toks[j]) : toks[j].is("si")))
            return;
    const std::string twin = cx.speller->accented_twin(t.lower);
    if (twin.empty()) return;
    bool future = false;
    for (const auto& r : cx.morphology->readings_of(twin)) {
        const reading& p = r.parts.front();
        future |= !r.guessed && p.verb() && p.tense == "fti" && (person.empty() || p.person == person);
    }
    if (!future) return;
    cx.emit_tokens("ES_FUTURE_ACCENT", k, k, twin, 0.75,
                   "En una oración principal es el futuro, con tilde: «" + twin + "».",
                   "In a main clause this is the future, with its accent: '" + twin + "'.");
}

}  // namespace

void check_future_es(rule_context& cx) {
    if (!cx.speller || !cx.morphology || cx.analysis.empty()) return;
    for (const auto& s : cx.p.sentences)
        for (int k = static_cast<int>(s.first_token); k < static_cast<int>(s.last_token); ++k)
            if (cx.p.tokens[k].kind == token_kind::word) check_at(cx, s, k);
}

}  // namespace galley::engine_detail
