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

// Subtitle counts below which a first-person present is not a common noun in disguise.
constexpr std::uint64_t kRareInDialogue = 3000;

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

// The analyser reads `form` (not guessed) as a third-person preterite: "llegó", "procuró".
bool third_person_preterite(rule_context& cx, const std::string& form) {
    for (const auto& r : cx.morphology->readings_of(form)) {
        const reading& p = r.parts.front();
        if (!r.guessed && p.verb() && p.tense == "ifi" && p.person == "p3") return true;
    }
    return false;
}

// The accented twin of a first-person present, when it is the third-person preterite.
// `verbal_place`: the construction already asks for a verb (a narrator's tag after a dash,
// "y" after a told past), so a word that is also a noun or adjective ("grito", "dejo",
// "continuo") may be the verb; the frequency test still applies.
// `tag`: a narrator's tag, where even a word with no verb reading is one ("continuo", whose
// present is "continúo").
std::string preterite_twin(rule_context& cx, int i, bool verbal_place = false, bool tag = false) {
    const token& t = cx.p.tokens[i];
    if (t.shape != word_shape::lower || !t.lower.ends_with("o") || t.lower.size() < 4) return {};
    if (cx.speller->known_lower(cx.speller->entry(t.lower), t.lower) == false) return {};
    if (i >= static_cast<int>(cx.analysis.size())) return {};
    // A narrator's tag with a verb the analyser lacks ("—clamo Obdulia—"): hunspell must know
    // both forms, and the word no plural (a noun would have one).
    if (tag && !cx.analysis[i].known()) {
        const std::string twin = t.lower.substr(0, t.lower.size() - 1) + "ó";
        spell_session& sp = *cx.speller;
        return sp.known(twin) && !sp.known(t.lower + "s") ? twin : std::string();
    }
    if (!cx.analysis[i].readings) return {};
    // Only a verb ("llego", "procuro"): a word that is also a noun or adjective ("paso",
    // "camino", "de soslayo") is one far more often, and the tagger cannot tell them apart here.
    bool present = false, other = false;
    for (const auto& r : *cx.analysis[i].readings) {
        const reading& p = r.parts.front();
        const bool first = r.parts.size() == 1 && p.verb() && p.tense == "pri" && p.person == "p1";
        present |= first;
        other |= !first;
    }
    if ((!present && !tag) || (other && !verbal_place)) return {};
    // A word with a plural is a noun or adjective the analyser lacks ("espanto", "quedo",
    // "lloro"); a first-person verb form has none.
    if (!verbal_place && cx.speller->known(t.lower + "s")) return {};
    // The final o accented, whatever other accent makes a word ("continúo" beside "continuó").
    std::string twin = t.lower.substr(0, t.lower.size() - 1) + "ó";
    // A noun written with another accent and more often than the preterite is the likelier
    // word outside a verb's place ("su mal animo" is "ánimo", not "animó").
    const accent_twin& listed = cx.speller->listed_accent_twin(t.lower);
    if (!verbal_place && !listed.form.empty() && listed.form != twin)
        for (const auto& r : cx.morphology->readings_of(listed.form))
            if (!r.guessed && r.parts.front().pos == "n") return {};
    // The analyser lacks many nouns ("pelo", "soslayo"): the frequency list must show the
    // preterite written at least a quarter as often as the unaccented word (subtitles are
    // dialogue, where "miro" is four times as common as in narration; "pelo" is a thousand).
    // Where a verb must be, two words too rare to be listed ("clamo") pass.
    // A listed verb whose preterite is too rare in dialogue to be listed ("procuro",
    // "envidio") hides no common noun: its own count is low too.
    const std::uint64_t twin_count = cx.speller->corpus_count(twin);
    const std::uint64_t count = cx.speller->corpus_count(t.lower);
    const bool rare_verb = twin_count == 0 && count > 0 && count <= kRareInDialogue &&
                           !cx.speller->known(t.lower + "s");
    if ((twin_count == 0 && !verbal_place && !rare_verb) || (!rare_verb && 4 * twin_count < count))
        return {};
    if (third_person_preterite(cx, twin)) return twin;
    // The analyser lacks some preterites its generator has ("clamó"): in a tag, generate it.
    if (tag)
        for (const auto& r : *cx.analysis[i].readings) {
            const reading& p = r.parts.front();
            if (p.verb() && p.tense == "pri" && generates(cx, p, "<ifi><p3><sg>", twin)) return twin;
        }
    return {};
}

// The word is a first-person present whose accented twin is a third-person preterite.
bool has_preterite_twin(rule_context& cx, int k) {
    const token& t = cx.p.tokens[k];
    return t.lower.ends_with("o") && third_person_preterite(cx, t.lower.substr(0, t.lower.size() - 1) + "ó");
}

// Words that join a verb to a told past before it: "y se acerco", "pero no la irrito".
const set& joiners() {
    static const set words = {"y", "e", "pero", "mas"};
    return words;
}

// "lo procuro", "se lo traslado": after a clitic the first person is as likely.
const set& clitics() {
    static const set words = {"lo", "la", "le", "los", "las", "les", "se", "te", "os"};
    return words;
}

// The first of the clitics and "no" right before token k ("no la irrito"), or k itself.
int before_clitics(const rule_context& cx, int k) {
    while (const token* prev = prev_adjacent(cx, k)) {
        if (!is(prev, clitics()) && !prev->is("no")) break;
        k -= 2;
    }
    return k;
}

// The clitics before token k follow a third-person subject: a name ("Petra le miro"), a noun
// ("la niña la miro"), or "y" joining a verb that already told a third-person past ("conoció a
// don Santos y se acerco").
bool third_person_before_clitics(rule_context& cx, int k) {
    const int b = before_clitics(cx, k);
    const token* before = prev_adjacent(cx, b);
    if (!before) return false;
    // A capital is a name mid-sentence, or at its start when the tagger reads a proper noun
    // or the document never writes it in lower case.
    if (before->shape == word_shape::capitalized)
        return before->starts == boundary::none || name_at_sentence_start(cx, b - 2);
    if (is(before, joiners())) {
        for (int j = b - 3; j >= 0; --j)
            if (cx.p.tokens[j].kind == token_kind::word && third_person_past(cx, j)) return true;
        return false;
    }
    const reading* r = cx.best(b - 2);
    return r && (r->pos == "n" || r->pos == "np") && before->shape == word_shape::lower;
}

void emit_preterite(rule_context& cx, int k, const std::string& twin,
                    const char* rule = "ES_PRETERITE_NARRATIVE") {
    const std::string repl = cased(cx.p.tokens[k], twin);
    cx.emit_tokens(rule, k, k, repl, 0.8,
                   "En la narración en pasado el verbo va en pretérito y lleva tilde: «" + repl + "».",
                   "Third-person past narration: the preterite '" + repl + "' has an accent.");
}

// Candidates of one sentence of third-person narration; `narrated_past` is set when another of
// its verbs is a third-person past. Nothing when the sentence has speech or a first person.
struct narration {
    std::vector<std::pair<int, std::string>> candidates;
    bool narrated_past = false;
    bool third_person = false;
    bool first_person = false;  // a first-person narrator: the whole paragraph is left alone
};

// "soltó la pluma y dejo caer", "debió irritarla, pero no la irrito": "y" or "pero" (and "no"
// and clitics) right before token k, not joining two adjectives ("ancho y corto"); or a list of
// told pasts ("exigió, amenazó, insulto"). The caller knows whether a verb before it in the
// sentence told a third-person past.
bool joined_to_told_past(const rule_context& cx, int k) {
    const int b = before_clitics(cx, k);
    if (b == k && b >= 3 && cx.p.tokens[b - 1].kind == token_kind::space &&
        cx.p.punct_at(b - 2, U',') && cx.p.tokens[b - 3].kind == token_kind::word &&
        third_person_past(cx, b - 3) && cx.best(b - 3)->tense == "ifi") {
        const token* after = next_adjacent(cx, k);
        return !(after && after->is("a"));  // "salió, paso a paso"
    }
    const token* before = prev_adjacent(cx, b);
    if (!before || !is(before, joiners())) return false;
    if (b != k || b < 4 || !cx.analysis[b - 4].readings) return true;
    for (const auto& r : *cx.analysis[b - 4].readings)
        if (r.parts.front().pos == "adj" || r.parts.front().tense == "pp") return false;
    return true;
}

narration first_person_narrator() {
    narration n;
    n.first_person = true;
    return n;
}

narration read_sentence(rule_context& cx, const sentence_span& s, const std::vector<bool>& speech) {
    const auto& toks = cx.p.tokens;
    narration n;
    for (int k = static_cast<int>(s.first_token); k < static_cast<int>(s.last_token); ++k) {
        const token& t = toks[k];
        if (t.kind != token_kind::word) continue;
        if (speech[k]) return {};
        if (first_person_word(t)) return first_person_narrator();
        std::string twin = preterite_twin(cx, k);
        if (twin.empty() && n.narrated_past && joined_to_told_past(cx, k))
            twin = preterite_twin(cx, k, /*verbal_place=*/true);
        if (!twin.empty()) {
            n.candidates.emplace_back(k, std::move(twin));
            continue;
        }
        const reading* r = cx.best(k);
        // "como siempre hago" is a first-person narrator; "procuro" with a preterite twin may be
        // the very slip, and proves nothing.
        if (r && r->verb() && r->person == "p1" && !has_preterite_twin(cx, k))
            return first_person_narrator();
        n.narrated_past |= third_person_past(cx, k);
    }
    n.third_person = true;
    return n;
}

// A sentence's candidates become findings when it or another sentence of the paragraph tells a
// third-person past ("Frígilis, malhumorado, se encaro con la aurora." after a past sentence).
void check_candidates(rule_context& cx, const narration& n) {
    // After a determiner or preposition it is a noun the analyser lacks ("el dejo de").
    static const set nominal = {"el",  "un",   "una",  "unos", "unas", "su",   "sus",  "tu",
                                "este", "ese", "aquel", "del", "al",   "de",   "en",   "con",
                                "por", "para", "sin",  "cada", "otro", "algún", "ningún", "a"};
    for (const auto& [k, twin] : n.candidates) {
        const token* prev = prev_adjacent(cx, k);
        if (is(prev, nominal) || (is(prev, clitics()) && !third_person_before_clitics(cx, k))) continue;
        emit_preterite(cx, k, twin);
    }
}

// A narrator's tag in dialogue ("—clamo Obdulia—", "—grito el demonio"): a first-person
// present followed by a name or a determined noun contradicts its subject; it is the preterite.
// `bare`: a tag with no subject after it counts too ("—grito—, que…"), unless a first-person
// narrator may be speaking of himself.
void check_dialogue_tags(rule_context& cx, const std::vector<bool>& speech, bool bare) {
    static const set determiners = {"el", "la", "los", "las", "un", "una", "su", "sus",
                                    "aquel", "aquella", "este", "esta", "don", "doña"};
    const auto& toks = cx.p.tokens;
    auto is_dash = [&](int d) {
        return d >= 1 && (toks[d].is_punct(U'—', cx.p.text) || toks[d].is_punct(U'–', cx.p.text) ||
                          toks[d].is_punct(U'-', cx.p.text));
    };
    // Words that may stand between the verb and its subject: "—exclamo solemnemente Orgaz",
    // "—observo otra vez el Marqués", "—repuso luego la Regenta".
    static const set between = {"entonces", "luego", "después", "también", "ahora", "todavía", "aún"};
    // What a tag may go on with when it names no subject: "—pregunto a las auras".
    static const set complements = {"a", "al", "desde", "con", "para"};
    for (int first = 2; first + 2 < static_cast<int>(toks.size()); ++first) {
        if (toks[first].kind != token_kind::word || speech[first]) continue;
        // The dash right before the word, or one space before it ("— pregunto Ripamilán").
        const int d = is_dash(first - 1) ? first - 1
                      : (toks[first - 1].kind == token_kind::space && is_dash(first - 2)) ? first - 2
                                                                                           : -1;
        // Speech before the dash: the dash opens the narrator's tag, it does not close it
        // ("—gritó don Frutos— tengo algo" is speech again).
        if (d < 0 || !speech[d - 1]) continue;
        // The verb, after its clitics: "—le pregunto el obispo".
        int k = first;
        while (is(&toks[k], object_clitics()) && next_adjacent(cx, k)) k += 2;
        if (k + 2 >= static_cast<int>(toks.size())) continue;
        // A name or a determined noun follows, or the tag ends there ("—grito—, que…").
        int s = k + 2;
        const token* subject = next_adjacent(cx, k);
        for (int steps = 0; subject && steps < 2; ++steps) {
            if (subject->lower.ends_with("mente") || is(subject, between)) {  // "—exclamo solemnemente Orgaz"
                subject = next_adjacent(cx, s);
                s += 2;
            } else if (subject->is("otra") && next_adjacent(cx, s) && next_adjacent(cx, s)->is("vez")) {
                subject = next_adjacent(cx, s + 2);
                s += 4;
            } else {
                break;
            }
        }
        const int after = cx.p.next_solid(k);
        const bool ends = bare && (after < 0 || toks[after].kind == token_kind::punct ||
                                   (k == first && is(next_adjacent(cx, k), complements)));
        if (!ends && (!subject || subject->is("yo") ||
                      (subject->shape != word_shape::capitalized && !is(subject, determiners))))
            continue;
        if (std::string twin = preterite_twin(cx, k, /*verbal_place=*/true, /*tag=*/true); !twin.empty())
            emit_preterite(cx, k, twin, "ES_PRETERITE_DIALOGUE_TAG");
    }
}

}  // namespace

void check_preterite_es(rule_context& cx) {
    if (!cx.speller || !cx.morphology || cx.analysis.empty()) return;
    const std::vector<bool> speech = speech_tokens(cx);
    std::vector<narration> sentences;
    bool past = false, first_person = false;
    for (const auto& s : cx.p.sentences) {
        sentences.push_back(read_sentence(cx, s, speech));
        past |= sentences.back().narrated_past;
        // A first-person narrator: the narration is left alone, so the rest need not be read.
        if ((first_person = sentences.back().first_person)) break;
    }
    // A tag with its own third-person subject needs no narration around it.
    check_dialogue_tags(cx, speech, /*bare=*/!first_person);
    if (first_person || !past) return;
    for (const narration& n : sentences)
        if (n.third_person) check_candidates(cx, n);
}

}  // namespace galley::engine_detail
