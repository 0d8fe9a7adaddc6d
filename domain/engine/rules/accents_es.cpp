// Spanish accents that only the context decides. Both spellings are dictionary words
// ("termino"/"término", "hacia"/"hacía", "esta"/"está", "ano"/"año"), so the speller cannot
// judge them; each rule fires only in a frame where one of the readings is impossible.
#include "domain/engine/analysis/analyser.hpp"
#include "domain/engine/rules/es_context.hpp"
#include "domain/engine/rules/spelling_known.hpp"
#include "domain/engine/speller.hpp"
#include "domain/utf8.hpp"

namespace galley::engine_detail {

namespace {

using namespace es_context;

using utf8::decode;

bool vowel(char32_t c) { return std::u32string_view(U"aeiouáéíóúü").find(c) != std::u32string_view::npos; }
bool strong(char32_t c) { return std::u32string_view(U"aeoáéóíú").find(c) != std::u32string_view::npos; }

bool has_accent(const std::string& lower) {
    for (const char* a : {"\xC3\xA1", "\xC3\xA9", "\xC3\xAD", "\xC3\xB3", "\xC3\xBA"})
        if (lower.find(a) != std::string::npos) return true;
    return false;
}

char32_t with_accent(char32_t c) {
    switch (c) {
        case U'a': return U'á';
        case U'e': return U'é';
        case U'i': return U'í';
        case U'o': return U'ó';
        case U'u': return U'ú';
        default: return c;
    }
}

std::string encode(const std::u32string& w) {
    std::string out;
    for (char32_t c : w) utf8::append(out, c);
    return out;
}

enum class stress { antepenultimate, hiatus };

// The spellings of unaccented `lower` with a written accent of kind `want`, generated
// directly (one or two per word, so a novel costs few spell() calls): on the third-to-last
// syllable ("termino" → "término", nouns and adjectives whose twin is a verb form), or on an
// í/ú before another vowel ("hacia" → "hacía", "continua" → "continúa": verb forms).
std::vector<std::string> accented_spellings(const std::string& lower, stress want) {
    const std::u32string w = decode(lower);
    std::vector<std::string> out;
    if (want == stress::hiatus) {
        for (std::size_t k = 1; k + 1 < w.size(); ++k)
            if ((w[k] == U'i' || w[k] == U'u') && vowel(w[k + 1]) && !vowel(w[k - 1])) {
                std::u32string v = w;
                v[k] = with_accent(v[k]);
                out.push_back(encode(v));
            }
        return out;
    }
    // Syllable nuclei: vowel groups, split between two strong vowels ("se-as").
    std::vector<std::pair<std::size_t, std::size_t>> nuclei;  // [first, last]
    for (std::size_t k = 0; k < w.size(); ++k) {
        if (!vowel(w[k])) continue;
        bool joins = k > 0 && vowel(w[k - 1]) && !(strong(w[k]) && strong(w[k - 1]));
        if (joins) nuclei.back().second = k;
        else nuclei.push_back({k, k});
    }
    // "qu"/"gu" + e/i join the next vowel as a weak-vowel group, which still lands on the
    // right vowel ("quimica" → "quí-mi-ca").
    if (nuclei.size() < 3) return out;
    auto [first, last] = nuclei[nuclei.size() - 3];
    std::size_t at = first;
    for (std::size_t k = first; k <= last; ++k)
        if (strong(w[k])) {
            at = k;
            break;
        }
    if (at == first && !strong(w[first])) at = last;  // "ui", "iu": the second vowel
    std::u32string v = w;
    v[at] = with_accent(v[at]);
    out.push_back(encode(v));
    return out;
}

// The one dictionary spelling of `t` with the accent of kind `want`, if exactly one.
std::optional<std::string> accent_form(rule_context& cx, const token& t, stress want) {
    std::optional<std::string> found;
    for (const auto& f : accented_spellings(t.lower, want)) {
        if (!cx.speller->known_lower(cx.speller->entry(f), f)) continue;
        if (found) return std::nullopt;
        found = f;
    }
    return found;
}

bool starts_sentence(const token& t) { return t.starts != boundary::none; }

bool ends_with(std::string_view w, std::string_view s) { return w.size() > s.size() && w.ends_with(s); }

// "el termino", "una maquina", "muy explicito", "son validas": after a determiner, "muy" or
// a form of "ser" a conjugated verb is impossible, so the noun or adjective is meant.
void noun_after_determiner(rule_context& cx, int i) {
    static const set masc = {"el",     "un",     "del",    "al",      "este",    "ese",
                             "aquel",  "cuyo",   "primer", "nuestro", "vuestro", "otro",
                             "último", "buen",   "nuevo",  "cierto"};
    static const set fem = {"una", "esa", "aquella", "cuya", "nuestra", "vuestra", "toda", "otra",
                            "última", "primera", "nueva", "cierta", "buena"};
    static const set plural = {"unos",     "unas",     "sus",      "mis",      "tus",
                               "estos",    "esos",     "aquellos", "aquellas", "esas",
                               "cuyos",    "cuyas",    "nuestros", "nuestras", "varios",
                               "varias",   "muchos",   "muchas",   "algunos",  "algunas",
                               "son",      "eran",     "fueron",   "sean",     "otros",
                               "otras",    "ambos",    "ambas",    "tantos",   "tantas",
                               "últimos",  "últimas",  "primeros", "primeras", "nuevos",
                               "nuevas",
                               "dos",      "tres",     "cuatro",   "cinco",    "seis",
                               "siete",    "ocho",     "nueve",    "diez",     "pocos",
                               "pocas",    "demás"};
    static const set singular = {"su", "mi", "tu", "cada", "es", "era", "fue", "sea", "gran"};
    static const set any = {"muy", "tan", "sido", "ser"};
    static const set before_mas = {"es",   "son",  "era",   "fue", "sea",
                                   "lo",   "algo", "mucho", "ser", "sido"};
    static const set ambiguous = {"sabana", "sabanas"};  // savanna and sheet: both nouns
    const token& t = cx.p.tokens[i];
    if (t.end - t.begin < 4 || has_accent(t.lower) || ambiguous.count(t.lower) ||
        t.lower.find('-') != std::string::npos)  // "obispo-madre"
        return;
    const bool initial = t.shape == word_shape::capitalized && t.starts != boundary::none;
    if (t.shape != word_shape::lower && !initial) return;
    const std::string& w = t.lower;
    const bool s = w.back() == 's';
    // "2 practicas", "Pagina 34": a number next to it makes it a noun ("Juan practica 3
    // veces" shows that a number after a word only counts at the start of a sentence).
    const auto& toks = cx.p.tokens;
    const bool number_before = i >= 2 && toks[i - 1].kind == token_kind::space &&
                               toks[i - 2].kind == token_kind::number &&
                               toks[i - 2].end - toks[i - 2].begin < 4 && s;  // not a year
    const bool number_after = initial && i + 2 < static_cast<int>(toks.size()) &&
                              toks[i + 1].kind == token_kind::space &&
                              toks[i + 2].kind == token_kind::number;
    const token* prev = prev_adjacent(cx, i);
    if (!number_before && !number_after &&
        (!prev || prev->shape == word_shape::upper || initial))
        return;
    bool fits = number_before || number_after;
    if (!prev) {
    } else if (masc.count(prev->lower)) fits = !s && w.back() != 'a';
    else if (fem.count(prev->lower)) fits = !s && w.back() != 'o';
    else if (plural.count(prev->lower)) fits = s;
    else if (singular.count(prev->lower)) fits = !s;
    else if (any.count(prev->lower)) fits = true;
    else if (prev->is("más")) fits = is(prev_adjacent(cx, i - 2), before_mas);
    if (!fits) return;
    auto form = accent_form(cx, t, stress::antepenultimate);
    // A form far rarer than the word as written is no fix ("un apodo" is not "ápodo").
    if (!form || (cx.speller && cx.speller->corpus_count(to_lower(*form)) * 20 <
                                    cx.speller->corpus_count(t.lower)))
        return;
    std::string repl = cased(t, *form);
    cx.emit_tokens("ES_ACCENT_NOUN_CONTEXT", i, i, repl, 0.75,
                   "Aquí va el nombre o adjetivo: «" + repl + "».",
                   "The noun or adjective '" + repl + "' is meant here.");
}

// "se hacia", "lo tenia", "ella continua": after a clitic or a subject pronoun the verb form
// with the accent on í/ú ("hacía", "continúa") is meant, not the preposition or adjective.
void verb_after_pronoun(rule_context& cx, int i) {
    static const set clitics = {"se", "me", "te", "le", "les", "nos", "os"};
    static const set subjects = {"yo",       "tú",       "él",       "ella",    "usted",
                                 "ustedes",  "ellos",    "ellas",    "nosotros", "nosotras",
                                 "vosotros", "vosotras", "quién",    "quiénes", "nadie",
                                 "alguien"};
    const token& t = cx.p.tokens[i];
    if (t.shape != word_shape::lower || t.end - t.begin < 4 || has_accent(t.lower)) return;
    const token* prev = prev_adjacent(cx, i);
    if (!prev) return;
    const std::string& w = t.lower;
    const bool imperfect = ends_with(w, "ia") || ends_with(w, "ias") || ends_with(w, "ian");
    bool fits = is(prev, clitics) || is(prev, subjects);
    // "lo amplio" is "lo" + adjective; "lo tenia" can only be a verb.
    if (prev->is("lo") || prev->is("no")) fits = imperfect;
    if (!fits) return;
    static const set direction = {"abajo",  "arriba", "atrás", "adelante", "delante", "dentro",
                                  "fuera",  "afuera", "adentro", "allá",   "allí",    "aquí",
                                  "acá",    "donde",  "dónde"};
    if (t.is("hacia") && is(next_adjacent(cx, i), direction)) return;  // the preposition
    auto form = accent_form(cx, t, stress::hiatus);
    // A form far rarer than the word as written is no fix ("le cien" is not "cíen", of ciar),
    // nor one the analyser does not know: the speller accepts "remedía", no verb has it.
    if (!form || (cx.speller && cx.speller->corpus_count(to_lower(*form)) * 20 <
                                    cx.speller->corpus_count(t.lower)))
        return;
    if (cx.morphology && !cx.morphology->knows(to_lower(*form))) return;
    cx.emit_tokens("ES_ACCENT_VERB_CONTEXT", i, i, *form, 0.75,
                   "Tras «" + prev->text + "» va el verbo: «" + *form + "».",
                   "After '" + prev->text + "' the verb form '" + *form + "' is meant.");
}

// "esta cansado", "esta en casa", "esta lloviendo": the verb "está".
void esta(rule_context& cx, int i) {
    static const set after = {
        "muy",     "bien",     "mal",     "aquí",     "allí",    "ahí",     "allá",
        "acá",     "todavía",  "siempre", "completamente",       "totalmente", "bastante",
        "demasiado", "lleno",  "claro",   "seguro",   "listo",   "abierto", "cerrado",
        "roto",    "muerto",   "vivo",    "contento", "enfermo", "loco",    "solo",
        "llena",   "segura",   "lista",   "abierta",  "cerrada", "rota",    "muerta",
        "viva",    "contenta", "enferma", "loca",     "disponible",         "frío",
        "fría",    "caliente", "libre",   "cien",
        "hecho",   "al",       "prohibido"};
    // "esta en", "esta fuera" are also the pronoun ("como esta en", "aunque esta fuera"):
    // only a subject before them ("el niño esta en", "no esta en") makes the verb certain.
    static const set place = {"en", "sin", "fuera", "cerca", "lejos", "de", "con"};
    static const set adverb_before = {"no", "ya", "aún", "todavía", "también", "tampoco",
                                      "siempre", "ahora"};
    static const set det = {"el", "la", "un", "una", "mi", "tu", "su", "este", "ese", "aquel"};
    static const set de_what = {"acuerdo", "vacaciones", "moda",  "viaje",    "pie",
                                "paso",    "broma",      "luto",  "guardia",  "servicio",
                                "vuelta",  "más",        "sobra", "maravilla"};
    static const set con_what = {"el", "la", "los", "las", "su", "sus", "mi", "tu", "un", "una"};
    static const set where = {"dónde", "cómo", "quién"};
    const token& t = cx.p.tokens[i];
    if (!t.is("esta") || t.shape == word_shape::upper) return;
    const token* n = next_adjacent(cx, i);
    if (!n || n->shape != word_shape::lower) return;
    const std::string& w = n->lower;
    const token* nn = next_adjacent(cx, i + 2);
    const token* prev = prev_adjacent(cx, i);
    const bool subject = prev && prev->shape == word_shape::lower && !det.count(prev->lower) &&
                         is(prev_adjacent(cx, i - 2), det);
    static const set subject_pronoun = {"uno", "él", "ella", "usted", "quien", "quién", "eso",
                                        "esto", "todo", "nadie", "alguien"};
    const bool place_verb = place.count(w) &&
                            (is(prev, adverb_before) || is(prev, subject_pronoun) ||
                             (n->is("en") && t.starts != boundary::none));
    if ((subject && !n->is("del") && !n->is("que")) || place_verb) {
        std::string repl = cased(t, "está");
        cx.emit_tokens("ES_ESTA_TILDE", i, i, repl, 0.75, "Es el verbo: «" + repl + "».",
                       "This is the verb: '" + repl + "'.");
        return;
    }
    bool verb = after.count(w) || ends_with(w, "ando") || ends_with(w, "iendo") ||
                ends_with(w, "yendo") ||
                ((ends_with(w, "ado") || ends_with(w, "ido")) && w.size() >= 5) ||
                (n->is("de") && is(nn, de_what)) || (n->is("con") && is(nn, con_what)) ||
                is(prev_adjacent(cx, i), where);
    if (!verb) return;
    std::string repl = cased(t, "está");
    cx.emit_tokens("ES_ESTA_TILDE", i, i, repl, 0.75, "Es el verbo: «" + repl + "».",
                   "This is the verb: '" + repl + "'.");
}

// "aún" is "todavía" ("aún no", "más aún", "no ha llegado aún"); "aun" is "incluso"
// ("aun así", "aun cuando", "ni aun").
void aun(rule_context& cx, int i) {
    static const set still_next = {"no",    "más",    "menos",  "mejor", "peor",  "mayor",
                                   "menor", "quedan", "queda",  "sigue", "siguen", "hoy",
                                   "ahora", "existe", "existen"};
    static const set still_prev = {"más", "menos", "mejor", "peor", "mayor", "menor"};
    static const set even_next = {"así", "cuando", "si"};
    const token& t = cx.p.tokens[i];
    const token* prev = prev_adjacent(cx, i);
    const token* next = next_adjacent(cx, i);
    std::string repl;
    const token* after_next = next ? next_adjacent(cx, i + 2) : nullptr;
    const bool gerund = after_next && (after_next->lower.ends_with("ando") ||
                                       after_next->lower.ends_with("iendo"));
    // "y aun más": after a conjunction it is "even" as often as "still".
    const bool even_more = prev && (prev->is("y") || prev->is("e") || prev->is("o")) && next &&
                           (next->is("más") || next->is("menos"));
    if (t.is("aun") && !(prev && prev->is("ni")) && !gerund && !even_more &&
        (is(next, still_next) || is(prev, still_prev) ||
         (prev && clause_end_after(cx, i, false))))
        repl = "aún";
    else if (t.is("aún") && ((is(next, even_next) && (!next->is("si") || starts_sentence(t))) ||
                              (prev && prev->is("ni"))))
        repl = "aun";
    if (repl.empty() || t.shape == word_shape::upper) return;
    repl = cased(t, repl);
    cx.emit_tokens("ES_AUN", i, i, repl, 0.7,
                   "«aún» (todavía) lleva tilde; «aun» (incluso) no: «" + repl + "».",
                   "'aún' means 'still', 'aun' means 'even': '" + repl + "'.");
}

// "el ano pasado", "los anos ochenta", "tres veces al ano": the year, not the anus.
void ano(rule_context& cx, int i) {
    static const set before = {"este",   "ese",     "aquel",   "cada",     "próximo", "pasado",
                               "primer", "segundo", "tercer",  "último",   "medio",   "nuevo",
                               "los",    "esos",    "estos",   "aquellos", "unos",    "muchos",
                               "pocos",  "varios",  "algunos", "tantos",   "dos",     "tres",
                               "cuatro", "cinco",   "diez",    "cien",     "siguientes"};
    static const set after = {"pasado",    "próximo", "siguiente", "anterior", "entrante",
                              "fiscal",    "escolar", "académico", "natural",  "bisiesto",
                              "que",       "luz",     "nuevo",     "siguientes", "pasados",
                              "próximos",  "ochenta", "noventa",   "setenta",  "sesenta",
                              "cincuenta", "cuarenta", "treinta",  "veinte"};
    const token& t = cx.p.tokens[i];
    if (!(t.is("ano") || t.is("anos")) || t.shape != word_shape::lower) return;
    const token* prev = prev_adjacent(cx, i);
    const bool plural = t.is("anos");
    int n = cx.p.next_solid(i);
    const bool number_next = n == i + 2 && cx.p.tokens[n].kind == token_kind::number;
    const bool number_prev = i >= 2 && cx.p.tokens[i - 2].kind == token_kind::number;
    bool year = is(prev, before) || is(next_adjacent(cx, i), after) || number_next ||
                number_prev;
    if (!year && prev && (prev->is("al") || prev->is("por"))) {
        const token* pp = prev_adjacent(cx, i - 2);
        year = (pp && pp->is("veces")) ||
               (i >= 4 && cx.p.tokens[i - 4].kind == token_kind::number);
    }
    if (!year) return;
    std::string repl = plural ? "años" : "año";
    cx.emit_tokens("ES_ANO_YEAR", i, i, repl, 0.75, "Se refiere al año: «" + repl + "».",
                   "This is the year: '" + repl + "'.");
}

}  // namespace

// Clitics that only a verb can follow ("la" is also the article).
static const set& verb_clitics() {
    static const set words = {"me", "te", "se", "nos", "os", "lo", "le", "les"};
    return words;
}

// The accented twin does not suit the word before: after a determiner a noun the analyser
// lacks is meant ("la venia", not "venía"); after a clitic a verb ("se lio", "lo pagina", not
// "lío", "página").
static bool twin_misfits(rule_context& cx, int i, const std::string& twin) {
    static const set determiners = {"el",  "la",  "los", "las", "un",  "una", "unos", "unas",
                                    "su",  "sus", "mi",  "mis", "tu",  "tus", "del",  "al",
                                    "esta", "esa", "aquella", "este", "ese", "aquel"};
    if (!cx.morphology) return false;
    const token* prev = prev_adjacent(cx, i);
    bool verb = false, other = false;
    for (const auto& r : cx.morphology->readings_of(twin)) (r.parts.front().verb() ? verb : other) = true;
    return (is(prev, determiners) && !other) || (is(prev, verb_clitics()) && !verb);
}

// "el ademan", "no se ria": a spelling the speller's affix rules accept but no dictionary of the
// analyser has, whose one accented twin the analyser knows and the frequency list does not show
// rarer than it: the accent was left out.
static void unanalysed_unaccented(rule_context& cx, int i) {
    const token& t = cx.p.tokens[i];
    spell_session& sp = *cx.speller;
    if (!cx.morphology || !sp.known_lower(sp.entry(t.lower), t.lower)) return;
    const std::string twin = sp.accented_twin(t.lower);
    if (twin.empty() || !cx.morphology->knows(twin) || derived_from_known(sp, t.lower)) return;
    if (sp.corpus_count(twin) < 10 * sp.corpus_count(t.lower)) return;
    if (twin_misfits(cx, i, twin)) return;
    std::string repl = cased(t, twin);
    cx.emit_tokens("ES_ACCENT_FREQUENCY", i, i, repl, 0.8, "Falta la tilde: «" + repl + "».",
                   "Missing accent: '" + repl + "'.");
}

// "jamas", "ademas", "mio", "entre lineas", "el medico": the unaccented spelling is a rare verb
// form (jamar, ademar, miar, linear, medicar) while the accented word is common: written without
// its accent ten times less often than with it in the frequency list, the word gets its accent.
void rare_unaccented(rule_context& cx, int i) {
    static const set first_person = {"yo", "no", "me", "te", "lo", "la", "le", "nos",
                                     "os", "los", "las", "les", "tú", "ya"};
    const token& t = cx.p.tokens[i];
    const bool initial = t.shape == word_shape::capitalized && t.starts != boundary::none;
    if ((t.shape != word_shape::lower && !initial) || t.end - t.begin < 3 || has_accent(t.lower))
        return;
    // Monosyllables for the 2010 rules, written without an accent: "guion", "hui", and the
    // preterites after a clitic ("se lio", "se rio"), where the nouns "lío", "río" cannot stand.
    static const set monosyllables = {"hui", "huis", "guion", "truhan"};
    static const set preterites = {"lio", "lie", "rio", "fio", "fie", "crio", "crie", "guio", "guie"};
    if (monosyllables.count(t.lower) ||
        (preterites.count(t.lower) && is(prev_adjacent(cx, i), verb_clitics())))
        return;
    spell_session& sp = *cx.speller;
    const bool analysed = i < static_cast<int>(cx.analysis.size()) && cx.analysis[i].known();
    // Cheap first: the accented spellings are looked up in the frequency list only.
    const accent_twin& twin = sp.listed_accent_twin(t.lower);
    if (twin.count < 1000 || twin.count < 10 * std::max<std::uint64_t>(sp.corpus_count(t.lower), 1)) {
        if (!analysed) unanalysed_unaccented(cx, i);
        return;
    }
    if (!sp.known_lower(sp.entry(t.lower), t.lower)) return;  // the speller's business
    // Unknown to the analyser (jamar, miar, linear are too rare for it), or known only as a
    // first-person present ("capitulo"); not a third person ("la ley valida"), an imperative
    // ("intentalo") or any other form a sentence may well want.
    const reading* r = cx.best(i);
    if (analysed && !(r && r->verb() && r->tense == "pri" && r->person == "p1")) return;
    if (!analysed && (twin_misfits(cx, i, twin.form) || derived_from_known(sp, t.lower))) return;
    static const set reflexive = {"se", "me", "te", "nos", "os"};
    static const set haber = {"he", "has", "ha", "hemos", "habéis", "han", "había", "habían",
                              "haber", "habría", "habrá", "hubiera", "haya"};
    const token* prev = prev_adjacent(cx, i);
    // After "haber" a participle ("ha esplendido"); after a subject or clitic a first person.
    if (is(prev, haber) && (ends_with(t.lower, "ado") || ends_with(t.lower, "ido"))) return;
    if (analysed && (is(prev, first_person) || is(prev, reflexive) || is(prev, haber))) return;
    // A verb with an enclitic pronoun ("intentalo", "hablame": the voseo imperative).
    static const char* const enclitics[] = {"lo", "la", "le", "me", "te", "se", "nos", "los", "las", "les"};
    for (const char* c : enclitics) {
        std::string_view e(c);
        if (t.lower.size() > e.size() + 2 && t.lower.ends_with(e) &&
            sp.known(t.lower.substr(0, t.lower.size() - e.size())))
            return;
    }
    std::string repl = cased(t, twin.form);
    cx.emit_tokens("ES_ACCENT_FREQUENCY", i, i, repl, 0.8, "Falta la tilde: «" + repl + "».",
                   "Missing accent: '" + repl + "'.");
}

// Only verb forms as written, only a noun with the accent ("animo"/"ánimo", "maquina"/"máquina"),
// where no frame rule decides: the tagger's likelihood of the sentence with each twin, less each
// twin's own likelihood, must favour the noun by kTwinLead. Not adjectives: after a noun the
// tagger prefers "la ley válida" to "la ley valida" whatever follows. Measured over both novels
// and LanguageTool's correct sentences: no correct verb form changed at 1.5; taken at 2.
namespace {

constexpr double kTwinLead = 2.0;

void noun_twin_by_tagger(rule_context& cx, int i) {
    const token& t = cx.p.tokens[i];
    if (!cx.morphology || t.shape != word_shape::lower || utf8::count(t.lower) < 5 ||
        has_accent(t.lower) || i >= static_cast<int>(cx.analysis.size()) || !cx.analysis[i].known())
        return;
    auto only = [](const std::vector<analysed_reading>& rs, bool verb) {
        if (rs.empty()) return false;
        for (const auto& r : rs) {
            const reading& p = r.parts.front();
            if (r.guessed || r.parts.size() != 1 || p.verb() != verb || (!verb && p.pos != "n"))
                return false;
        }
        return true;
    };
    if (!only(*cx.analysis[i].readings, true)) return;
    // The one listed noun among the accented spellings ("termino": término beside terminó).
    // Beside a verb twin written more often the written verb is likelier still ("ahora mismo
    // termino"): the noun needs three times the lead.
    accent_twin twin;
    std::uint64_t verb_twin = 0;
    for (accent_twin& form : cx.speller->listed_accent_forms(t.lower)) {
        if (!only(cx.morphology->readings_of(form.form), false)) {
            verb_twin = std::max(verb_twin, form.count);
            continue;
        }
        if (!twin.form.empty()) return;
        twin = std::move(form);
    }
    if (twin.form.empty()) return;
    const double noun = cx.morphology->fit(cx.p, i, twin.form) - cx.morphology->prior(twin.form);
    const double verb = cx.morphology->fit(cx.p, i, t.lower) - cx.morphology->prior(t.lower);
    if (noun - verb < (verb_twin > twin.count ? 3 * kTwinLead : kTwinLead)) return;
    cx.emit_tokens("ES_ACCENT_NOUN_TAGGER", i, i, twin.form, 0.7,
                   "Aquí va el nombre: «" + twin.form + "».",
                   "The noun '" + twin.form + "' is meant here.");
}

}  // namespace

void check_accents_es(rule_context& cx) {
    if (!cx.speller) return;
    const auto& toks = cx.p.tokens;
    for (int i = 0; i < static_cast<int>(toks.size()); ++i) {
        if (toks[i].kind != token_kind::word) continue;
        noun_after_determiner(cx, i);
        verb_after_pronoun(cx, i);
        esta(cx, i);
        aun(cx, i);
        ano(cx, i);
        rare_unaccented(cx, i);
        noun_twin_by_tagger(cx, i);
    }
}

}  // namespace galley::engine_detail
