#include "domain/text_stats.hpp"

#include <algorithm>
#include <array>

#include "domain/utf8.hpp"

namespace galley {

namespace {

bool is_word_char(char32_t c) {
    if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    // Latin-1 supplement and Latin extended letters, Greek, Cyrillic, CJK and other scripts all
    // count as letters; punctuation blocks do not.
    if (c >= 0x2000 && c <= 0x2BFF) return false;  // general punctuation, symbols, arrows
    if (c >= 0x3000 && c <= 0x303F) return false;  // CJK punctuation
    if (c == 0xA0 || c == 0xAB || c == 0xBB || c == 0xBF || c == 0xA1 || c == 0xB7) return false;
    if (c >= 0xA0 && c <= 0xBF) return false;
    return c != 0xD7 && c != 0xF7 && c != 0xFEFF;
}

// The most frequent function words of each language that the other language does not share.
constexpr std::array<std::string_view, 24> kSpanish = {
    "de", "la", "que", "el", "en", "los", "se", "del", "las", "por", "un", "con",
    "una", "su", "para", "es", "al", "lo", "como", "más", "pero", "sus", "le", "y"};
constexpr std::array<std::string_view, 24> kEnglish = {
    "the", "of", "and", "to", "in", "is", "that", "it", "was", "he", "for", "with",
    "as", "his", "on", "be", "at", "by", "had", "not", "are", "but", "from", "she"};

// Frequent words of French, German, Italian, Portuguese and Catalan that are not Spanish or
// English words: when they dominate, the text is neither language ("und").
constexpr std::array<std::string_view, 40> kOther = {
    "et", "est", "une", "des", "du", "dans", "pas", "qui", "ne", "au", "avec", "je", "vous",
    "ce", "der", "und", "ist", "nicht", "ein", "ich", "mit", "sich", "auf", "il", "di", "che",
    "è", "non", "gli", "sono", "não", "em", "os", "um", "uma", "é", "ao", "você", "amb", "els"};

template <class Fn>
void for_each_word(std::string_view text, Fn&& fn) {
    std::size_t i = 0, start = std::string_view::npos;
    while (i < text.size()) {
        std::size_t at = i;
        char32_t c = utf8::next(text, i);
        bool inner = (c == '\'' || c == 0x2019 || c == '-') && start != std::string_view::npos;
        if (is_word_char(c) || inner) {
            if (start == std::string_view::npos) start = at;
        } else if (start != std::string_view::npos) {
            fn(text.substr(start, at - start));
            start = std::string_view::npos;
        }
    }
    if (start != std::string_view::npos) fn(text.substr(start));
}

bool equals_lower(std::string_view word, std::string_view lower_ascii_or_utf8) {
    if (word.size() != lower_ascii_or_utf8.size()) return false;
    for (std::size_t k = 0; k < word.size(); ++k) {
        char a = word[k];
        if (a >= 'A' && a <= 'Z') a = static_cast<char>(a - 'A' + 'a');
        if (a != lower_ascii_or_utf8[k]) return false;
    }
    return true;
}

}  // namespace

std::size_t count_words(std::string_view text) {
    std::size_t n = 0;
    for_each_word(text, [&](std::string_view) { ++n; });
    return n;
}

language_guess detect_language(std::string_view text) {
    // Beyond ~200 KB the verdict no longer changes; stop early to keep uploads cheap.
    constexpr std::size_t kSample = 200'000;
    if (text.size() > kSample) {
        std::size_t cut = kSample;
        while (cut < text.size() && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) ++cut;
        text = text.substr(0, cut);
    }
    std::size_t es = 0, en = 0, other = 0;
    for_each_word(text, [&](std::string_view w) {
        if (w.size() > 5) return;
        for (auto f : kSpanish) if (equals_lower(w, f)) { ++es; break; }
        for (auto f : kEnglish) if (equals_lower(w, f)) { ++en; break; }
        for (auto f : kOther) if (equals_lower(w, f)) { ++other; break; }
    });
    std::size_t total = es + en;
    if (total < 3) return {"und", 0.0};
    // French shares "de", "la", "en", "que" with Spanish: its own words must stay rare.
    if (other * 3 > total) return {"und", static_cast<double>(other) / (other + total)};
    double share_es = static_cast<double>(es) / static_cast<double>(total);
    if (share_es >= 0.7) return {"es", share_es};
    if (share_es <= 0.3) return {"en", 1.0 - share_es};
    return {"und", std::max(share_es, 1.0 - share_es)};
}

}  // namespace galley
