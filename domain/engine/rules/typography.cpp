// Language-independent typography: spaces around punctuation, double spaces, number + unit,
// three periods for an ellipsis.
#include <array>

#include "domain/engine/rules/rules.hpp"

namespace galley::engine_detail {

namespace {

constexpr std::array<std::u32string_view, 22> kUnits = {
    U"kg", U"g",  U"mg", U"km", U"m",   U"cm", U"mm",  U"l",   U"ml",  U"cl",  U"kB",
    U"MB", U"GB", U"TB", U"kW", U"kWh", U"Hz", U"kHz", U"MHz", U"GHz", U"mph", U"kph"};

bool all_plain_spaces(const paragraph_view& p, const token& t) {
    for (std::uint32_t i = t.begin; i < t.end; ++i)
        if (p.text[i] != U' ') return false;
    return true;
}

char32_t at(const paragraph_view& p, std::size_t i) { return i < p.text.size() ? p.text[i] : 0; }

void space_before(rule_context& cx, std::size_t i) {
    const auto& toks = cx.p.tokens;
    const token& sp = toks[i];
    if (i == 0 || i + 1 >= toks.size() || toks[i + 1].kind != token_kind::punct) return;
    if (!all_plain_spaces(cx.p, sp)) return;
    const token& prev = toks[i - 1];
    const char32_t c = cx.p.text[toks[i + 1].begin];
    const char32_t after = at(cx.p, toks[i + 1].end);
    const bool known_language = cx.language != lang::other;  // French spaces before ; : ? !
    bool wrong = false;
    if (c == U',')
        wrong = !(after >= U'0' && after <= U'9');
    else if (c == U'.')
        wrong = after == 0 || after == U' ' || after == U')' || after == 0xBB;
    else if (c == U';')
        wrong = known_language && after != U'-' && after != U')' && after != U'(';
    else if (c == U'?' || c == U'!')
        wrong = known_language;
    else if (c == U':')
        wrong = known_language && !(after >= U'0' && after <= U'9') && after != U')' &&
                after != U'(' && after != U'-';
    else if (c == U')')
        wrong = true;
    else if (c == 0xBB || c == 0x201D)
        wrong = known_language && (after == 0 || after == U' ' || after == U'.' || after == U',');
    if (!wrong) return;
    if (prev.kind == token_kind::punct) {
        char32_t pc = cx.p.text[prev.begin];
        // "( )", ". . .", "— ," and the like are not spacing mistakes of this kind.
        if (pc == U'(' || pc == c || pc == U',' || pc == U';' || pc == U':' || pc == 0x2014 ||
            pc == 0x2013 || pc == U'-' || pc == U'.' || pc == 0x2026 || pc == U'*')
            return;
    }
    std::string repl(cx.p.slice(toks[i + 1].begin, toks[i + 1].end));
    cx.emit("SPACE_BEFORE_PUNCT", sp.begin, toks[i + 1].end, repl, 0.9,
            "Sobra el espacio antes de «" + repl + "».", "No space before \"" + repl + "\".");
}

void space_after_opening(rule_context& cx, std::size_t i) {
    const auto& toks = cx.p.tokens;
    const char32_t c = cx.p.text[toks[i].begin];
    bool opening = c == U'(' || c == 0x201C;
    if (cx.es()) opening |= c == 0xBF || c == 0xA1 || c == 0xAB;
    if (cx.en()) opening |= c == 0xAB;
    if (!opening || i + 2 >= toks.size() || toks[i + 1].kind != token_kind::space) return;
    if (!all_plain_spaces(cx.p, toks[i + 1]) || toks[i + 2].kind != token_kind::word) return;
    std::string repl = cx.p.slice(toks[i].begin, toks[i].end);
    cx.emit("SPACE_AFTER_OPENING", toks[i].begin, toks[i + 1].end, repl, 0.85,
            "Sobra el espacio después de «" + repl + "».", "No space after \"" + repl + "\".");
}

void missing_space_after(rule_context& cx, std::size_t i) {
    const auto& toks = cx.p.tokens;
    if (i == 0 || i + 1 >= toks.size()) return;
    const token& prev = toks[i - 1];
    const token& next = toks[i + 1];
    const char32_t c = cx.p.text[toks[i].begin];
    if (prev.kind != token_kind::word) return;
    bool wrong = false;
    if (c == U',' || c == U';') {
        wrong = next.kind == token_kind::word;
    } else if (c == U'?' || c == U'!') {
        wrong = next.kind == token_kind::word ||
                (cx.es() && next.kind == token_kind::punct &&
                 (cx.p.text[next.begin] == 0xBF || cx.p.text[next.begin] == 0xA1));
    } else if (c == U'.') {
        // "casa.Luego", "Ven.Como", "frase.Y otra": a word of 2+ letters (lower case, or
        // capitalised as a one-word sentence), then a capitalised word or a one-letter
        // conjunction or preposition before a space. Initials ("J.R.") stay as they are.
        const bool prev_ok = (prev.shape == word_shape::lower ||
                              (prev.shape == word_shape::capitalized && prev.starts != boundary::none)) &&
                             prev.end - prev.begin >= 2;
        const bool one_letter_word =
            next.end - next.begin == 1 && std::u32string_view(U"YAOEU").find(cx.p.text[next.begin]) !=
                                              std::u32string_view::npos &&
            i + 2 < toks.size() && toks[i + 2].kind == token_kind::space;
        wrong = next.kind == token_kind::word && next.shape == word_shape::capitalized &&
                (next.end - next.begin >= 2 || one_letter_word) && prev_ok &&
                (i < 2 || !toks[i - 2].is_punct(U'.', cx.p.text));
    }
    if (!wrong) return;
    std::string mark = cx.p.slice(toks[i].begin, toks[i].end);
    cx.emit("MISSING_SPACE_AFTER_PUNCT", toks[i].begin, toks[i].end, mark + " ", 0.85,
            "Falta un espacio después de «" + mark + "».", "Missing space after \"" + mark + "\".");
}

void double_space(rule_context& cx, std::size_t i) {
    const auto& toks = cx.p.tokens;
    const token& t = toks[i];
    if (i == 0 || i + 1 >= toks.size() || t.end - t.begin < 2 || !all_plain_spaces(cx.p, t)) return;
    cx.emit("DOUBLE_SPACE", t.begin, t.end, std::string(" "), 0.85, "Sobran espacios: basta uno.",
            "Extra spaces: one is enough.");
}

void number_unit(rule_context& cx, std::size_t i) {
    const auto& toks = cx.p.tokens;
    if (i + 1 >= toks.size() || toks[i + 1].kind != token_kind::word) return;
    const token& num = toks[i];
    const token& unit = toks[i + 1];
    if (i > 0 && toks[i - 1].kind != token_kind::space && !toks[i - 1].is_punct(U'(', cx.p.text))
        return;
    if (i + 2 < toks.size() && toks[i + 2].kind == token_kind::punct &&
        (cx.p.text[toks[i + 2].begin] == U'-' || cx.p.text[toks[i + 2].begin] == U'\''))
        return;
    std::u32string_view u(cx.p.text.data() + unit.begin, unit.end - unit.begin);
    bool is_unit = false;
    for (auto k : kUnits) is_unit |= k == u;
    if (!is_unit) return;
    std::string repl = num.text + " " + unit.text;
    cx.emit("NUMBER_UNIT_SPACE", num.begin, unit.end, repl, 0.8,
            "Entre la cifra y la unidad va un espacio.", "Put a space between number and unit.");
}

void ellipsis(rule_context& cx, std::size_t i) {
    const auto& toks = cx.p.tokens;
    auto dot = [&](std::size_t k) { return k < toks.size() && toks[k].is_punct(U'.', cx.p.text); };
    if (!cx.es()) return;  // English style guides accept three periods
    if (!dot(i) || !dot(i + 1) || !dot(i + 2) || dot(i + 3) || (i > 0 && dot(i - 1))) return;
    cx.emit("ELLIPSIS", toks[i].begin, toks[i + 2].end, std::string("\xE2\x80\xA6"), 0.6,
            "Use el carácter de puntos suspensivos (…).", "Use the ellipsis character (…).");
}

}  // namespace

void check_typography(rule_context& cx) {
    const auto& toks = cx.p.tokens;
    for (std::size_t i = 0; i < toks.size(); ++i) {
        switch (toks[i].kind) {
            case token_kind::space:
                space_before(cx, i);
                double_space(cx, i);
                break;
            case token_kind::punct:
                space_after_opening(cx, i);
                missing_space_after(cx, i);
                ellipsis(cx, i);
                break;
            case token_kind::number:
                number_unit(cx, i);
                break;
            default:
                break;
        }
    }
}

}  // namespace galley::engine_detail
