// A first-person present whose subject is plainly third person: "Doña Paula la tomo",
// "El barquero los riño", "Frígilis se encaro con la aurora". The verb cannot agree with that
// subject, and its accented twin is the third-person preterite, so the accent is the slip. This
// needs no narration around it (preterite_es.cpp), so it also holds in dialogue and in a
// paragraph with a first person ("un hombre que me echo", no; "Paula me miro", yes).
#include "domain/engine/analysis/analyser.hpp"
#include "domain/engine/rules/es_context.hpp"
#include "domain/engine/rules/rules.hpp"
#include "domain/engine/speller.hpp"

namespace galley::engine_detail {

namespace {

using namespace es_context;

bool vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

// Syllables by vowel groups: "guio", "crio" are one, and under the 2010 rules keep no accent.
int vowel_groups(std::string_view w) {
    int groups = 0;
    for (std::size_t i = 0; i < w.size(); ++i)
        if (vowel(w[i]) && (i == 0 || !vowel(w[i - 1]))) ++groups;
    return groups;
}

// The third-person preterite that token k is with its final o accented, when token k can be a
// first-person present: the analyser generates that preterite from the word's present reading
// or reads the twin as one whose present is the word; otherwise hunspell must know both forms,
// and a word the analyser reads only as something else ("digno") or not at all ("encaro") must
// have no plural, as a noun would, unless `verbal`: a clitic before it allows no noun.
std::string preterite_twin(rule_context& cx, int k, bool verbal) {
    const token& t = cx.p.tokens[k];
    if (t.shape != word_shape::lower || !t.lower.ends_with("o") || t.lower.size() < 4 ||
        vowel_groups(t.lower) < 2)
        return {};
    const std::string twin = t.lower.substr(0, t.lower.size() - 1) + "ó";
    bool analysed = false, present = false;
    if (k < static_cast<int>(cx.analysis.size()) && cx.analysis[k].readings)
        for (const auto& r : *cx.analysis[k].readings) {
            if (r.guessed) continue;
            analysed = true;
            const reading& p = r.parts.front();
            if (r.parts.size() != 1 || !p.verb() || p.tense != "pri" || p.person != "p1") continue;
            present = true;
            if (generates(cx, p, "<ifi><p3><sg>", twin)) return twin;
        }
    for (const auto& r : cx.morphology->readings_of(twin)) {
        const reading& p = r.parts.front();
        // Not "continuo", whose present is "continúo".
        if (!r.guessed && p.verb() && p.tense == "ifi" && p.person == "p3" &&
            generates(cx, p, "<pri><p1><sg>", t.lower))
            return twin;
    }
    // Apertium generates "riñió" for "reñir": a present it reads falls back on hunspell too.
    if (analysed && !present && !verbal) return {};
    spell_session& sp = *cx.speller;
    if (sp.known(t.lower) && sp.known(twin) && (verbal || present || !sp.known(t.lower + "s")))
        return twin;
    return {};
}

// Nothing before word token i binds it to what precedes: the sentence or clause starts there, or
// a conjunction or relative opens it ("y", "que", "cuando"). A preposition ("a Pedro", "con su
// hermano") makes the noun an object.
bool opens_clause(const rule_context& cx, int i) {
    static const set openers = {"y",    "e",    "ni",    "pero",    "que",     "cuando", "mientras",
                                "aunque", "porque", "pues", "si", "donde", "entonces", "luego"};
    if (const token* before = prev_adjacent(cx, i)) return is(before, openers);
    const int p = cx.p.prev_solid(i);
    return p < 0 || cx.p.tokens[p].kind == token_kind::punct;
}

// Days, months and spans of time open a clause as adverbs: "Esta tarde paso por allí", and
// so does "la verdad" ("La verdad no lo entiendo").
bool time_word(const token& t) {
    static const set words = {"verdad",
        "mañana",  "tarde",   "noche",    "día",     "vez",       "semana",  "mes",
        "año",     "momento", "rato",     "hora",    "instante",  "minuto",  "segundo",
        "siglo",   "tiempo",  "época",    "verano",  "invierno",  "otoño",   "primavera",
        "madrugada", "mediodía", "lunes", "martes",  "miércoles", "jueves",  "viernes",
        "sábado",  "domingo", "enero",    "febrero", "marzo",     "abril",   "mayo",
        "junio",   "julio",   "agosto",   "septiembre", "octubre", "noviembre", "diciembre"};
    return words.count(t.lower) > 0;
}

// A name: capitalised mid-sentence, or at its start when the tagger reads a proper noun or the
// document never writes it in lower case. A capital after an opening mark ("¡Estraño caso") or
// on a word the analyser knows as a function word ("¿Que rezo poco?") starts a sentence.
bool name_at(rule_context& cx, int i) {
    static const set function_pos = {"det", "prn", "cnjcoo", "cnjsub", "cnjadv", "pr", "rel", "adv"};
    const token& t = cx.p.tokens[i];
    if (t.shape != word_shape::capitalized || time_word(t)) return false;
    const reading* r = cx.best(i);
    if (r && r->pos == "np") return true;
    for (const auto& known : cx.morphology->readings_of(t.lower))
        if (!known.guessed && function_pos.count(known.parts.front().pos)) return false;
    const int p = cx.p.prev_solid(i);
    const bool opened = p >= 0 && cx.p.tokens[p].kind == token_kind::punct &&
                        !cx.p.punct_at(p, U',') && !cx.p.punct_at(p, U';');
    return (t.starts == boundary::none && !opened) || name_at_sentence_start(cx, i);
}

// The subject a name opens, walked back over the words of a name ("Fermín de Pas", "doña
// Paula", "la Regenta"); true when nothing before it makes it an object.
bool name_subject(rule_context& cx, int i) {
    static const set joiners = {"don", "doña", "la", "el", "san", "santa", "fray"};
    while (const token* before = prev_adjacent(cx, i)) {
        if (before->is("de") || before->is("del")) {
            const token* owner = prev_adjacent(cx, i - 2);
            if (!owner || owner->shape != word_shape::capitalized) break;
        } else if (!is(before, joiners) &&
                   !(before->shape == word_shape::capitalized && name_at(cx, i - 2))) {
            break;
        }
        i -= 2;
    }
    return opens_clause(cx, i);
}

// A determined singular noun opening a clause, with at most one adjective after it: "el
// barquero", "el tenorio vetustense", "mi padre". `resumed`: the clitics after it include
// "lo" or "la", which could take up a fronted object ("El libro lo tomo yo").
bool noun_subject(rule_context& cx, int i, bool resumed) {
    // Not "mi" or "nuestro": a first-person speaker fronts his own things ("mi paz os dejo").
    static const set determiners = {"el",  "la",  "un",    "una",     "este", "esta",   "ese",
                                    "esa", "aquel", "aquella", "tu", "su", "vuestro", "vuestra"};
    // The tagger's reading, when the analyser knows the word (a guess is no reading here).
    auto known_best = [&](int j) {
        return j < static_cast<int>(cx.analysis.size()) && cx.analysis[j].known() ? cx.best(j) : nullptr;
    };
    const reading* r = known_best(i);
    if (r && r->pos == "adj" && prev_adjacent(cx, i)) {
        i -= 2;
        r = known_best(i);
    }
    // Adjectives that go before the noun, read as nouns after an article ("el mayor gusto").
    static const set before_nouns = {"mayor", "menor", "mejor", "peor", "primer", "tercer", "gran"};
    const token& noun = cx.p.tokens[i];
    if (noun.shape != word_shape::lower || time_word(noun) || is(&noun, before_nouns)) return false;
    // A word the analyser lacks is a noun after a determiner ("el barquero") if hunspell knows it.
    if (r ? (r->pos != "n" || r->plural())
          : (cx.morphology->knows(noun.lower) || noun.lower.ends_with("s") ||
             !cx.speller->known(noun.lower)))
        return false;
    const token* det = prev_adjacent(cx, i);
    return is(det, determiners) && !resumed && opens_clause(cx, i - 2);
}

// Where token k's third-person singular subject stands: right before it (a name, "él", "ella",
// "usted", a determined noun), or before "no" and object clitics; "se" is third person by itself.
// A first-person clitic ("Ginés me llamo") makes the verb likely reflexive first person.
enum class subject_place { none, adjacent, before_clitics };

subject_place third_person_subject_before(rule_context& cx, int k) {
    static const set pronouns = {"él", "ella", "usted"};
    if (const token* before = prev_adjacent(cx, k); before && before->is("se"))
        return subject_place::before_clitics;
    // Adverbs that stand between a subject and its verb: "La sobrina también llevo a casa".
    static const set adverbs = {"también", "tampoco", "ya", "luego", "entonces", "pronto",
                                "siempre", "nunca", "jamás", "apenas", "casi"};
    int b = k;
    bool resumed = false, clitic = false;
    while (const token* before = prev_adjacent(cx, b)) {
        if (!before->is("no") && !is(before, object_clitics()) && !is(before, adverbs)) break;
        if (before->is("me") || before->is("nos")) return subject_place::none;
        resumed |= before->is("lo") || before->is("la");
        clitic |= !is(before, adverbs);
        b -= 2;
    }
    const token* subject = prev_adjacent(cx, b);
    if (!subject) return subject_place::none;
    const int s = b - 2;
    const bool found = is(subject, pronouns) ? opens_clause(cx, s)
                       : subject->shape == word_shape::capitalized
                           ? name_at(cx, s) && name_subject(cx, s)
                           : noun_subject(cx, s, resumed);
    if (!found) return subject_place::none;
    // An adverb alone between them leaves the word's place as open as right after the subject
    // ("el cielo ya oscuro").
    return clitic ? subject_place::before_clitics : subject_place::adjacent;
}

// Right after its subject a word may as well be a noun or adjective in apposition ("el palo
// seco", "Sancho hermano", "el cielo escuro"): the preterite must be a word in use, and unless
// the word can only be a verb, written at least a quarter as often ("saco"; not "gusto").
bool likely_verb(rule_context& cx, int k, const std::string& twin) {
    bool other = true;  // a word the analyser lacks may be anything
    if (k < static_cast<int>(cx.analysis.size()) && cx.analysis[k].readings) {
        other = false;
        for (const auto& r : *cx.analysis[k].readings) other |= r.guessed || !r.parts.front().verb();
    }
    const std::uint64_t written = cx.speller->corpus_count(twin);
    return written > 0 && (!other || 4 * written >= cx.speller->corpus_count(cx.p.tokens[k].lower));
}

// "la", "los", "las", "lo" right before token k may be its article ("la cabeza", "lo bueno"):
// then the word must not be a noun or adjective of the article's gender and number (for the
// neuter "lo", an adjective).
bool article_before(rule_context& cx, int k) {
    const token* before = prev_adjacent(cx, k);
    if (!before || !(before->is("la") || before->is("las") || before->is("los") || before->is("lo")))
        return false;
    const std::string gender = before->is("la") || before->is("las") ? "f" : "m";
    const std::string number = before->is("los") || before->is("las") ? "pl" : "sg";
    for (const auto& r : cx.morphology->readings_of(cx.p.tokens[k].lower)) {
        const reading& p = r.parts.front();
        if (r.guessed || (p.pos != "adj" && (p.pos != "n" || before->is("lo")))) continue;
        if ((p.gender.empty() || p.gender == gender || p.gender == "mf") &&
            (p.number.empty() || p.number == number || p.number == "sp"))
            return true;
    }
    return false;
}

// A name right after the verb is its subject when nothing marks it as an object: "tardo la
// Regenta en cansarse", "el papel que presento Teresina". A person named as the object takes
// "a" ("presento a Teresina"); a place takes none ("visito Madrid"), so a place is no subject.
bool name_subject_after(rule_context& cx, int k) {
    static const set titles = {"la", "el", "don", "doña"};
    int s = k + 2;
    const token* name = next_adjacent(cx, k);
    if (name && is(name, titles)) {
        name = next_adjacent(cx, s);
        s += 2;
    }
    if (!name || name->shape != word_shape::capitalized || name->starts != boundary::none ||
        time_word(*name) || s >= static_cast<int>(cx.analysis.size()))
        return false;
    if (const auto* readings = cx.analysis[s].readings)
        for (const auto& r : *readings)
            if (!r.guessed && (r.parts.front().pos != "np" || r.parts.front().has("loc"))) return false;
    return true;
}

}  // namespace

void check_preterite_subject_es(rule_context& cx) {
    if (!cx.speller || !cx.morphology || cx.analysis.empty()) return;
    const auto& toks = cx.p.tokens;
    for (int k = 2; k < static_cast<int>(toks.size()); ++k) {
        if (toks[k].kind != token_kind::word || !toks[k].lower.ends_with("o")) continue;
        // "lo tomo yo": the speaker names himself; "paso a paso" is a noun.
        const token* after = next_adjacent(cx, k);
        if (after && (after->is("yo") ||
                      (after->is("a") && next_adjacent(cx, k + 2) &&
                       next_adjacent(cx, k + 2)->lower == toks[k].lower)))
            continue;
        subject_place place = third_person_subject_before(cx, k);
        // After the verb, a name needs the verb to stand alone: not after a first-person clitic
        // ("me llamo Pedro"), an article or a preposition ("el paso Honda").
        static const set not_before_verb = {"me", "nos", "el", "la", "los", "las", "un", "una",
                                            "del", "al", "de", "a", "en", "con", "por", "para"};
        if (place == subject_place::none && !is(prev_adjacent(cx, k), not_before_verb) &&
            name_subject_after(cx, k))
            place = subject_place::adjacent;
        if (place == subject_place::none || article_before(cx, k)) continue;
        // A clitic that is never an article ("se", "le", "les", "te", "os") allows no noun after
        // it: "Ana le beso" is a verb the analyser lacks ("besar").
        static const set verbal_clitics = {"se", "le", "les", "te", "os"};
        const std::string twin = preterite_twin(cx, k, is(prev_adjacent(cx, k), verbal_clitics));
        if (twin.empty() || (place == subject_place::adjacent && !likely_verb(cx, k, twin)))
            continue;
        const std::string repl = cased(toks[k], twin);
        cx.emit_tokens("ES_PRETERITE_SUBJECT", k, k, repl, 0.8,
                       "El sujeto es de tercera persona: el verbo es el pretérito «" + repl +
                           "», con tilde.",
                       "The subject is third person: the verb is the preterite '" + repl +
                           "', with an accent.");
    }
}

}  // namespace galley::engine_detail
