#include "domain/engine/rules/spelling_known.hpp"

#include "domain/engine/analysis/analyser.hpp"
#include "domain/utf8.hpp"

namespace galley::engine_detail {

bool is_roman(const std::string& lower) {
    return lower.find_first_not_of("ivxlcdm") == std::string::npos;
}

std::string normalise_apostrophes(std::string w) {
    std::size_t at;
    while ((at = w.find("\xE2\x80\x99")) != std::string::npos) w.replace(at, 3, "'");
    return w;
}

std::string strip_accents(const std::string& w) {
    static const std::pair<const char*, const char*> map[] = {{"\xC3\xA1", "a"},
                                                              {"\xC3\xA9", "e"},
                                                              {"\xC3\xAD", "i"},
                                                              {"\xC3\xB3", "o"},
                                                              {"\xC3\xBA", "u"}};
    std::string out = w;
    for (const auto& [from, to] : map) {
        std::size_t at;
        while ((at = out.find(from)) != std::string::npos) out.replace(at, 2, to);
    }
    return out;
}

// es_ES lacks most verb + enclitic forms ("volvióse", "faltarle", "mátale", "dárselo"): accept
// a word whose stem, without one or two pronouns and without the accent they add, is known.
bool known_with_enclitics(spell_session& sp, const std::string& lower) {
    static const char* const pronouns[] = {"les", "los", "las", "nos", "me", "te",
                                           "se",  "le",  "lo",  "la",  "os"};
    std::string stem = lower;
    for (int round = 0; round < 2; ++round) {
        bool cut = false;
        for (const char* p : pronouns) {
            std::string_view pv(p);
            if (stem.size() >= pv.size() + 3 && std::string_view(stem).ends_with(pv)) {
                stem.resize(stem.size() - pv.size());
                cut = true;
                break;
            }
        }
        if (!cut) return false;
        if (sp.known(stem)) return true;
        std::string plain = strip_accents(stem);
        if (plain != stem && sp.known(plain)) return true;
    }
    return false;
}

// Known as a whole, or every hyphen-separated part known, or a known English possessive.
bool accepted(spell_session& sp, word_entry& e, const std::string& lower) {
    if (sp.known_lower(e, lower)) return true;
    if (lower.find('-') != std::string::npos) {
        std::size_t start = 0;
        while (start <= lower.size()) {
            std::size_t dash = lower.find('-', start);
            std::string part = lower.substr(start, dash - start);
            if (!part.empty() && !sp.known(part)) return false;
            if (dash == std::string::npos) break;
            start = dash + 1;
        }
        return true;
    }
    if (sp.language() == lang::es && known_with_enclitics(sp, lower)) return true;
    if (sp.language() == lang::en && lower.size() > 2 &&
        lower.compare(lower.size() - 2, 2, "'s") == 0)
        return sp.known(lower.substr(0, lower.size() - 2));
    return false;
}

// The plural of a noun the analyser knows, which the dictionary lacks ("howlings", "asomos"):
// plurals are productive, and a slip rarely lands on one.
bool plural_of_known_noun(rule_context& cx, const std::string& lower) {
    if (!cx.morphology || lower.size() < 5 || lower.back() != 's') return false;
    auto noun = [&](const std::string& stem) {
        for (const auto& r : cx.morphology->readings_of(stem))
            if (!r.guessed && r.parts.size() == 1 && r.parts.front().pos == "n") return true;
        return false;
    };
    const std::string stem = lower.substr(0, lower.size() - 1);
    if (noun(stem)) return true;
    // An English gerund used as a noun ("the howlings", "sufferings").
    if (cx.en() && stem.size() > 5 && stem.compare(stem.size() - 3, 3, "ing") == 0 &&
        cx.speller->known(stem))
        return true;
    return stem.back() == 'e' && noun(stem.substr(0, stem.size() - 1));
}

// A diminutive, augmentative, pejorative or superlative of a known word ("pilluelos",
// "corralón", "lanzón", "prudentísimo"): the suffixes are productive, so dictionaries list few of them, and a slip rarely
// lands on one.
bool derived_from_known(spell_session& sp, const std::string& lower) {
    static const char* const suffixes[] = {
        "uelos", "uelas", "uelo", "uela", "illos", "illas", "illo", "illa", "itos", "itas",
        "ito",   "ita",   "etes", "etas", "ete",  "eta",  "ones", "onas", "ón",   "ona",
        "azos",  "azas",  "azo",  "aza",  "otes", "otas", "ote",  "ota",
        "\xC3\xADsimos", "\xC3\xADsimas", "\xC3\xADsimo", "\xC3\xADsima"};  // -ísimo
    static const char* const endings[] = {"", "o", "a", "e"};
    for (const char* s : suffixes) {
        std::string_view sv(s);
        if (lower.size() < sv.size() + 3 || !std::string_view(lower).ends_with(sv)) continue;
        const std::string stem = lower.substr(0, lower.size() - sv.size());
        for (const char* e : endings)
            if (sp.known(stem + e)) return true;
        // z is written c before e and i: "tacita" of "taza", "lucecita" of "luz".
        if (stem.size() > 2 && stem.back() == 'c' && (sv[0] == 'i' || sv[0] == 'e') &&
            (sp.known(stem.substr(0, stem.size() - 1) + "za") || sp.known(stem.substr(0, stem.size() - 1) + "zo")))
            return true;
    }
    return false;
}

// A diaeresis kept for the metre of a verse ("fïel", "jüicio"): the word without it is known.
// (The ü of "pingüino" is spelling, and the dictionary knows it.)
bool poetic_diaeresis(spell_session& sp, const std::string& lower) {
    static const std::pair<const char*, const char*> marks[] = {{"\xC3\xAF", "i"}, {"\xC3\xBC", "u"}};
    std::string plain = lower;
    bool changed = false;
    for (const auto& [from, to] : marks) {
        std::size_t at;
        while ((at = plain.find(from)) != std::string::npos) {
            plain.replace(at, 2, to);
            changed = true;
        }
    }
    return changed && sp.known(plain);
}

}  // namespace galley::engine_detail
