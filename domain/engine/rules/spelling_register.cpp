#include "domain/engine/rules/spelling_register.hpp"

#include <vector>

#include "domain/engine/analysis/analyser.hpp"
#include "domain/engine/rules/es_context.hpp"
#include "domain/utf8.hpp"

namespace galley::engine_detail {

using es_context::set;

// Words of classical Spanish: a few Golden Age forms ("ansí", "agora", "mesmo") and "de"
// contracted with a pronoun or demonstrative ("dél", "desta", "dellos").
bool classical_word(std::string_view lower) {
    static const set words = {"ansí",    "agora",   "mesmo",   "mesma",    "mesmos",   "mesmas",
                              "aqueste", "aquesta", "aquesto", "aquestos", "aquestas", "estotro",
                              "estotra", "priesa",  "vido",    "trujo",    "truje",    "dijistes",
                              "vuesa",   "vuesas",  "sotil"};
    // Not "ese": "dese" is also today's "dese prisa".
    static const set contracted = {"él",   "ella", "ellas", "ello", "ellos", "esa",  "esas",
                                   "eso",  "esos", "esta",  "estas", "este", "esto", "estos",
                                   "otro", "otra", "otros", "otras"};
    return words.count(lower) > 0 ||
           (lower.size() > 2 && lower[0] == 'd' && contracted.count(lower.substr(1)) > 0);
}

// Spellings of classical Spanish that a modern word continues, which no slip of the hand or ear
// produces: the classical words above, initial f for h ("fermosa"), -ll- for -rl-
// ("entregalle"), an unstressed e/i or o/u ("recebido", "hobiese"). An edition of a classic keeps
// them; they get a note, not a replacement.
bool dropped_letter_slip(const std::string& typed_utf8, const std::string& meant_utf8) {
    const std::u32string typed = utf8::decode(typed_utf8), meant = utf8::decode(meant_utf8);
    if (meant.size() != typed.size() + 1) return false;
    std::size_t at = 0;
    while (at < typed.size() && typed[at] == meant[at]) ++at;
    if (meant.compare(at + 1, std::u32string::npos, typed, at, std::u32string::npos) != 0) return false;
    static constexpr std::u32string_view vowels = U"aeiouáéíóúü";
    auto consonant = [&](char32_t c) { return is_letter(c) && vowels.find(c) == std::u32string_view::npos; };
    const char32_t dropped = meant[at];
    if (dropped == U'h') return false;
    return !(consonant(dropped) && at + 1 < meant.size() && consonant(meant[at + 1]));
}

bool archaic_spelling(const std::string& typed_utf8, const std::string& modern_utf8) {
    if (classical_word(typed_utf8)) return true;
    const std::u32string typed = utf8::decode(typed_utf8), modern = utf8::decode(modern_utf8);
    // The old second person plural in -des ("quisierdes" for "quisiereis", "quisieres").
    if (typed.size() == modern.size() + 1 && typed.size() > 4 &&
        typed.compare(typed.size() - 3, 3, U"des") == 0 &&
        typed.substr(0, typed.size() - 3) + U"es" == modern)
        return true;
    // The old preterite "dijistes", "combatistes" (for "dijisteis") and the old "-edes" forms
    // ("veredes", "sabedes").
    if (typed.size() > 5 && typed.compare(typed.size() - 4, 4, U"stes") == 0 &&
        typed.substr(0, typed.size() - 1) == modern)
        return true;
    if (typed.size() > 6 && typed.compare(typed.size() - 3, 3, U"des") == 0 &&
        (typed[typed.size() - 4] == U'a' || typed[typed.size() - 4] == U'e' || typed[typed.size() - 4] == U'i'))
        return true;
    if (typed.size() != modern.size()) return false;
    std::size_t diffs = 0, at = 0;
    for (std::size_t i = 0; i < typed.size(); ++i)
        if (typed[i] != modern[i]) ++diffs, at = i;
    if (diffs != 1) return false;
    const char32_t a = typed[at], b = modern[at];
    if (a == U'f' && b == U'h') return true;  // "fermosa", "malferido"
    if (a == U's' && b == U'x') return true;  // "estremo", "estraño"
    auto pair = [&](char32_t x, char32_t y) { return (a == x && b == y) || (a == y && b == x); };
    if (pair(U'e', U'i') || pair(U'o', U'u')) return true;
    return at > 0 && a == U'l' && b == U'r' && at + 1 < typed.size() && typed[at + 1] == U'l';
}

// A period spelling of a modern word other than the best candidate ("estender" is "extender",
// not "entender"): one of archaic_spelling's letter changes turns it into a dictionary word.
// A twin far rarer than `best` ("cuarteo" beside "cuarto" for "cuartio") is a coincidence, not
// the modern spelling: it must be written at least 1/50 as often.
bool has_modern_twin(spell_session& sp, analysis_session* morphology, const std::string& typed_utf8,
                     const std::string& best) {
    const std::u32string typed = utf8::decode(typed_utf8);
    auto known = [&](const std::u32string& w) {
        const std::string s = utf8::encode(w);
        return sp.known(s) || (morphology && morphology->knows(s));
    };
    // A clitic assimilated to the infinitive ("respondelle", "dejallos" for "responderle",
    // "dejarlos") and the spoken "-ao" of "-ado" ("sentao", "criao"): deliberate, whatever
    // the modern word's frequency.
    for (std::u32string_view clitic : {U"lle", U"llo", U"lla", U"lles", U"llos", U"llas"}) {
        if (typed.size() > clitic.size() + 2 && typed.ends_with(clitic)) {
            std::u32string modern = typed;
            modern[typed.size() - clitic.size()] = U'r';
            if (known(modern)) return true;
        }
    }
    if (typed.size() > 4 && typed.ends_with(U"ao") &&
        known(typed.substr(0, typed.size() - 1) + U"do"))
        return true;
    const std::uint64_t best_count = sp.corpus_count(best);
    for (std::size_t i = 0; i < typed.size(); ++i) {
        for (auto [from, to] : {std::pair{U's', U'x'}, {U'f', U'h'}, {U'e', U'i'}, {U'i', U'e'},
                                {U'o', U'u'}, {U'u', U'o'}}) {
            if (typed[i] != from) continue;
            std::u32string modern = typed;
            modern[i] = to;
            const std::string twin = utf8::encode(modern);
            if (sp.known(twin) && sp.corpus_count(twin) * 50 >= best_count) return true;
        }
    }
    return false;
}

// A document that writes classical words three times or more ("agora", "dél", "ansí") is a
// classical edition throughout, short paragraphs without one included.
bool classical_document(spell_session& sp) {
    static const char* const words[] = {
        "ansí",  "agora",  "mesmo",  "mesma",  "aqueste", "aquesta", "estotro", "priesa", "trujo",
        "vuesa", "dél",    "della",  "dello",  "dellos",  "dellas",  "desta",   "destas", "deste",
        "desto", "destos", "desa",   "desos",   "desas",   "dotro",   "dotra"};  // not "dese" (prisa)
    std::uint32_t n = 0;
    for (const char* w : words) n += sp.entry(w).lower_count;
    return n >= 3;
}

// A paragraph of classical Spanish (a classical word, or "vuestra merced"), or any paragraph
// of a classical document: its unknown words are more often period spellings than slips, so
// they get notes only.
bool classical_register(const rule_context& cx) {
    if (cx.speller && classical_document(*cx.speller)) return true;
    const auto& toks = cx.p.tokens;
    for (std::size_t i = 0; i < toks.size(); ++i) {
        if (toks[i].kind != token_kind::word) continue;
        if (classical_word(toks[i].lower)) return true;
        if (toks[i].is("vuestra") && i + 2 < toks.size() && toks[i + 2].is("merced")) return true;
    }
    return false;
}

// Latin and French locutions used in Spanish and English prose ("sine qua non", "grosso modo",
// "comme il faut"): their words
// are no misspellings of Spanish or English ones. Returns the number of tokens the one starting
// at token i spans, or 0.
std::size_t foreign_locution_at(const rule_context& cx, std::size_t i) {
    static const std::vector<std::vector<std::string_view>> locutions = {
        {"sine", "qua", "non"}, {"ad", "hoc"},         {"a", "priori"},       {"a", "posteriori"},
        {"grosso", "modo"},     {"in", "situ"},        {"ipso", "facto"},     {"per", "se"},
        {"statu", "quo"},       {"status", "quo"},     {"vox", "populi"},     {"mea", "culpa"},
        {"modus", "operandi"},  {"motu", "proprio"},   {"in", "extremis"},    {"sui", "generis"},
        {"alma", "mater"},      {"ad", "honorem"},     {"in", "memoriam"},    {"urbi", "et", "orbi"},
        {"post", "mortem"},     {"lato", "sensu"},     {"stricto", "sensu"},  {"de", "facto"},
        {"in", "vitro"},        {"ex", "aequo"},       {"bona", "fide"},      {"quid", "pro", "quo"},
        {"peccata", "minuta"},  {"in", "albis"},       {"ad", "infinitum"},   {"ad", "nauseam"},
        // French ones.
        {"comme", "il", "faut"}, {"savoir", "faire"},  {"laissez", "faire"},  {"enfant", "terrible"},
        {"femme", "fatale"},    {"nouveau", "riche"},  {"par", "excellence"}, {"bon", "vivant"},
        {"carte", "blanche"},   {"joie", "de", "vivre"}, {"haute", "couture"},
        {"je", "ne", "sais", "quoi"}, {"noblesse", "oblige"}, {"au", "fait"}};
    const auto& toks = cx.p.tokens;
    for (const auto& words : locutions) {
        std::size_t k = i, w = 0;
        while (w < words.size() && k < toks.size() && toks[k].kind == token_kind::word &&
               toks[k].lower == words[w]) {
            ++w;
            if (w == words.size()) return k - i + 1;
            if (k + 2 >= toks.size() || toks[k + 1].kind != token_kind::space) break;
            k += 2;
        }
    }
    return 0;
}

}  // namespace galley::engine_detail
