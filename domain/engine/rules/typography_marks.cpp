// Typography of marks, numbers and abbreviations: a space after a period glued to the next
// sentence ("así.siempre", "así .siempre"), Spanish ordinals ("2do" → "2.º"), unit symbols
// ("5hrs" → "5 h", "100€" → "100 €", "m2" → "m²"), abbreviations without their period
// ("Sr García", "nº 18", "p.ej."), stray box-drawing dashes, four periods and a "¿" or "¡"
// that is never closed.
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "domain/engine/rules/rules.hpp"
#include "domain/engine/speller.hpp"

namespace galley::engine_detail {

namespace {

using set = std::unordered_set<std::string_view>;

char32_t ch(const rule_context& cx, int k) {
    return k >= 0 && k < static_cast<int>(cx.p.tokens.size()) ? cx.p.text[cx.p.tokens[k].begin]
                                                               : 0;
}
const set kExtensions = {"com", "org", "net", "txt", "pdf", "doc", "docx", "html", "htm",
                         "jpg", "png", "gif", "exe", "zip", "csv", "xml", "json", "php",
                         "js",  "py",  "cpp", "mp3", "mp4", "info", "gov", "edu", "es",
                         "io",  "uk",  "de",  "fr",  "mx",  "ar",  "co",  "xls", "xlsx",
                         "rar", "odt", "ppt", "jpeg", "svg", "wav", "avi", "mov", "net"};

bool sentence_mark(char32_t c) { return c == U'.' || c == U'?' || c == U'!' || c == 0x2026; }

void emit_space(rule_context& cx, std::uint32_t begin, std::uint32_t end, std::string repl) {
    cx.emit("MISSING_SPACE_AFTER_PUNCT", begin, end, repl, 0.92,
            "Falta un espacio después del punto: «" + repl + "».",
            "Missing space after the full stop: \"" + repl + "\".");
}

// "así.siempre" is read as a file name by the tokenizer: two dictionary words joined by a
// period are a missing space, unless the second is a known extension or domain.
void glued_sentence(rule_context& cx, int i) {
    const token& t = cx.p.tokens[i];
    if (!cx.speller) return;
    std::size_t dot = t.text.find('.');
    if (dot == std::string::npos || t.text.find('.', dot + 1) != std::string::npos) return;
    std::string left = t.text.substr(0, dot), right = t.text.substr(dot + 1);
    for (char c : t.text)
        if ((c >= '0' && c <= '9') || c == '/' || c == '@' || c == ':' || c == '_') return;
    if (left.size() < 2 || right.size() < 3 || kExtensions.count(to_lower(right))) return;
    if (!cx.speller->known(to_lower(left)) && !cx.speller->known(left)) return;
    if (!cx.speller->known(to_lower(right))) return;
    // Offsets are code points: find the period in the text itself.
    std::uint32_t period = t.begin;
    while (period < t.end && cx.p.text[period] != U'.') ++period;
    emit_space(cx, period, t.end, ". " + capitalize(right));
}

// "así .siempre", "Ven .¿Como": a space before the mark instead of after it.
void space_on_wrong_side(rule_context& cx, int i) {
    const auto& toks = cx.p.tokens;
    if (!cx.p.kind_at(i - 1, token_kind::word) || !cx.p.kind_at(i, token_kind::space)) return;
    const char32_t c = ch(cx, i + 1);
    if (!cx.p.kind_at(i + 1, token_kind::punct) || !sentence_mark(c)) return;
    if (cx.p.text[toks[i].begin] != U' ' || toks[i].end - toks[i].begin != 1) return;
    const bool word = cx.p.kind_at(i + 2, token_kind::word);
    const bool opener = cx.p.kind_at(i + 2, token_kind::punct) && (ch(cx, i + 2) == 0xBF || ch(cx, i + 2) == 0xA1);
    if (!word && !opener) return;
    if (word && (toks[i + 2].shape == word_shape::upper || kExtensions.count(toks[i + 2].lower) ||
                 (c == U'.' && (!cx.speller || !cx.speller->known(toks[i + 2].lower)))))
        return;  // ".doc", ".NET": a file extension or a name
    std::string mark = cx.p.slice(toks[i + 1].begin, toks[i + 1].end);
    std::string next = word ? toks[i + 2].text : cx.p.slice(toks[i + 2].begin, toks[i + 2].end);
    if (word && c != 0x2026) next = capitalize(next);
    cx.emit("MISSING_SPACE_AFTER_PUNCT", toks[i].begin, toks[i + 2].end, mark + " " + next, 0.92,
            "El espacio va después de «" + mark + "».", "The space goes after \"" + mark + "\".");
}

// "Ven.¿Como", "así…Siempre", "así...Siempre": glued marks the basic rule does not see.
void glued_after_mark(rule_context& cx, int i) {
    const auto& toks = cx.p.tokens;
    if (!cx.p.kind_at(i - 1, token_kind::word)) return;
    const char32_t c = ch(cx, i);
    int last = i;
    if (c == U'.' && ch(cx, i + 1) == U'.' && ch(cx, i + 2) == U'.' && ch(cx, i + 3) != U'.')
        last = i + 2;
    else if (c != 0x2026 && c != U'.')
        return;
    const bool opener = ch(cx, last + 1) == 0xBF || ch(cx, last + 1) == 0xA1;
    const bool word = cx.p.kind_at(last + 1, token_kind::word);
    if (c == U'.' && last == i) {
        if (!opener) return;  // ".Luego" is typography.cpp's; ".siempre" is a file-name token
    } else if (!word && !opener) {
        return;
    }
    std::string marks = cx.p.slice(toks[i].begin, toks[last].end);
    std::string next = cx.p.slice(toks[last + 1].begin, toks[last + 1].end);
    emit_space(cx, toks[i].begin, toks[last + 1].end, marks + " " + next);
}

// "2do" → "2.º", "5ta." → "5.ª", "1er" → "1.er" (Spanish ordinal abbreviations).
void ordinal(rule_context& cx, int i) {
    static const std::unordered_map<std::string_view, std::string_view> suffix = {
        {"do", ".º"}, {"ro", ".º"}, {"to", ".º"}, {"vo", ".º"}, {"no", ".º"}, {"mo", ".º"},
        {"da", ".ª"}, {"ra", ".ª"}, {"ta", ".ª"}, {"va", ".ª"}, {"na", ".ª"}, {"ma", ".ª"},
        {"er", ".er"}, {"r", ".er"}, {"ero", ".º"}};
    const auto& toks = cx.p.tokens;
    if (!cx.es() || !cx.p.kind_at(i + 1, token_kind::word)) return;
    const token& num = toks[i];
    if (num.end - num.begin > 3 || (i > 0 && !cx.p.kind_at(i - 1, token_kind::space))) return;
    for (std::uint32_t k = num.begin; k < num.end; ++k)
        if (cx.p.text[k] < U'0' || cx.p.text[k] > U'9') return;
    auto it = suffix.find(toks[i + 1].lower);
    if (it == suffix.end() || toks[i + 1].shape != word_shape::lower) return;
    if (it->second == ".er" && num.text != "1" && !num.text.ends_with("1") &&
        !num.text.ends_with("3"))
        return;
    int end = i + 1;
    // "2do. caso": the abbreviation's own period goes; a sentence's last period stays.
    if (ch(cx, i + 2) == U'.' && cx.p.kind_at(i + 3, token_kind::space) &&
        cx.p.kind_at(i + 4, token_kind::word) && toks[i + 4].shape == word_shape::lower)
        end = i + 2;
    if (!(end == i + 2 || i + 2 >= static_cast<int>(toks.size()) ||
          !cx.p.kind_at(i + 2, token_kind::word)))
        return;
    std::string repl = num.text + std::string(it->second);
    cx.emit("ES_ORDINAL_ABBREVIATION", num.begin, toks[end].end, repl, 0.85,
            "Abreviatura de ordinal: «" + repl + "».", "Spanish ordinal: \"" + repl + "\".");
}

// "5hrs" → "5 h", "5 grs." → "5 g", "100€" → "100 €", "30 km2" → "30 km²".
void unit_symbol(rule_context& cx, int i) {
    static const std::unordered_map<std::string_view, std::string_view> symbols = {
        {"hrs", "h"}, {"hs", "h"}, {"hr", "h"}, {"grs", "g"}, {"gr", "g"}, {"mts", "m"},
        {"kms", "km"}, {"seg", "s"}, {"segs", "s"}, {"mins", "min"}};
    static const std::unordered_map<std::string_view, std::string_view> powers = {
        {"m2", "m²"}, {"m3", "m³"}, {"km2", "km²"}, {"cm2", "cm²"}, {"cm3", "cm³"},
        {"mm2", "mm²"}, {"dm3", "dm³"}};
    const auto& toks = cx.p.tokens;
    const token& num = toks[i];
    if (i > 0 && !cx.p.kind_at(i - 1, token_kind::space) && ch(cx, i - 1) != U'(') return;
    const bool glued = cx.p.kind_at(i + 1, token_kind::word) || cx.p.kind_at(i + 1, token_kind::punct);
    const int u = glued ? i + 1 : i + 2;
    if (!glued && (!cx.p.kind_at(i + 1, token_kind::space) || toks[i + 1].end - toks[i + 1].begin != 1))
        return;
    if (u >= static_cast<int>(toks.size())) return;
    const token& unit = toks[u];
    std::string repl;
    int end = u;
    if (cx.es() && unit.kind == token_kind::punct && ch(cx, u) == 0x20AC && glued) {
        repl = num.text + " €";
    } else if (unit.kind == token_kind::word) {
        auto s = symbols.find(unit.lower);
        auto p = powers.find(unit.text);
        if (s != symbols.end() && cx.es()) {
            repl = num.text + " " + std::string(s->second);
            if (ch(cx, u + 1) == U'.' && cx.p.kind_at(u + 2, token_kind::space) &&
                cx.p.kind_at(u + 3, token_kind::word) && toks[u + 3].shape == word_shape::lower)
                end = u + 1;
        } else if (p != powers.end() && !glued && cx.es()) {
            repl = num.text + " " + std::string(p->second);
        } else if (p != powers.end() && glued && cx.es()) {
            repl = num.text + " " + unit.text;  // the space first; the power on a later pass
        }
        if (cx.p.kind_at(u + 1, token_kind::word) || cx.p.kind_at(u + 1, token_kind::number)) return;
    }
    if (repl.empty()) return;
    cx.emit("UNIT_SYMBOL", num.begin, toks[end].end, repl, 0.82,
            "Símbolo de unidad: «" + repl + "».", "Unit symbol: \"" + repl + "\".");
}

// "25°C" → "25 °C", "1ºC" → "1 °C", "1 ºC" → "1 °C": a space before the degree sign, and
// the degree sign (U+00B0), not the masculine ordinal (U+00BA), in temperatures.
void degrees(rule_context& cx, int i) {
    const auto& toks = cx.p.tokens;
    const token& num = toks[i];
    auto scale = [](std::string_view s) { return s == "C" || s == "F"; };
    // English style keeps number and unit together with a no-break space; Spanish writes a space.
    const std::string gap = cx.en() ? "\u00A0" : " ";
    std::string repl;
    int end = i;
    if (ch(cx, i + 1) == 0xB0 && cx.p.kind_at(i + 1, token_kind::punct) && cx.p.kind_at(i + 2, token_kind::word) &&
        scale(toks[i + 2].text)) {
        repl = num.text + gap + "\u00B0" + toks[i + 2].text;
        end = i + 2;
    } else if (cx.p.kind_at(i + 1, token_kind::word) && toks[i + 1].text.starts_with("\u00BA") &&
               scale(std::string_view(toks[i + 1].text).substr(2))) {
        repl = num.text + gap + "\u00B0" + toks[i + 1].text.substr(2);
        end = i + 1;
    } else if (cx.es() && ch(cx, i + 1) == 0xB0 && cx.p.kind_at(i + 1, token_kind::punct) &&
               cx.p.kind_at(i + 2, token_kind::space) && cx.p.kind_at(i + 3, token_kind::word) &&
               toks[i + 3].shape == word_shape::lower && num.end - num.begin <= 3 && i >= 2 &&
               cx.p.kind_at(i - 1, token_kind::space) && cx.p.kind_at(i - 2, token_kind::word) &&
               std::string_view("|el|la|los|las|del|al|su|sus|mi|tu|este|esta|cada|")
                       .find("|" + toks[i - 2].lower + "|") != std::string_view::npos) {
        // "el 9° clasificado": the degree sign typed for the ordinal indicator ("hacía 9° en la
        // sierra" is a temperature: only after a determiner is it an ordinal).
        cx.emit("ES_ORDINAL_ABBREVIATION", num.begin, toks[i + 1].end, num.text + ".\u00BA", 0.8,
                "El ordinal se escribe «" + num.text + ".º».", "The ordinal is written '" + num.text + ".º'.");
        return;
    } else if (cx.p.kind_at(i + 1, token_kind::space) && cx.p.kind_at(i + 2, token_kind::word) &&
               toks[i + 2].text.starts_with("\u00BA") && scale(std::string_view(toks[i + 2].text).substr(2))) {
        cx.emit("UNIT_SYMBOL", toks[i + 2].begin, toks[i + 2].end, "\u00B0" + toks[i + 2].text.substr(2), 0.85,
                "Los grados se escriben con «°», no con «º».", "Degrees take the degree sign '°'.");
        return;
    }
    if (repl.empty() || cx.p.kind_at(end + 1, token_kind::word) || cx.p.kind_at(end + 1, token_kind::number)) return;
    cx.emit("UNIT_SYMBOL", num.begin, toks[end].end, repl, 0.85, "Símbolo de unidad: «" + repl + "».",
            "Unit symbol: \"" + repl + "\".");
}

// "Sr García" → "Sr. García", "nº 18" → "n.º 18", "etc" at the end → "etc.", "p.ej." →
// "p. ej.", "s XVIII" → "s. XVIII".
void abbreviation(rule_context& cx, int i) {
    static const set titles = {"sr", "sra", "srta", "dr", "dra", "av", "avda", "mr", "mrs"};
    const auto& toks = cx.p.tokens;
    const token& t = toks[i];
    std::string repl;
    int end = i;
    const bool space_after = cx.p.kind_at(i + 1, token_kind::space);
    // British English writes "Mr Darcy" and "Dr Watson"; Spanish always "Sr." and "Dr.".
    if (cx.es() && titles.count(t.lower) && t.shape == word_shape::capitalized && space_after &&
        cx.p.kind_at(i + 2, token_kind::word) && toks[i + 2].shape == word_shape::capitalized) {
        repl = t.text + ".";
    } else if (cx.es() && (t.text == "nº" || t.text == "Nº") && space_after &&
               cx.p.kind_at(i + 2, token_kind::number)) {
        repl = t.text.substr(0, 1) + ".º";
    } else if (cx.es() && (t.text == "n" || t.text == "N") && ch(cx, i + 1) == 0xB0 &&
               (cx.p.kind_at(i + 2, token_kind::space) || cx.p.kind_at(i + 2, token_kind::number))) {
        repl = t.text + ".º";
        end = i + 1;
        if (cx.p.kind_at(i + 2, token_kind::number)) repl += " ";
    } else if (cx.es() && (t.text.starts_with("nº") || t.text.starts_with("Nº")) && t.has_digit &&
               t.text.size() > 3) {
        std::string digits = t.text.substr(3);  // "º" is two bytes
        if (digits.find_first_not_of("0123456789") != std::string::npos) return;
        repl = t.text.substr(0, 1) + ".º " + digits;
    } else if (t.is("etc") && !cx.p.kind_at(i + 1, token_kind::punct) &&
               (i + 1 >= static_cast<int>(toks.size()) ||
                (space_after && i + 2 >= static_cast<int>(toks.size())))) {
        repl = t.text + ".";
    } else if (cx.es() && (t.text == "s" || t.text == "S") && space_after &&
               cx.p.kind_at(i + 2, token_kind::word) && toks[i + 2].shape == word_shape::upper &&
               toks[i + 2].text.find_first_not_of("IVXLC") == std::string::npos &&
               (i == 0 || (i >= 2 && cx.p.kind_at(i - 2, token_kind::word) && toks[i - 2].shape == word_shape::lower))) {
        repl = (i == 0 ? std::string("S") : t.text) + ".";  // "s XVIII" → "s. XVIII" (siglo)
    } else if (cx.es() && (t.is("pág") || t.is("págs") || t.is("núm")) && space_after &&
               cx.p.kind_at(i + 2, token_kind::number)) {
        repl = t.text + ".";  // "núm 25" → "núm. 25"
    } else if (cx.es() && (t.is("pag") || t.is("num")) && space_after &&
               cx.p.kind_at(i + 2, token_kind::number)) {
        repl = t.is("pag") ? "pág." : "núm.";
        if (t.shape == word_shape::capitalized) repl = capitalize(repl);
    } else if (cx.es() && (t.is("pag") || t.is("num")) && ch(cx, i + 1) == U'.' &&
               cx.p.kind_at(i + 2, token_kind::space) && cx.p.kind_at(i + 3, token_kind::number)) {
        repl = t.is("pag") ? "pág." : "núm.";
        end = i + 1;
    }
    if (repl.empty()) return;
    cx.emit("ABBREVIATION_PERIOD", t.begin, toks[end].end, repl, 0.8,
            "Abreviatura: «" + repl + "».", "Abbreviation: \"" + repl + "\".");
}

// "p.ej.", "P.ej." (one file-name-like token): "p. ej.".
void por_ejemplo(rule_context& cx, int i) {
    const token& t = cx.p.tokens[i];
    if (!cx.es()) return;
    std::string lower = to_lower(t.text);
    if (lower != "p.ej") return;
    int end = i;
    if (ch(cx, i + 1) == U'.') end = i + 1;
    std::string repl = t.text.substr(0, 1) + ". ej.";
    cx.emit("ABBREVIATION_PERIOD", t.begin, cx.p.tokens[end].end, repl, 0.85,
            "Abreviatura: «" + repl + "».", "Abbreviation: \"" + repl + "\".");
}

// "─" (box drawing) or "ㅡ" (Hangul) used as a dash; "...." for an ellipsis.
void odd_marks(rule_context& cx, int i) {
    const char32_t c = ch(cx, i);
    if (c == 0x2500 || c == 0x3161) {
        cx.emit("WRONG_DASH", cx.p.tokens[i].begin, cx.p.tokens[i].end, std::string("—"), 0.85,
                "Use la raya (—).", "Use an em dash (—).");
        return;
    }
    if (!cx.es() || c != U'.' || ch(cx, i - 1) == U'.') return;
    int k = i;
    while (ch(cx, k) == U'.') ++k;
    if (k - i < 4 || k - i > 6) return;
    cx.emit("ES_FOUR_PERIODS", cx.p.tokens[i].begin, cx.p.tokens[k - 1].end, std::string("..."), 0.8,
            "Los puntos suspensivos son tres.", "An ellipsis has three periods.");
}

// "¿Qué es lo que pasa." / "¿Qué es lo que pasa": the question is never closed.
void unclosed_opening(rule_context& cx, int i) {
    if (!cx.es()) return;
    const auto& toks = cx.p.tokens;
    const char32_t open = ch(cx, i);
    const char32_t close = open == 0xBF ? U'?' : U'!';
    int last_word = -1;
    for (int k = i + 1; k < static_cast<int>(toks.size()); ++k) {
        if (toks[k].kind == token_kind::word) last_word = k;
        if (toks[k].kind != token_kind::punct) continue;
        const char32_t c = ch(cx, k);
        if (c == U'?' || c == U'!' || c == 0xBF || c == 0xA1 || c == 0x2026 || c == U'"' ||
            c == 0xBB || c == 0xAB || c == U')' || c == U'(' || c == 0x2014)
            return;
        if (c == U'.') {
            if (cx.p.next_solid(k) >= 0) return;  // "..." or more text after: leave it
            std::string repl(1, static_cast<char>(close));
            cx.emit("ES_UNCLOSED_QUESTION", toks[k].begin, toks[k].end, repl, 0.75,
                    "Falta el signo de cierre.", "The closing mark is missing.");
            return;
        }
    }
    if (last_word < 0 || last_word != cx.p.prev_solid(static_cast<int>(toks.size()))) return;
    std::string repl = toks[last_word].text + std::string(1, static_cast<char>(close));
    cx.emit("ES_UNCLOSED_QUESTION", toks[last_word].begin, toks[last_word].end, repl, 0.7,
            "Falta el signo de cierre.", "The closing mark is missing.");
}

}  // namespace

void check_typography_marks(rule_context& cx) {
    const auto& toks = cx.p.tokens;
    for (int i = 0; i < static_cast<int>(toks.size()); ++i) {
        switch (toks[i].kind) {
            case token_kind::url:
                glued_sentence(cx, i);
                por_ejemplo(cx, i);
                break;
            case token_kind::space:
                space_on_wrong_side(cx, i);
                break;
            case token_kind::punct:
                glued_after_mark(cx, i);
                odd_marks(cx, i);
                if (ch(cx, i) == 0xBF || ch(cx, i) == 0xA1) unclosed_opening(cx, i);
                break;
            case token_kind::number:
                ordinal(cx, i);
                unit_symbol(cx, i);
                degrees(cx, i);
                break;
            case token_kind::word:
                abbreviation(cx, i);
                break;
        }
    }
}

}  // namespace galley::engine_detail
