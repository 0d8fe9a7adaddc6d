// A narrative preterite written without its accent ("pasó aquel día, y paso el siguiente";
// "el cochero descargo dos latigazos"): the unaccented form is a first-person present, which a
// third-person narration does not use. A sentence is third-person narration when it is outside
// dialogue and quotations, another of its verbs is a third-person past (preterite or imperfect),
// and nothing in it is first person.
#include "domain/engine/analysis/analyser.hpp"
#include "domain/engine/rules/es_context.hpp"
#include "domain/engine/rules/rules.hpp"
#include "domain/engine/speller.hpp"

namespace galley::engine_detail {

namespace {

using namespace es_context;

bool dash(char32_t c) { return c == U'—' || c == U'–' || c == U'-'; }

// Which tokens are speech: a dialogue turn ("—Ya voy —dijo—, espera") alternates with the
// narrator at each dash; quotations «…» and “…” are someone's words too.
std::vector<bool> speech_tokens(const rule_context& cx) {
    const auto& toks = cx.p.tokens;
    std::vector<bool> speech(toks.size(), false);
    bool dialogue = false, turn = false, quoted = false, any_word = false;
    for (std::size_t k = 0; k < toks.size(); ++k) {
        const token& t = toks[k];
        if (t.kind == token_kind::punct && t.end - t.begin == 1) {
            const char32_t c = cx.p.text[t.begin];
            if (dash(c) && !any_word) dialogue = turn = true;  // the paragraph opens a turn
            else if (dash(c) && dialogue) turn = !turn;        // narrator tag, then speech again
            else if (c == U'«' || c == U'“') quoted = true;
            else if (c == U'»' || c == U'”') quoted = false;
        }
        if (t.kind == token_kind::word) any_word = true;
        speech[k] = turn || quoted;
    }
    return speech;
}

bool first_person_word(const token& t) {
    static const set words = {"yo",       "me",       "mi",        "mí",        "mis",
                              "conmigo",  "nos",      "nosotros",  "nosotras",  "nuestro",
                              "nuestra",  "nuestros", "nuestras"};
    return words.count(t.lower) > 0;
}

// The tagger's reading of token k is a third-person past: "pasó", "solía", "era".
bool third_person_past(const rule_context& cx, int k) {
    const reading* r = cx.best(k);
    return r && r->verb() && (r->tense == "ifi" || r->tense == "pii") && r->person == "p3";
}

// The accented twin of a first-person present, when it is the third-person preterite.
std::string preterite_twin(rule_context& cx, int i) {
    const token& t = cx.p.tokens[i];
    if (t.shape != word_shape::lower || !t.lower.ends_with("o") || t.lower.size() < 4) return {};
    if (cx.speller->known_lower(cx.speller->entry(t.lower), t.lower) == false) return {};
    if (i >= static_cast<int>(cx.analysis.size()) || !cx.analysis[i].readings) return {};
    // Only a verb ("llego", "procuro"): a word that is also a noun or adjective ("paso",
    // "camino", "de soslayo") is one far more often, and the tagger cannot tell them apart here.
    for (const auto& r : *cx.analysis[i].readings) {
        const reading& p = r.parts.front();
        if (r.parts.size() != 1 || !p.verb() || p.tense != "pri" || p.person != "p1") return {};
    }
    std::string twin = cx.speller->accented_twin(t.lower);
    if (twin.empty() || !twin.ends_with("ó")) return {};
    // The analyser lacks many nouns ("pelo", "soslayo"): the frequency list must show the
    // preterite written at least as often as the unaccented word.
    const std::uint64_t twin_count = cx.speller->corpus_count(twin);
    if (twin_count == 0 || twin_count < cx.speller->corpus_count(t.lower)) return {};
    for (const auto& r : cx.morphology->readings_of(twin)) {
        const reading& p = r.parts.front();
        if (!r.guessed && p.verb() && p.tense == "ifi" && p.person == "p3") return twin;
    }
    return {};
}

void check_sentence(rule_context& cx, const sentence_span& s, const std::vector<bool>& speech) {
    const auto& toks = cx.p.tokens;
    std::vector<std::pair<int, std::string>> candidates;
    bool past = false;
    for (int k = static_cast<int>(s.first_token); k < static_cast<int>(s.last_token); ++k) {
        const token& t = toks[k];
        if (t.kind != token_kind::word) continue;
        if (speech[k] || first_person_word(t)) return;
        if (std::string twin = preterite_twin(cx, k); !twin.empty()) {
            candidates.emplace_back(k, std::move(twin));
            continue;
        }
        const reading* r = cx.best(k);
        if (r && r->verb() && r->person == "p1") return;  // "llego tarde, como siempre hago"
        past |= third_person_past(cx, k);
    }
    if (!past) return;
    // "lo procuro", "se lo traslado": after a clitic the first person is as likely.
    static const set clitics = {"lo", "la", "le", "los", "las", "les", "se", "te", "os"};
    // After a determiner or preposition it is a noun the analyser lacks ("el dejo de").
    static const set nominal = {"el",  "un",   "una",  "unos", "unas", "su",   "sus",  "tu",
                                "este", "ese", "aquel", "del", "al",   "de",   "en",   "con",
                                "por", "para", "sin",  "cada", "otro", "algún", "ningún"};
    for (const auto& [k, twin] : candidates) {
        const token* prev = prev_adjacent(cx, k);
        if (is(prev, clitics) || is(prev, nominal)) continue;
        const std::string repl = cased(toks[k], twin);
        cx.emit_tokens("ES_PRETERITE_NARRATIVE", k, k, repl, 0.8,
                       "En la narración en pasado el verbo va en pretérito y lleva tilde: «" + repl + "».",
                       "Third-person past narration: the preterite '" + repl + "' has an accent.");
    }
}

}  // namespace

void check_preterite_es(rule_context& cx) {
    if (!cx.speller || !cx.morphology || cx.analysis.empty()) return;
    const std::vector<bool> speech = speech_tokens(cx);
    for (const auto& s : cx.p.sentences) check_sentence(cx, s, speech);
}

}  // namespace galley::engine_detail
