#include "domain/engine/analysis/guesser.hpp"

#include <span>

#include "domain/engine/paragraph_view.hpp"
#include "domain/utf8.hpp"

namespace galley::engine_detail {

namespace {

struct ending {
    std::string_view suffix;
    std::string_view tags;
};

// Longest endings first within each language; tags as the language's analyser writes them.
constexpr ending kSpanish[] = {
    {"mente", "<adv>"},          {"ciones", "<n><f><pl>"},    {"siones", "<n><f><pl>"},
    {"ción", "<n><f><sg>"},      {"sión", "<n><f><sg>"},      {"dades", "<n><f><pl>"},
    {"dad", "<n><f><sg>"},       {"ismos", "<n><m><pl>"},     {"ismo", "<n><m><sg>"},
    {"istas", "<n><mf><pl>"},    {"ista", "<n><mf><sg>"},     {"ados", "<vblex><pp><m><pl>"},
    {"idos", "<vblex><pp><m><pl>"}, {"adas", "<vblex><pp><f><pl>"}, {"idas", "<vblex><pp><f><pl>"},
    {"ado", "<vblex><pp><m><sg>"}, {"ido", "<vblex><pp><m><sg>"}, {"ada", "<vblex><pp><f><sg>"},
    {"ida", "<vblex><pp><f><sg>"}, {"ando", "<vblex><ger>"},  {"iendo", "<vblex><ger>"},
    {"osos", "<adj><m><pl>"},    {"osas", "<adj><f><pl>"},    {"oso", "<adj><m><sg>"},
    {"osa", "<adj><f><sg>"},     {"bles", "<adj><mf><pl>"},   {"ble", "<adj><mf><sg>"},
    {"ivos", "<adj><m><pl>"},    {"ivas", "<adj><f><pl>"},    {"ivo", "<adj><m><sg>"},
    {"iva", "<adj><f><sg>"},     {"ar", "<vblex><inf>"},      {"er", "<vblex><inf>"},
    {"ir", "<vblex><inf>"},         {"ieron", "<vblex><ifi><p3><pl>"}, {"aron", "<vblex><ifi><p3><pl>"},
    {"ió", "<vblex><ifi><p3><sg>"}, {"ó", "<vblex><ifi><p3><sg>"},
};

// Third-person preterites the analyser lacks ("soltó", "irguió") are the narrator's verbs;
// capitalised at a sentence's start they are still verbs more often than names.
constexpr std::string_view kSpanishPreterites[] = {"ieron", "aron", "ó"};
constexpr ending kEnglish[] = {
    {"ly", "<adv>"},             {"tions", "<n><pl>"},        {"tion", "<n><sg>"},
    {"nesses", "<n><pl>"},       {"ness", "<n><sg>"},         {"ments", "<n><pl>"},
    {"ment", "<n><sg>"},         {"ities", "<n><pl>"},        {"ity", "<n><sg>"},
    {"ing", "<vblex><ger>"},     {"ed", "<vblex><past>"},     {"ous", "<adj>"},
    {"ful", "<adj>"},            {"ive", "<adj>"},            {"able", "<adj>"},
    {"ible", "<adj>"},           {"ical", "<adj>"},
};

}  // namespace

std::vector<std::string> guess_readings(std::string_view token, lang l) {
    if (token.empty() || l == lang::other) return {};
    std::size_t i = 0;
    const char32_t first = utf8::next(token, i);
    if (!is_letter(first)) return {};
    std::string word(token);
    // Contractions ("you're") and elisions ("d'Artagnan") are not one word to guess.
    if (word.find('\'') != std::string::npos || word.find("\xE2\x80\x99") != std::string::npos)
        return {};
    const std::size_t letters = utf8::count(token);
    if (is_upper(first)) {
        std::vector<std::string> out{word + "<np><ant>"};
        if (l == lang::es && letters > 4)
            for (std::string_view ending : kSpanishPreterites)
                if (word.ends_with(ending)) {
                    out.push_back(word + (ending == "ó" ? "<vblex><ifi><p3><sg>" : "<vblex><ifi><p3><pl>"));
                    break;
                }
        return out;
    }
    for (const ending& e : l == lang::es ? std::span<const ending>(kSpanish) : std::span<const ending>(kEnglish)) {
        // The stem must be longer than the ending ("dar" is no guess for an infinitive).
        if (word.ends_with(e.suffix) && letters > utf8::count(e.suffix) + 2)
            return {word + std::string(e.tags)};
    }
    // An English word the analyser lacks and no ending explains is most often a noun ("solace").
    if (l == lang::en && letters > 3) return {word + "<n><sg>"};
    return {};
}

}  // namespace galley::engine_detail
