// Document-wide consistency: straight and typographic quotes mixed; Spanish dialogue opened
// with em dashes in some paragraphs and hyphens in others. One note each, on the minority style.
#include "domain/engine/rules/rules.hpp"

namespace galley::engine_detail {

namespace {

struct first_seen {
    std::size_t count = 0;
    long paragraph = -1;
    std::uint32_t offset = 0;
    void see(std::size_t para, std::uint32_t at) {
        if (count++ == 0) {
            paragraph = static_cast<long>(para);
            offset = at;
        }
    }
};

void note_minority(std::vector<rule_context>& cxs, const char* rule, const first_seen& a,
                   const first_seen& b, const char* es, const char* en) {
    if (a.count == 0 || b.count == 0) return;
    const first_seen& minority = a.count <= b.count ? a : b;
    cxs[minority.paragraph].emit(rule, minority.offset, minority.offset + 1, std::nullopt, 0.3, es,
                                 en);
}

}  // namespace

void check_consistency(std::vector<rule_context>& cxs) {
    first_seen straight, typographic, em_dialogue, hyphen_dialogue;
    for (std::size_t i = 0; i < cxs.size(); ++i) {
        const std::u32string& t = cxs[i].p.text;
        for (std::uint32_t k = 0; k < t.size(); ++k) {
            if (t[k] == U'"')
                straight.see(i, k);
            else if (t[k] == 0xAB || t[k] == 0x201C)
                typographic.see(i, k);
        }
        std::size_t s = t.find_first_not_of(U" \t");
        if (s == std::u32string::npos || s + 1 >= t.size()) continue;
        bool speech = is_letter(t[s + 1]) || t[s + 1] == 0xBF || t[s + 1] == 0xA1;
        if (!speech) continue;
        if (t[s] == 0x2014)
            em_dialogue.see(i, static_cast<std::uint32_t>(s));
        else if (t[s] == U'-' || t[s] == 0x2013)
            hyphen_dialogue.see(i, static_cast<std::uint32_t>(s));
    }
    if (cxs.empty()) return;
    note_minority(cxs, "QUOTE_STYLE_MIXED", straight, typographic,
                  "El documento mezcla comillas rectas y tipográficas; conviene unificarlas.",
                  "The document mixes straight and curly/angle quotes; use one style.");
    if (cxs.front().es())
        note_minority(cxs, "DASH_STYLE_MIXED", em_dialogue, hyphen_dialogue,
                      "El documento abre diálogos con raya y con guion; conviene unificarlos.",
                      "Dialogue opens with em dashes in some places and hyphens in others.");
}

}  // namespace galley::engine_detail
