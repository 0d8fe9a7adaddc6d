// Style notes (never a replacement): very long sentences, several -mente adverbs in one
// Spanish sentence, and the same content word again within a few words.
#include <array>
#include <string>
#include <unordered_set>

#include "domain/engine/common_words.hpp"
#include "domain/engine/rules/rules.hpp"

namespace galley::engine_detail {

namespace {

void long_sentences(rule_context& cx) {
    const std::uint32_t limit = cx.en() ? 50 : 60;
    for (const auto& s : cx.p.sentences) {
        if (s.words <= limit) continue;
        int first = -1;
        for (std::uint32_t k = s.first_token; k < s.last_token && first < 0; ++k)
            if (cx.p.tokens[k].kind == token_kind::word) first = static_cast<int>(k);
        if (first < 0) continue;
        std::string n = std::to_string(s.words);
        cx.emit_tokens("LONG_SENTENCE", first, first, std::nullopt, 0.2,
                       "Oración muy larga (" + n + " palabras): considere dividirla.",
                       "Very long sentence (" + n + " words): consider splitting it.");
    }
}

bool mente_adverb(const token& t) {
    static const std::unordered_set<std::string_view> not_adverbs = {
        "demente", "clemente", "inclemente", "vehemente", "dementemente"};
    return t.shape == word_shape::lower && t.lower.size() >= 8 && t.lower.ends_with("mente") &&
           !not_adverbs.count(t.lower);
}

void mente(rule_context& cx) {
    for (const auto& s : cx.p.sentences) {
        int seen = 0;
        for (std::uint32_t k = s.first_token; k < s.last_token; ++k) {
            if (cx.p.tokens[k].kind != token_kind::word || !mente_adverb(cx.p.tokens[k])) continue;
            if (++seen == 2)
                cx.emit_tokens("ES_MENTE_ADVERBS", k, k, std::nullopt, 0.25,
                               "Varios adverbios en -mente en la misma oración.",
                               "Several -mente adverbs in one sentence.");
        }
    }
}

void nearby(rule_context& cx) {
    constexpr std::size_t kWindow = 8;
    std::array<const token*, kWindow> recent{};
    std::size_t n = 0;
    for (std::size_t k = 0; k < cx.p.tokens.size(); ++k) {
        const token& t = cx.p.tokens[k];
        if (t.kind != token_kind::word) continue;
        bool content =
            t.shape == word_shape::lower && t.end - t.begin >= 5 && !is_function_word(t.lower);
        if (content) {
            for (std::size_t j = 1; j < kWindow && j <= n; ++j) {
                const token* r = recent[(n - j) % kWindow];
                if (r && r->lower == t.lower && j > 1) {
                    cx.emit("NEARBY_REPETITION", t.begin, t.end, std::nullopt, 0.2,
                            "«" + t.text + "» se repite muy cerca.",
                            "\"" + t.text + "\" is repeated close by.");
                    break;
                }
            }
        }
        recent[n % kWindow] = content ? &t : nullptr;
        ++n;
    }
}

}  // namespace

void check_style(rule_context& cx) {
    long_sentences(cx);
    if (cx.es()) mente(cx);
    if (cx.language != lang::other) nearby(cx);
}

}  // namespace galley::engine_detail
