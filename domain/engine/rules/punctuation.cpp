// Punctuation: Spanish opening ¿ ¡, "?." , unbalanced brackets and quotes, a comma after a
// sentence-opening discourse marker, and no comma before the "y" that closes a simple list.
#include <array>
#include <vector>

#include "domain/engine/rules/rules.hpp"

namespace galley::engine_detail {

namespace {

char32_t ch(const rule_context& cx, const token& t) { return cx.p.text[t.begin]; }

bool is_opening_mark(char32_t c) {
    return c == U'"' || c == 0x201C || c == 0xAB || c == U'(' || c == 0x2014 || c == 0x2013 ||
           c == U'-' || c == U'\'' || c == 0x2018;
}

bool interrogative(const token& t) {
    static const std::array<std::string_view, 16> words = {
        "qué", "cómo", "dónde", "adónde", "cuándo", "quién", "quiénes", "cuál", "cuáles",
        "cuánto", "cuánta", "cuántos", "cuántas", "por", "acaso", "verdad"};
    for (std::string_view w : words)
        if (t.lower == w) return true;
    return false;
}

// Where a question or exclamation that follows a clause break starts: at an interrogative word
// after the last break ("Si lo sabes, por qué no lo dices?", "pero qué sucede?"), at the
// sentence's first word when what follows the break is a short tag or vocative ("—Bravo,
// paisano!"), or nowhere we can tell (-1).
int clause_start(const rule_context& cx, int first_word, int last, bool question) {
    const auto& toks = cx.p.tokens;
    int after_break = -1;
    bool comma_break = false;  // the last break is a comma (a vocative or tag may follow)
    for (int k = first_word; k < last; ++k)
        if (toks[k].kind == token_kind::punct) {
            char32_t c = ch(cx, toks[k]);
            if (c == U',' || c == U';' || c == U':' || c == 0x2014) {
                after_break = k + 1;
                comma_break = c == U',' || c == 0x2014;
            }
        }
    std::vector<int> words;
    for (int k = after_break; k >= 0 && k < last; ++k)
        if (toks[k].kind == token_kind::word) words.push_back(k);
    if (words.empty()) return -1;
    // "por qué" counts only as a pair; "y", "pero", "o", "pues" may precede the question.
    std::size_t w = 0;
    if (words.size() > 1 && (toks[words[0]].is("pero") || toks[words[0]].is("y") ||
                             toks[words[0]].is("o") || toks[words[0]].is("pues") ||
                             toks[words[0]].is("entonces") || toks[words[0]].is("e")))
        w = 1;
    const token& lead = toks[words[w]];
    bool asks = interrogative(lead) && (!lead.is("por") || (w + 1 < words.size() &&
                                                             toks[words[w + 1]].is("qué")));
    if (asks && (question || !lead.is("por"))) return words[w];
    // A question after a clause with a verb of its own ("Si no llueve, ¿vienes mañana?");
    // an exclamation, or a tail without a verb (a vocative: "—Bravo, paisano!"), spans the
    // whole sentence.
    bool tail_has_verb = false;
    for (std::size_t k = w; k < words.size(); ++k) {
        const reading* r = cx.best(words[k]);
        tail_has_verb |= r && r->verb() && r->tense != "inf" && r->tense != "pp" && r->tense != "ger";
    }
    if (question && tail_has_verb && after_break > first_word) return words[w];
    // After a colon or semicolon a short tail is a label or a list, not a vocative.
    if (!comma_break) return -1;
    if (words.size() <= 3 && !tail_has_verb) return first_word;
    if (!question && words.size() <= 3) return first_word;
    return -1;
}

void opening_marks(rule_context& cx, const sentence_span& s) {
    const auto& toks = cx.p.tokens;
    int last = static_cast<int>(s.last_token) - 1;
    while (last >= static_cast<int>(s.first_token) &&
           (toks[last].kind == token_kind::space ||
            (toks[last].kind == token_kind::punct &&
             (ch(cx, toks[last]) == U'"' || ch(cx, toks[last]) == 0xBB ||
              ch(cx, toks[last]) == 0x201D || ch(cx, toks[last]) == U')'))))
        --last;
    if (last < static_cast<int>(s.first_token) || toks[last].kind != token_kind::punct) return;
    const char32_t end = ch(cx, toks[last]);
    if (end != U'?' && end != U'!') return;
    const bool question = end == U'?';
    const char32_t opener = question ? 0xBF : 0xA1;
    int first_word = -1;
    bool clause_break = false;
    for (int k = static_cast<int>(s.first_token); k < last; ++k) {
        const token& t = toks[k];
        if (t.kind == token_kind::punct) {
            char32_t c = ch(cx, t);
            if (c == opener || c == 0xBF || c == 0xA1) return;  // already opened (or mixed ¿…!)
            if (c == U',' || c == U';' || c == U':' || c == 0x2014 || c == U'"' || c == 0xAB)
                clause_break |= first_word >= 0;
            if (first_word < 0 && !is_opening_mark(c)) return;  // starts with something odd
        } else if (t.kind == token_kind::word && first_word < 0) {
            first_word = k;
        } else if (t.kind != token_kind::space && first_word < 0) {
            return;
        }
    }
    if (first_word < 0 || toks[first_word].starts == boundary::none) return;
    const char* rule = question ? "ES_OPENING_QUESTION" : "ES_OPENING_EXCLAMATION";
    const char* es_msg = question ? "Falta el signo de apertura de interrogación (¿)."
                                  : "Falta el signo de apertura de exclamación (¡).";
    const char* en_msg =
        question ? "Missing opening question mark (¿)." : "Missing opening exclamation mark (¡).";
    int at = first_word;
    if (clause_break) at = clause_start(cx, first_word, last, question);
    if (at < 0 || (!clause_break && s.words > 15 && !interrogative(toks[first_word]))) {
        // A long sentence whose question may start anywhere: say so, but do not guess where.
        cx.emit_tokens(rule, last, last, std::nullopt, 0.35, es_msg, en_msg);
        return;
    }
    std::string repl =
        (question ? std::string("\xC2\xBF") : std::string("\xC2\xA1")) + toks[at].text;
    cx.emit_tokens(rule, at, at, repl, 0.75, es_msg, en_msg);
}

void period_after_mark(rule_context& cx, std::size_t i) {
    const auto& toks = cx.p.tokens;
    if (i + 1 >= toks.size() || !toks[i + 1].is_punct(U'.', cx.p.text)) return;
    if (i + 2 < toks.size() && toks[i + 2].kind == token_kind::punct &&
        (ch(cx, toks[i + 2]) == U'.' || ch(cx, toks[i + 2]) == U'?' || ch(cx, toks[i + 2]) == U'!'))
        return;
    std::string mark = cx.p.slice(toks[i].begin, toks[i].end);
    cx.emit("PERIOD_AFTER_QUESTION", toks[i].begin, toks[i + 1].end, mark, 0.85,
            "No se pone punto después de «" + mark + "».", "No period after \"" + mark + "\".");
}

void brackets_and_quotes(rule_context& cx) {
    const auto& toks = cx.p.tokens;
    std::vector<std::size_t> open;
    int first = cx.p.next_solid(-1);
    for (std::size_t i = 0; i < toks.size(); ++i) {
        if (toks[i].kind != token_kind::punct) continue;
        char32_t c = ch(cx, toks[i]);
        if (c == U'(' || c == U'[') {
            open.push_back(i);
        } else if (c == U')' || c == U']') {
            char32_t want = c == U')' ? U'(' : U'[';
            if (!open.empty() && ch(cx, toks[open.back()]) == want) {
                open.pop_back();
                continue;
            }
            // "a)", "1)", "iii)" list markers.
            if (static_cast<int>(i) == first + 1) continue;
            if (i >= 1 &&
                (toks[i - 1].kind == token_kind::number ||
                 (toks[i - 1].kind == token_kind::word &&
                  toks[i - 1].end - toks[i - 1].begin <= 3)) &&
                (i < 2 || toks[i - 2].kind == token_kind::space))
                continue;
            cx.emit_tokens("UNBALANCED_BRACKET", static_cast<int>(i), static_cast<int>(i),
                           std::nullopt, 0.35, "Paréntesis de cierre sin apertura.",
                           "Closing bracket without an opening one.");
        }
    }
    for (std::size_t k : open)
        cx.emit_tokens("UNBALANCED_BRACKET", static_cast<int>(k), static_cast<int>(k), std::nullopt,
                       0.35, "Paréntesis sin cerrar.", "Bracket never closed.");
    // Straight double quotes: an odd count. Angle and curly quotes may legitimately stay open
    // across paragraphs (continued quotations), so only a stray closing one is noted.
    std::vector<std::size_t> straight;
    int angle = 0, curly = 0;
    for (std::size_t i = 0; i < toks.size(); ++i) {
        if (toks[i].kind != token_kind::punct) continue;
        char32_t c = ch(cx, toks[i]);
        if (c == U'"') straight.push_back(i);
        int* depth =
            c == 0xAB || c == 0xBB ? &angle : (c == 0x201C || c == 0x201D ? &curly : nullptr);
        if (!depth) continue;
        if (c == 0xAB || c == 0x201C) {
            ++*depth;
        } else if (*depth > 0) {
            --*depth;
        } else if (static_cast<int>(i) != first) {
            cx.emit_tokens("UNBALANCED_QUOTE", static_cast<int>(i), static_cast<int>(i),
                           std::nullopt, 0.3, "Comilla de cierre sin apertura.",
                           "Closing quotation mark without an opening one.");
        }
    }
    if (straight.size() % 2 == 1)
        cx.emit_tokens("UNBALANCED_QUOTE", static_cast<int>(straight.back()),
                       static_cast<int>(straight.back()), std::nullopt, 0.3, "Comillas sin pareja.",
                       "Unpaired quotation mark.");
}

struct marker {
    std::array<std::string_view, 4> words;
    std::array<std::string_view, 12> not_before;  // words after which no comma is expected
};

const std::vector<marker>& markers(lang l) {
    static const std::vector<marker> es = {
        {{"sin", "embargo"}, {"de"}},
        {{"no", "obstante"},
         {"lo", "la", "el", "los", "las", "su", "sus", "este", "esta", "eso", "ello", "que"}},
        {{"por", "lo", "tanto"}, {}},
        {{"por", "consiguiente"}, {}},
        {{"es", "decir"}, {}},
        {{"en", "primer", "lugar"}, {}},
        {{"en", "segundo", "lugar"}, {}},
        {{"por", "último"}, {}},
        {{"por", "otra", "parte"}, {}},
        {{"por", "el", "contrario"}, {}},
        {{"en", "conclusión"}, {}},
        {{"en", "resumen"}, {}},
        {{"por", "ejemplo"}, {}},
    };
    static const std::vector<marker> en = {
        {{"furthermore"}, {}},
        {{"moreover"}, {}},
        {{"nevertheless"}, {}},
        {{"nonetheless"}, {}},
        {{"consequently"}, {}},
        {{"in", "addition"}, {"to"}},
        {{"on", "the", "other", "hand"}, {}},
        {{"for", "example"}, {}},
        {{"for", "instance"}, {}},
        {{"however"}, {}},
    };
    return l == lang::es ? es : en;
}

// "However" without a comma often means "no matter how" ("However hard he tried"): only a
// following pronoun or determiner makes the missing comma clear.
bool however_needs_comma(std::string_view next) {
    for (std::string_view w : {"there", "this", "these", "in", "at", "on", "for"})
        if (next == w) return true;
    return false;
}

void comma_after_marker(rule_context& cx, std::size_t i) {
    const auto& toks = cx.p.tokens;
    if (toks[i].starts == boundary::none) return;
    for (const marker& m : markers(cx.language)) {
        int last = -1;
        bool match = true;
        for (std::string_view w : m.words) {
            if (w.empty()) break;
            int k = last < 0 ? static_cast<int>(i) : last + 2;
            if (last >= 0 &&
                (last + 1 >= (int)toks.size() || toks[last + 1].kind != token_kind::space)) {
                match = false;
                break;
            }
            if (k >= (int)toks.size() || !toks[k].is(w)) {
                match = false;
                break;
            }
            last = k;
        }
        if (!match || last < 0) continue;
        int next = cx.p.next_solid(last);
        if (next != last + 2 || toks[next].kind != token_kind::word) return;
        for (std::string_view w : m.not_before)
            if (!w.empty() && toks[next].lower == w) return;
        if (m.words[0] == "however" && !however_needs_comma(toks[next].lower)) return;
        cx.emit_tokens(cx.es() ? "ES_COMMA_AFTER_MARKER" : "EN_COMMA_AFTER_MARKER", last, last,
                       toks[last].text + ",", 0.65,
                       "Tras un conector al inicio de la oración va coma.",
                       "Put a comma after an introductory transition.");
        return;
    }
}

// "peras, uvas, y manzanas." -> "peras, uvas y manzanas.": single-word items only.
void serial_comma(rule_context& cx, std::size_t i) {
    const auto& toks = cx.p.tokens;
    auto word = [&](int k) {
        return k >= 0 && k < (int)toks.size() && toks[k].kind == token_kind::word;
    };
    auto comma = [&](int k) {
        return k >= 0 && k < (int)toks.size() && toks[k].is_punct(U',', cx.p.text);
    };
    auto space = [&](int k) {
        return k >= 0 && k < (int)toks.size() && toks[k].kind == token_kind::space;
    };
    int c2 = static_cast<int>(i);
    if (!comma(c2) || !space(c2 + 1) || !word(c2 + 2)) return;
    const token& conj = toks[c2 + 2];
    if (!(conj.is("y") || conj.is("e") || conj.is("o") || conj.is("u"))) return;
    // item3 after the conjunction, then the end of the list.
    if (!space(c2 + 3) || !word(c2 + 4)) return;
    int after = c2 + 5;
    bool list_end =
        after >= (int)toks.size() || (toks[after].kind == token_kind::punct &&
                                      (ch(cx, toks[after]) == U'.' || ch(cx, toks[after]) == U';'));
    if (!list_end) return;
    // item2 and item1 before, each a single word preceded by a comma.
    if (!word(c2 - 1) || !space(c2 - 2) || !comma(c2 - 3) || !word(c2 - 4) || !space(c2 - 5) ||
        !comma(c2 - 6) || !word(c2 - 7))
        return;
    cx.emit_tokens("ES_SERIAL_COMMA", c2, c2, std::string(), 0.6,
                   "En una enumeración simple no va coma antes de la conjunción.",
                   "No comma before the conjunction that closes a simple Spanish list.");
}

}  // namespace

void check_punctuation(rule_context& cx) {
    const auto& toks = cx.p.tokens;
    if (cx.es())
        for (const auto& s : cx.p.sentences) opening_marks(cx, s);
    brackets_and_quotes(cx);
    for (std::size_t i = 0; i < toks.size(); ++i) {
        const token& t = toks[i];
        if (t.kind == token_kind::punct) {
            char32_t c = ch(cx, t);
            if (c == U'?' || c == U'!') period_after_mark(cx, i);
            if (c == U',' && cx.es()) serial_comma(cx, i);
        } else if (t.kind == token_kind::word && cx.language != lang::other) {
            comma_after_marker(cx, i);
        }
    }
}

}  // namespace galley::engine_detail
