// Signs typed with ASCII stand-ins, and English money and decade forms: (TM) → ™, (R) → ®,
// "Copyright (C)" → ©, "75,5 +- 0,1" → ±, "6 x 10" and "5 * 2" → ×, "->" → →, "She´ll" → "She'll"; in
// English "100$" → "$100", "$ 100" → "$100", "the 1990's" → "the 1990s", "Valentines day" →
// "Valentine's Day".
#include <string>

#include "domain/engine/rules/rules.hpp"

namespace galley::engine_detail {

namespace {

bool apostrophe(const rule_context& cx, int k) { return cx.p.punct_at(k, U'\'') || cx.p.punct_at(k, 0x2019); }

void sign(rule_context& cx, int first, int last, const char* repl, const char* es, const char* en) {
    cx.emit("TYPOGRAPHIC_SIGNS", cx.p.tokens[first].begin, cx.p.tokens[last].end, std::string(repl), 0.8, es, en);
}

// Punctuation tokens at i: "(TM)" and "(R)" glued to a word, "(C)" after "Copyright", "+-" or
// "-+" between numbers, "->", and a multiplication "x" or "*" between numbers.
void ascii_signs(rule_context& cx, int i) {
    const auto& toks = cx.p.tokens;
    if (cx.p.punct_at(i, U'(') && cx.p.punct_at(i + 2, U')') && cx.p.kind_at(i + 1, token_kind::word)) {
        const std::string& inner = toks[i + 1].text;
        if (inner == "TM" && i > 0 && toks[i - 1].kind == token_kind::word) {
            sign(cx, i, i + 2, "\u2122", "El símbolo de marca es «™».", "The trademark sign is '™'.");
        } else if (inner == "R" && i > 0 && toks[i - 1].kind == token_kind::word) {
            // Glued to a brand ("Intel(R)"); spaced, it is as often a party ("Kay Hagan (R)").
            sign(cx, i, i + 2, "\u00AE", "El símbolo de marca registrada es «®».", "The registered sign is '®'.");
        } else if (inner == "C" && i >= 2 && toks[i - 2].is("copyright")) {
            sign(cx, i, i + 2, "\u00A9", "El símbolo de copyright es «©».", "The copyright sign is '©'.");
        }
        return;
    }
    const bool number_before = i >= 2 && cx.p.kind_at(i - 1, token_kind::space) && cx.p.kind_at(i - 2, token_kind::number);
    if ((cx.p.punct_at(i, U'+') && cx.p.punct_at(i + 1, U'-')) || (cx.p.punct_at(i, U'-') && cx.p.punct_at(i + 1, U'+'))) {
        if (number_before && cx.p.kind_at(i + 2, token_kind::space) && cx.p.kind_at(i + 3, token_kind::number))
            sign(cx, i, i + 1, "\u00B1", "Más o menos: «±».", "Plus or minus: '±'.");
    } else if (cx.p.punct_at(i, U'-') && cx.p.punct_at(i + 1, U'>') && (i == 0 || cx.p.kind_at(i - 1, token_kind::space)) &&
               cx.p.kind_at(i + 2, token_kind::space)) {
        sign(cx, i, i + 1, "\u2192", "La flecha es «→».", "The arrow is '→'.");
    } else if (cx.p.punct_at(i, U'*') &&
               ((number_before && cx.p.kind_at(i + 1, token_kind::space) && cx.p.kind_at(i + 2, token_kind::number)) ||
                (cx.p.kind_at(i - 1, token_kind::number) && cx.p.kind_at(i + 1, token_kind::number)))) {
        // "5 * 2", "5*2": an asterisk between numbers is a multiplication.
        sign(cx, i, i, "\u00D7", "El signo de multiplicar es «×».", "The multiplication sign is '×'.");
    } else if (cx.p.kind_at(i, token_kind::word) && toks[i].text == "x" && number_before &&
               cx.p.kind_at(i + 1, token_kind::space) && cx.p.kind_at(i + 2, token_kind::number)) {
        sign(cx, i, i, "\u00D7", "El signo de multiplicar es «×».", "The multiplication sign is '×'.");
    }
}

// "She´ll", "couldn´t": an acute accent typed for the apostrophe.
void acute_apostrophe(rule_context& cx, int i) {
    const auto& toks = cx.p.tokens;
    if (!cx.en() || !cx.p.punct_at(i, 0xB4) || !cx.p.kind_at(i - 1, token_kind::word) || !cx.p.kind_at(i + 1, token_kind::word))
        return;
    const std::string& tail = toks[i + 1].lower;
    if (tail != "ll" && tail != "s" && tail != "t" && tail != "re" && tail != "ve" && tail != "d" && tail != "m") return;
    cx.emit("TYPOGRAPHIC_SIGNS", toks[i - 1].begin, toks[i + 1].end, toks[i - 1].text + "'" + toks[i + 1].text, 0.85,
            "", "The apostrophe is ', not the accent ´.");
}

// English money and decades: "100$" → "$100", "$ 100" → "$100", "1990's" → "1990s".
void english_numbers(rule_context& cx, int i) {
    const auto& toks = cx.p.tokens;
    if (!cx.en() || toks[i].kind != token_kind::number) return;
    const std::string& n = toks[i].text;
    if ((cx.p.punct_at(i + 1, U'$') || cx.p.punct_at(i + 1, 0x20AC) || cx.p.punct_at(i + 1, 0xA3)) &&
        (i == 0 || cx.p.kind_at(i - 1, token_kind::space))) {
        std::string symbol = cx.p.slice(toks[i + 1].begin, toks[i + 1].end);
        cx.emit("TYPOGRAPHIC_SIGNS", toks[i].begin, toks[i + 1].end, symbol + n, 0.8, "",
                "In English the currency sign goes before the amount: '" + symbol + n + "'.");
    } else if (i >= 2 && cx.p.punct_at(i - 2, U'$') && cx.p.kind_at(i - 1, token_kind::space) &&
               (i < 3 || !cx.p.kind_at(i - 3, token_kind::number))) {
        cx.emit("TYPOGRAPHIC_SIGNS", toks[i - 2].begin, toks[i].end, "$" + n, 0.8, "", "No space after '$'.");
    } else if ((n.size() == 4 || n.size() == 2) && n.back() == '0' && apostrophe(cx, i + 1) &&
               cx.p.kind_at(i + 2, token_kind::word) && toks[i + 2].text == "s" && i >= 2 &&
               cx.p.kind_at(i - 1, token_kind::space) && cx.p.kind_at(i - 2, token_kind::word) &&
               (toks[i - 2].is("the") || toks[i - 2].is("early") || toks[i - 2].is("late") || toks[i - 2].is("mid") ||
                toks[i - 2].is("those") || toks[i - 2].is("these"))) {
        // "in the 1990's", not a model name ("Alvis 12/70's").
        cx.emit("TYPOGRAPHIC_SIGNS", toks[i].begin, toks[i + 2].end, n + "s", 0.8, "",
                "Decades take no apostrophe: '" + n + "s'.");
    }
}

// "Valentines day" → "Valentine's Day", "New Years' Day" → "New Year's Day".
void holidays(rule_context& cx, int i) {
    const auto& toks = cx.p.tokens;
    if (!cx.en() || toks[i].kind != token_kind::word) return;
    if (toks[i].is("valentines") && cx.p.kind_at(i + 1, token_kind::space) && cx.p.kind_at(i + 2, token_kind::word) && toks[i + 2].is("day")) {
        cx.emit("TYPOGRAPHIC_SIGNS", toks[i].begin, toks[i + 2].end, "Valentine's Day", 0.85, "", "'Valentine's Day'.");
    } else if (toks[i].is("new") && cx.p.kind_at(i + 1, token_kind::space) && cx.p.kind_at(i + 2, token_kind::word) &&
               (toks[i + 2].is("years") || toks[i + 2].is("year's")) && apostrophe(cx, i + 3) &&
               cx.p.kind_at(i + 4, token_kind::space) && cx.p.kind_at(i + 5, token_kind::word) && toks[i + 5].is("day")) {
        cx.emit("TYPOGRAPHIC_SIGNS", toks[i].begin, toks[i + 5].end, "New Year's Day", 0.85, "", "'New Year's Day'.");
    } else if (toks[i].is("new") && toks[i].shape == word_shape::capitalized && cx.p.kind_at(i + 1, token_kind::space) &&
               cx.p.kind_at(i + 2, token_kind::word) && toks[i + 2].is("years") && cx.p.kind_at(i + 3, token_kind::space) && cx.p.kind_at(i + 4, token_kind::word) &&
               (toks[i + 4].is("day") || toks[i + 4].is("eve"))) {
        std::string day = toks[i + 4].is("day") ? "Day" : "Eve";
        cx.emit("TYPOGRAPHIC_SIGNS", toks[i].begin, toks[i + 4].end, "New Year's " + day, 0.85, "",
                "'New Year's " + day + "'.");
    }
}

}  // namespace

void check_typography_signs(rule_context& cx) {
    for (int i = 0; i < static_cast<int>(cx.p.tokens.size()); ++i) {
        ascii_signs(cx, i);
        acute_apostrophe(cx, i);
        english_numbers(cx, i);
        holidays(cx, i);
    }
}

}  // namespace galley::engine_detail
