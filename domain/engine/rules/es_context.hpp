#pragma once
// Small token helpers shared by the Spanish context rules (accents, monosyllables, preterites).
#include <string>
#include <string_view>
#include <unordered_set>

#include "domain/engine/analysis/analyser.hpp"
#include "domain/engine/rules/rules.hpp"
#include "domain/engine/speller.hpp"

namespace galley::engine_detail::es_context {

using set = std::unordered_set<std::string_view>;

/// Token k when it is a word, else null (also for k out of range).
inline const token* word_at(const rule_context& cx, int k) {
    if (k < 0 || k >= static_cast<int>(cx.p.tokens.size())) return nullptr;
    const token& t = cx.p.tokens[k];
    return t.kind == token_kind::word ? &t : nullptr;
}

/// The word right before token i, separated by one plain space; null otherwise.
inline const token* prev_adjacent(const rule_context& cx, int i) {
    if (i < 2) return nullptr;
    const token& sp = cx.p.tokens[i - 1];
    if (sp.kind != token_kind::space || sp.end - sp.begin != 1 || cx.p.text[sp.begin] != U' ')
        return nullptr;
    return word_at(cx, i - 2);
}

/// The word right after token i, separated by one plain space; null otherwise.
inline const token* next_adjacent(const rule_context& cx, int i) {
    if (i + 2 >= static_cast<int>(cx.p.tokens.size())) return nullptr;
    const token& sp = cx.p.tokens[i + 1];
    if (sp.kind != token_kind::space || sp.end - sp.begin != 1 || cx.p.text[sp.begin] != U' ')
        return nullptr;
    return word_at(cx, i + 2);
}

/// The paragraph ends after token i, or the next solid token closes a clause: . ; : ! ? … » ”
/// (and , when `comma`).
inline bool clause_end_after(const rule_context& cx, int i, bool comma) {
    int n = cx.p.next_solid(i);
    if (n < 0) return true;
    const token& t = cx.p.tokens[n];
    if (t.kind != token_kind::punct) return false;
    const char32_t c = cx.p.text[t.begin];
    return c == U'.' || c == U';' || c == U':' || c == U'!' || c == U'?' || c == 0x2026 ||
           c == 0xBB || c == 0x201D || c == U')' || (comma && c == U',');
}

/// `lower` with the first letter of `like` kept upper case when it was.
inline std::string cased(const token& like, std::string_view lower) {
    return like.shape == word_shape::lower ? std::string(lower) : capitalize(lower);
}

inline bool is(const token* t, const set& words) { return t && words.count(t->lower) > 0; }

/// The unstressed object pronouns that stand before a verb ("se lo dijo", "me explicare").
inline const set& object_clitics() {
    static const set words = {"me", "te", "se", "le", "les", "lo", "la", "los", "las", "nos", "os"};
    return words;
}

/// A capitalised word at a sentence start is a name when the tagger reads a proper noun or the
/// document never writes it in lower case (mid-sentence capitals are names by position).
inline bool name_at_sentence_start(rule_context& cx, int i) {
    const reading* r = cx.best(i);
    const word_entry& e = cx.speller->entry(cx.p.tokens[i].lower);
    return (r && r->pos == "np") || (e.lower_count == 0 && e.capital_mid_count > 0);
}

/// The generator writes `form` for the lexical form `lemma<pos><tags>` ("tomar", "vblex",
/// "<ifi><p3><sg>" -> "tomó").
inline bool generates(rule_context& cx, const reading& like, std::string_view tags,
                      std::string_view form) {
    for (const std::string& f :
         cx.morphology->analyser().generate(like.lemma + "<" + like.pos + ">" + std::string(tags)))
        if (f == form) return true;
    return false;
}

/// A past participle by its form ("cantado", "comido", "leído") or one of the common irregular ones.
inline bool participle(std::string_view w) {
    static const set irregular = {"hecho",    "dicho",  "visto",  "puesto", "escrito",
                                  "abierto",  "vuelto", "muerto", "roto",   "cubierto",
                                  "resuelto", "sido",   "ido",    "habido", "oído",
                                  "leído",    "traído", "caído",  "creído"};
    if (irregular.count(w)) return true;
    auto ends = [&](std::string_view s) { return w.size() > s.size() + 2 && w.ends_with(s); };
    return ends("ado") || ends("ido") || ends("ído");
}

}  // namespace galley::engine_detail::es_context
