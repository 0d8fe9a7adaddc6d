// Punctuation: Spanish opening ¿ ¡ (opening_marks_es.cpp), "?." , unbalanced brackets and quotes, a comma after a
// sentence-opening discourse marker, and no comma before the "y" that closes a simple list.
#include <array>
#include <vector>

#include "domain/engine/rules/rules.hpp"

namespace galley::engine_detail {

namespace {

char32_t ch(const rule_context& cx, const token& t) { return cx.p.text[t.begin]; }

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
    if (cx.es()) check_opening_marks_es(cx);
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
