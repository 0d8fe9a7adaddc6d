#pragma once
// Small token helpers shared by the English rules (grammar_en.cpp, confusables_en.cpp,
// phrases_en.cpp): neighbouring words across one space, set membership, casing like a token.
#include <initializer_list>
#include <string>
#include <string_view>
#include <unordered_set>

#include "domain/engine/rules/rules.hpp"

namespace galley::engine_detail::en_context {

using set = std::unordered_set<std::string_view>;

/// Token k when it is a word, else null (also for k out of range).
inline const token* word_at(const rule_context& cx, int k) {
    if (k < 0 || k >= static_cast<int>(cx.p.tokens.size())) return nullptr;
    return cx.p.tokens[k].kind == token_kind::word ? &cx.p.tokens[k] : nullptr;
}

/// The word after token i, separated from it by one space token; null otherwise.
inline const token* next_word(const rule_context& cx, int i) {
    if (i + 2 >= static_cast<int>(cx.p.tokens.size()) || cx.p.tokens[i + 1].kind != token_kind::space)
        return nullptr;
    return word_at(cx, i + 2);
}

/// The word before token i, separated from it by one space token; null otherwise.
inline const token* prev_word(const rule_context& cx, int i) {
    if (i < 2 || cx.p.tokens[i - 1].kind != token_kind::space) return nullptr;
    return word_at(cx, i - 2);
}

inline bool in(const token* t, const set& s) { return t && s.count(t->lower) > 0; }

/// Membership in a short literal list, without building a set: `in(prev, {"as", "so"})`.
inline bool in(const token* t, std::initializer_list<std::string_view> words) {
    if (!t) return false;
    for (std::string_view w : words)
        if (t->lower == w) return true;
    return false;
}

inline bool sentence_start(const token& t) { return t.starts != boundary::none; }

/// The solid token after token i ends a clause (. ! ? , ; : …), or nothing follows.
inline bool clause_ends_after(const rule_context& cx, int i) {
    int n = cx.p.next_solid(i);
    if (n < 0) return true;
    const token& t = cx.p.tokens[n];
    if (t.kind != token_kind::punct) return false;
    char32_t c = cx.p.text[t.begin];
    return c == U'.' || c == U'!' || c == U'?' || c == U',' || c == U';' || c == U':' || c == 0x2026;
}

/// `lower` written like `like`: lower case, or capitalised when `like` is not all lower case.
inline std::string cased(const token& like, std::string_view lower) {
    return like.shape == word_shape::lower ? std::string(lower) : capitalize(lower);
}

/// A token's lower-case text with typographic apostrophes (U+2019) as ASCII ones, copying only
/// when there is one to replace (the common case is a view of the token).
inline std::string_view plain(const token& t, std::string& scratch) {
    if (t.lower.find('\xE2') == std::string::npos) return t.lower;
    scratch = t.lower;
    std::size_t at;
    while ((at = scratch.find("\xE2\x80\x99")) != std::string::npos) scratch.replace(at, 3, "'");
    return scratch;
}

/// Typographic apostrophes (U+2019) as ASCII ones, so tables list one spelling.
inline std::string apostrophes(std::string w) {
    std::size_t at;
    while ((at = w.find("\xE2\x80\x99")) != std::string::npos) w.replace(at, 3, "'");
    return w;
}

}  // namespace galley::engine_detail::en_context
