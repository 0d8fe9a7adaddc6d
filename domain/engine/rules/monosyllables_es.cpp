// Spanish diacritical accents: tú/tu, él/el, mí/mi, sé/se, té/te, sí/si, más/mas, and the
// accent of interrogatives and exclamatives (¿qué?, no sé cómo). Each pair is fixed only in
// frames where the other word cannot stand: "tu" before a full stop is not a possessive,
// "lo se" is not the pronoun "se" (it would go first), "¿que" opens no relative clause.
#include <unordered_map>

#include "domain/engine/rules/es_context.hpp"
#include "domain/engine/speller.hpp"

namespace galley::engine_detail {

namespace {

using namespace es_context;

const set kConjunctions = {"cuando", "si",   "que",    "porque", "aunque", "mientras",
                           "como",   "pero", "y",      "pues",   "donde",  "ni"};
const set kPrepositions = {"a",     "de",   "para", "por",  "sin",    "ante", "contra",
                           "hacia", "sobre", "tras", "en",  "según", "entre", "desde"};

void emit(rule_context& cx, int i, const std::string& lower_repl) {
    const token& t = cx.p.tokens[i];
    std::string repl = cased(t, lower_repl);
    cx.emit_tokens("ES_DIACRITIC_MONOSYLLABLE", i, i, repl, 0.75,
                   "Aquí va con tilde diacrítica: «" + repl + "».",
                   "Diacritical accent needed here: '" + repl + "'.");
}

bool starts_sentence(const token& t) { return t.starts != boundary::none; }

// "entre tu y yo", "como tu.", "cuando tu vuelves", "cuando el llegó", "se encargará el."
void tu_el(rule_context& cx, int i) {
    static const set tu_next = {"no",    "también", "tampoco", "eres",  "estás", "tienes",
                                "sabes", "puedes",  "quieres", "vas",   "has",   "dices",
                                "crees", "mismo",   "misma",   "solo",  "sola"};
    static const set oxytone_nouns = {"dominó", "buró",  "rondó", "capó",  "landó", "gigoló",
                                      "bongó",  "yoyó",  "chapó", "plató", "bordó", "gogó"};
    const token& t = cx.p.tokens[i];
    const bool tu = t.is("tu"), el = t.is("el");
    if ((!tu && !el) || t.shape == word_shape::upper) return;
    const token* prev = prev_adjacent(cx, i);
    const token* next = next_adjacent(cx, i);
    int before = cx.p.prev_solid(i);
    bool after_comma = before >= 0 && cx.p.tokens[before].is_punct(U',', cx.p.text);
    bool pronoun = (!after_comma && prev && clause_end_after(cx, i, true)) ||
                   (prev && prev->is("entre") && next && (next->is("y") || next->is("e")));
    if (tu && next && tu_next.count(next->lower) && !(next->is("mismo") || next->is("misma")))
        pronoun = true;
    if (!pronoun && next && next->shape == word_shape::lower &&
        (is(prev, kConjunctions) || (starts_sentence(t) && !prev))) {
        const std::string& w = next->lower;
        if (tu) {
            // A second-person verb: "cuando tu vuelves"; a plural noun would need "tus".
            pronoun = w.size() >= 4 && (w.ends_with("as") || w.ends_with("es")) &&
                      cx.speller->known(w);
        } else {
            // A preterite: "cuando el llegó".
            pronoun = w.size() >= 4 && w.ends_with("ó") && !oxytone_nouns.count(w);
        }
    }
    if (pronoun) emit(cx, i, tu ? "tú" : "él");
}

// "a mi me gusta", "confía en mi.", "para mi no".
void mi(rule_context& cx, int i) {
    static const set mi_next = {"me", "mismo", "misma", "no", "también", "tampoco"};
    const token& t = cx.p.tokens[i];
    if (!t.is("mi") || t.shape == word_shape::upper) return;
    const token* prev = prev_adjacent(cx, i);
    if (!is(prev, kPrepositions)) return;
    if (clause_end_after(cx, i, true) || is(next_adjacent(cx, i), mi_next)) emit(cx, i, "mí");
}

// "no se.", "lo se", "no se si", "qué se yo", "yo se que": the verb "saber".
void se(rule_context& cx, int i) {
    static const set knower = {"no", "yo", "ya", "bien", "ni"};
    static const set wh = {"si",    "cómo",   "dónde",  "cuándo",  "quién",  "quiénes",
                           "cuál",  "cuáles", "cuánto", "cuánta",  "cuántos", "cuántas",
                           "qué"};
    const token& t = cx.p.tokens[i];
    if (!t.is("se") || t.shape == word_shape::upper) return;
    const token* prev = prev_adjacent(cx, i);
    const token* next = next_adjacent(cx, i);
    bool saber = (prev && prev->is("lo")) || (next && next->is("yo")) ||
                 (is(prev, knower) && (clause_end_after(cx, i, true) || is(next, wh))) ||
                 (prev && prev->is("yo") && next && next->is("que"));
    if (saber) emit(cx, i, "sé");
}

// "un te", "el te verde", "del te", "leche con te": the drink. After a preposition the pronoun
// would be "ti" ("para ti"), so "con te", "de te", "sin te" can only be the drink.
void te(rule_context& cx, int i) {
    static const set always = {"un", "del", "al", "de", "con", "sin", "para", "por", "a"};
    static const set det = {"el", "mi", "tu", "su", "este", "ese", "buen", "con"};
    static const set drink_next = {"de", "del", "verde", "negro", "rojo", "blanco", "con", "y",
                                   "frío", "caliente", "helado"};
    const token& t = cx.p.tokens[i];
    if (!t.is("te") || t.shape == word_shape::upper) return;
    const token* prev = prev_adjacent(cx, i);
    if (!prev) return;
    if (is(prev, always) ||
        (is(prev, det) && (clause_end_after(cx, i, true) || is(next_adjacent(cx, i), drink_next))))
        emit(cx, i, "té");
}

// "no hay mas.", "mas de", "es mas grande": the quantity, not the old conjunction.
void mas(rule_context& cx, int i) {
    static const set next_words = {"que", "de", "tarde", "temprano", "bien", "o", "allá",
                                   "adelante", "veces", "aún"};
    static const set prev_words = {"es",    "era",    "fue",    "sea",  "son",   "mucho", "mucha",
                                   "muchos", "muchas", "poco",  "cada", "lo",    "los",   "las",
                                   "el",    "la",     "algo",   "nada", "nadie", "no",    "uno",
                                   "una",   "vez",    "todavía", "tanto", "y",   "qué",   "cuanto"};
    const token& t = cx.p.tokens[i];
    if (!t.is("mas") || t.shape != word_shape::lower) return;
    const token* prev = prev_adjacent(cx, i);
    if (!prev) return;  // "Mas, ...": the conjunction opens a clause
    if (clause_end_after(cx, i, false) || is(next_adjacent(cx, i), next_words) ||
        is(prev, prev_words))
        emit(cx, i, "más");
}

// "Si, me gusta.", "¡Si!", "Oh, si.", "que si, que no": the affirmative.
void si(rule_context& cx, int i) {
    static const set yes_prev = {"que", "pues", "claro", "eso", "oh", "ah", "creo", "dijo"};
    const token& t = cx.p.tokens[i];
    if (!t.is("si") || t.shape == word_shape::upper) return;
    if (clause_end_after(cx, i, false)) {
        emit(cx, i, "sí");
        return;
    }
    int n = cx.p.next_solid(i);
    if (n < 0 || !cx.p.tokens[n].is_punct(U',', cx.p.text)) return;
    const token* prev = prev_adjacent(cx, i);
    int before = cx.p.prev_solid(i);
    bool after_yes_word = before >= 0 && cx.p.tokens[before].kind == token_kind::word
                              ? is(prev, yes_prev)
                              : false;
    if (!starts_sentence(t) && !after_yes_word &&
        !(before >= 0 && cx.p.tokens[before].is_punct(U',', cx.p.text) && before >= 1 &&
          is(word_at(cx, cx.p.prev_solid(before)), yes_prev)))
        return;
    // "Si, por ejemplo, llueve...": a conditional with an aside has a second comma.
    for (int k = n + 1; k < static_cast<int>(cx.p.tokens.size()); ++k) {
        const token& x = cx.p.tokens[k];
        if (x.kind != token_kind::punct) continue;
        char32_t c = cx.p.text[x.begin];
        if (c == U',') return;
        if (c == U'.' || c == U'?' || c == U'!' || c == U';' || c == 0x2026) break;
    }
    emit(cx, i, "sí");
}

const std::unordered_map<std::string_view, std::string_view>& interrogatives() {
    static const std::unordered_map<std::string_view, std::string_view> m = {
        {"que", "qué"},       {"como", "cómo"},       {"donde", "dónde"},
        {"adonde", "adónde"}, {"cuando", "cuándo"},   {"quien", "quién"},
        {"quienes", "quiénes"}, {"cual", "cuál"},     {"cuales", "cuáles"},
        {"cuanto", "cuánto"}, {"cuanta", "cuánta"},   {"cuantos", "cuántos"},
        {"cuantas", "cuántas"}};
    return m;
}

void emit_wh(rule_context& cx, int k, std::string_view accented) {
    std::string repl = cased(cx.p.tokens[k], accented);
    cx.emit_tokens("ES_INTERROGATIVE_ACCENT", k, k, repl, 0.75,
                   "Interrogativo o exclamativo: «" + repl + "».",
                   "Interrogative or exclamative word: '" + repl + "'.");
}

// "¿Que quieres?", "¿Por que no?", "¡Cuanto tiempo!", "¡Que bonito!".
void after_opening_mark(rule_context& cx, int i) {
    static const set preps = {"por", "para", "de", "en", "con", "desde", "hasta", "hacia", "sin"};
    static const set not_como = {"si", "un", "una", "el", "la", "los", "las", "yo", "tú",
                                 "siempre", "antes", "cuando"};
    static const set exclaimed = {"tan",    "más",     "bien",     "mal",     "bonito", "bonita",
                                  "bueno",  "buena",   "suerte",   "pena",    "lástima", "horror",
                                  "asco",   "rico",    "rica",     "guapo",   "guapa",  "hermoso",
                                  "hermosa", "maravilla", "alegría", "vergüenza", "miedo", "frío",
                                  "calor",  "hambre",  "susto",    "casualidad", "barbaridad",
                                  "tontería", "locura", "raro",    "extraño", "gracioso", "grande"};
    const auto& toks = cx.p.tokens;
    const char32_t mark = cx.p.text[toks[i].begin];
    int k = i + 1;
    if (!word_at(cx, k)) return;
    if (is(word_at(cx, k), preps) && k + 2 < static_cast<int>(toks.size()) &&
        toks[k + 1].kind == token_kind::space && word_at(cx, k + 2))
        k += 2;
    const token& w = toks[k];
    if (w.shape == word_shape::upper) return;
    auto it = interrogatives().find(w.lower);
    if (it == interrogatives().end()) return;
    // The closing mark, with no comma on the way (a comma may start a conditional clause).
    const char32_t close = mark == 0xBF ? U'?' : U'!';
    bool closed = false;
    for (int j = k + 1; j < static_cast<int>(toks.size()) && !closed; ++j) {
        if (toks[j].kind != token_kind::punct) continue;
        char32_t c = cx.p.text[toks[j].begin];
        if (c == close) closed = true;
        else if (c == U',' || c == U'.' || c == U';' || c == 0xBF || c == 0xA1) return;
    }
    if (!closed) return;
    const token* next = next_adjacent(cx, k);
    if (w.is("como") && is(next, not_como)) return;
    // "¿Que no había pasiones…?", "¿Que por qué lo dejó?", "¿Que si vengo?": a question that
    // repeats what was said, where "que" introduces the clause and takes no accent.
    static const set echoed = {"no", "si", "por", "cómo", "qué", "quién", "dónde", "cuándo", "cuál"};
    if (w.is("que") && mark == 0xBF && k == i + 1 && is(next, echoed)) return;
    if (mark == 0xA1) {
        // "¡Que te vaya bien!" is a wish; "¡Que suerte!" an exclamation.
        if (w.is("que") || w.is("como") || w.is("donde") || w.is("cuando")) {
            if (!is(next, exclaimed)) return;
        }
    }
    emit_wh(cx, k, it->second);
}

// "no sé que hacer", "me preguntaba que medidas tomar", "no sé como": indirect questions.
void indirect_question(rule_context& cx, int i) {
    static const set not_know = {"sé", "sabe", "sabes", "sabemos", "saben", "sabía", "sabían",
                                 "sabíamos", "saber"};
    static const set ask = {"pregunto", "preguntó", "preguntaba", "preguntaban", "preguntan",
                            "preguntarse", "preguntarme"};
    const token& t = cx.p.tokens[i];
    auto it = interrogatives().find(t.lower);
    if (it == interrogatives().end() || t.shape != word_shape::lower) return;
    const token* prev = prev_adjacent(cx, i);
    if (!prev) return;
    const token* pp = prev_adjacent(cx, i - 2);
    bool frame = is(prev, ask) || (is(prev, not_know) && pp && (pp->is("no") || pp->is("ni")));
    if (!frame) return;
    if (t.is("que") || t.is("como") || t.is("cuando") || t.is("donde")) {
        // "que" needs an infinitive after it ("qué hacer", "qué camino seguir"); "como"
        // must not start a comparison.
        auto infinitive = [&](const token* w) {
            if (!w || w->shape != word_shape::lower || w->lower.size() < 4) return false;
            const std::string& s = w->lower;
            bool ending = s.ends_with("ar") || s.ends_with("er") || s.ends_with("ir");
            return ending && cx.speller->known(s);
        };
        const token* n1 = next_adjacent(cx, i);
        const token* n2 = n1 ? next_adjacent(cx, i + 2) : nullptr;
        if (t.is("que") && !(infinitive(n1) || (n1 && n1->lower.size() > 2 && infinitive(n2))))
            return;
        if (!t.is("que") && !n1) return;
    }
    emit_wh(cx, i, it->second);
}

}  // namespace

void check_monosyllables_es(rule_context& cx) {
    if (!cx.speller) return;
    const auto& toks = cx.p.tokens;
    for (int i = 0; i < static_cast<int>(toks.size()); ++i) {
        const token& t = toks[i];
        if (t.kind == token_kind::punct) {
            char32_t c = cx.p.text[t.begin];
            if (c == 0xBF || c == 0xA1) after_opening_mark(cx, i);
            continue;
        }
        if (t.kind != token_kind::word) continue;
        tu_el(cx, i);
        mi(cx, i);
        se(cx, i);
        te(cx, i);
        mas(cx, i);
        si(cx, i);
        indirect_question(cx, i);
    }
}

}  // namespace galley::engine_detail
