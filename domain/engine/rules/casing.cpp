// Capital letters: a sentence starts with one; Spanish days and months are lower case
// mid-sentence; English days and months are capitalised (only the unambiguous names).
#include <string>
#include <unordered_set>

#include "domain/engine/rules/rules.hpp"
#include "domain/engine/speller.hpp"

namespace galley::engine_detail {

namespace {

using set = std::unordered_set<std::string_view>;

bool letters_only(const paragraph_view& p, const token& t) {
    for (std::uint32_t i = t.begin; i < t.end; ++i)
        if (!is_letter(p.text[i])) return false;
    return true;
}

// A paragraph that reads as prose: ends with . ? ! or … (maybe before a closing quote), 4+ words.
bool prose_paragraph(const paragraph_view& p) {
    int last = p.prev_solid(static_cast<int>(p.tokens.size()));
    while (last >= 0 && p.tokens[last].kind == token_kind::punct &&
           (p.text[p.tokens[last].begin] == U'"' || p.text[p.tokens[last].begin] == 0x201D ||
            p.text[p.tokens[last].begin] == 0xBB))
        --last;
    if (last < 0 || p.tokens[last].kind != token_kind::punct) return false;
    char32_t c = p.text[p.tokens[last].begin];
    if (c != U'.' && c != U'?' && c != U'!' && c != 0x2026) return false;
    if (last > 0 && p.tokens[last - 1].is_punct(U'.', p.text)) return false;  // "than..."
    std::size_t words = 0;
    for (const auto& t : p.tokens) words += t.kind == token_kind::word;
    return words >= 4;
}

// Headings and titles capitalise most words: leave their casing alone.
bool title_like(const paragraph_view& p) {
    std::size_t words = 0, capital = 0;
    for (const auto& t : p.tokens)
        if (t.kind == token_kind::word && t.end - t.begin > 3) {
            ++words;
            capital += t.shape == word_shape::capitalized || t.shape == word_shape::upper;
        }
    if (words == 0) return false;
    return (!prose_paragraph(p) && capital * 10 >= words * 6) ||
           (words >= 4 && capital * 10 >= words * 8);
}

// The period before token i ends a sentence: it follows a dictionary word or a name, not an
// unknown abbreviation ("mm.", "Av.").
bool after_sentence_word(rule_context& cx, int i) {
    int k = i - 1;
    while (k >= 0 && cx.p.tokens[k].kind != token_kind::word) {
        if (cx.p.tokens[k].kind == token_kind::number || cx.p.tokens[k].kind == token_kind::url)
            return false;
        --k;
    }
    if (k < 0) return false;
    const token& w = cx.p.tokens[k];
    if (w.shape != word_shape::lower && w.shape != word_shape::capitalized) return false;
    if (w.end - w.begin < 2 || w.has_digit) return false;
    // A unit after a number ("40dB.", "25 mm.", "16 Msec.") is an abbreviation.
    if (k > 0 && cx.p.tokens[k - 1].kind == token_kind::number) return false;
    if (k > 1 && cx.p.tokens[k - 1].kind == token_kind::space &&
        cx.p.tokens[k - 2].kind == token_kind::number)
        return false;
    if (w.shape == word_shape::capitalized && w.end - w.begin >= 4 && letters_only(cx.p, w))
        return true;  // a name ("de Ozores.")
    if (cx.speller) return cx.speller->known(w.lower) || cx.speller->known(w.text);
    return w.end - w.begin >= 4;
}

// Only opening marks (dashes, quotes, ¿ ¡, brackets) come before token i in the paragraph.
bool first_word_of_paragraph(const paragraph_view& p, int i) {
    for (int k = 0; k < i; ++k) {
        const token& t = p.tokens[k];
        if (t.kind == token_kind::space) continue;
        if (t.kind != token_kind::punct) return false;
        char32_t c = p.text[t.begin];
        if (c == U'.' || c == 0x2026) return false;  // "...y entonces": a quotation goes on
    }
    return true;
}

void sentence_capital(rule_context& cx, int i) {
    const token& t = cx.p.tokens[i];
    if (t.shape != word_shape::lower || !letters_only(cx.p, t)) return;
    const bool one_letter = t.end - t.begin < 2;
    if (one_letter && !(cx.speller && cx.speller->known(t.lower))) return;
    // "p.", "usuario@", "a)": an abbreviation, an address, a list label.
    if (i + 1 < (int)cx.p.tokens.size() && cx.p.tokens[i + 1].kind == token_kind::punct) {
        char32_t next = cx.p.text[cx.p.tokens[i + 1].begin];
        if (next == U'.' || next == U'@' || next == U')') return;
    }
    if (t.starts == boundary::paragraph) {
        // A paragraph that goes on from one left open (ending in ':' or ','), a list item or a
        // fragment keeps its lower case; prose after a finished paragraph starts a sentence.
        if (cx.continues_previous || !prose_paragraph(cx.p) || !first_word_of_paragraph(cx.p, i))
            return;
        // The first paragraph of a story may be a fragment cut from elsewhere ("con piscina,
        // ascensor."): only two sentences or ten words make it prose that starts a sentence.
        // A dialogue turn ("—pues, con permiso…") is never such a fragment.
        const int lead = cx.p.next_solid(-1);
        const bool dialogue = lead >= 0 && cx.p.tokens[lead].kind == token_kind::punct &&
                              (cx.p.text[cx.p.tokens[lead].begin] == 0x2014 ||
                               cx.p.text[cx.p.tokens[lead].begin] == 0x2015);
        if (cx.first_of_story && !dialogue && cx.p.sentences.size() < 2) {
            std::size_t words = 0;
            for (const auto& s : cx.p.sentences) words += s.words;
            if (words < 10) return;
        }
    } else if (t.starts != boundary::period || one_letter || !after_sentence_word(cx, i)) {
        return;
    }
    cx.emit_tokens("SENTENCE_CAPITAL", i, i, capitalize(t.text), 0.95,
                   "La oración empieza con mayúscula.",
                   "Start the sentence with a capital letter.");
}

void spanish_days_months(rule_context& cx, int i) {
    static const set days = {"lunes",  "martes",  "miércoles", "jueves",  "viernes",
                             "sábado", "domingo", "sábados",   "domingos"};
    static const set months = {"enero",   "febrero",   "marzo",    "abril",      "mayo",
                               "junio",   "julio",     "agosto",   "septiembre", "setiembre",
                               "octubre", "noviembre", "diciembre"};
    static const set before_day = {"el",     "los",  "cada",   "este",  "próximo",
                                   "pasado", "del",  "al",     "hasta", "desde",
                                   "hoy",    "ayer", "mañana", "un",    "todos"};
    static const set before_month = {"en",   "de", "hasta",   "desde",      "del",     "mes",
                                     "para", "a",  "finales", "principios", "mediados"};
    const auto& toks = cx.p.tokens;
    const token& t = toks[i];
    if (t.shape != word_shape::capitalized || t.starts != boundary::none) return;
    const bool day = days.count(t.lower) > 0, month = months.count(t.lower) > 0;
    if (!day && !month) return;
    if (i < 2 || toks[i - 1].kind != token_kind::space || toks[i - 2].kind != token_kind::word)
        return;
    const token& prev = toks[i - 2];
    if (prev.shape != word_shape::lower) return;
    if (day && !before_day.count(prev.lower)) return;
    if (month && !before_month.count(prev.lower)) return;
    if (month && prev.is("de")) {
        // "5 de Mayo" and "el mes de Mayo", but not "Plaza de Mayo" or "Cinco de Mayo".
        if (i < 4 || toks[i - 3].kind != token_kind::space) return;
        const token& pp = toks[i - 4];
        if (!(pp.kind == token_kind::number ||
              (pp.kind == token_kind::word && pp.shape == word_shape::lower)))
            return;
    }
    int n = cx.p.next_solid(i);
    if (n >= 0 && toks[n].kind == token_kind::word) {
        if (toks[n].shape != word_shape::lower) return;          // "Jueves Santo"
        if (toks[n].is("santo") || toks[n].is("santa")) return;  // "Viernes santo": a feast
        int nn = cx.p.next_solid(n);
        if (toks[n].is("de") && nn >= 0 && toks[nn].shape == word_shape::capitalized) return;
    }
    cx.emit_tokens("ES_LOWERCASE_DAYS_MONTHS", i, i, t.lower, 0.75,
                   "Los días y los meses se escriben con minúscula.",
                   "Spanish days and months are lower case.");
}

void english_days_months(rule_context& cx, int i) {
    static const set names = {"monday",    "tuesday",  "wednesday", "thursday", "friday",
                              "saturday",  "sunday",   "mondays",   "tuesdays", "wednesdays",
                              "thursdays", "fridays",  "saturdays", "sundays",  "january",
                              "february",  "april",    "june",      "july",     "september",
                              "october",   "november", "december"};
    const token& t = cx.p.tokens[i];
    if (t.shape != word_shape::lower || !names.count(t.lower)) return;
    int p = cx.p.prev_solid(i);
    if (p >= 0 && cx.p.tokens[p].kind == token_kind::punct &&
        (cx.p.text[cx.p.tokens[p].begin] == U'@' || cx.p.text[cx.p.tokens[p].begin] == U'#' ||
         cx.p.text[cx.p.tokens[p].begin] == U'/'))
        return;
    cx.emit_tokens("EN_CAPITAL_DAYS_MONTHS", i, i, capitalize(t.text), 0.85, "",
                   "Days and months are capitalised in English.");
}

}  // namespace

void check_casing(rule_context& cx) {
    const bool title = title_like(cx.p);
    for (int i = 0; i < static_cast<int>(cx.p.tokens.size()); ++i) {
        if (cx.p.tokens[i].kind != token_kind::word) continue;
        if (!title) sentence_capital(cx, i);
        if (cx.es() && !title) spanish_days_months(cx, i);
        if (cx.en()) english_days_months(cx, i);
    }
}

}  // namespace galley::engine_detail
