#include "domain/engine/rules/consistency.hpp"

namespace galley::engine_detail {

void consistency_scan::see(std::size_t index, const paragraph_view& segment,
                           bool opens_paragraph) {
    const std::u32string& t = segment.text;
    for (std::uint32_t k = 0; k < t.size(); ++k) {
        if (t[k] == U'"')
            straight_.see(index, k);
        else if (t[k] == 0xAB || t[k] == 0x201C)
            typographic_.see(index, k);
    }
    if (!opens_paragraph) return;
    std::size_t s = t.find_first_not_of(U" \t");
    if (s == std::u32string::npos || s + 1 >= t.size()) return;
    bool speech = is_letter(t[s + 1]) || t[s + 1] == 0xBF || t[s + 1] == 0xA1;
    if (!speech) return;
    if (t[s] == 0x2014)
        em_dialogue_.see(index, static_cast<std::uint32_t>(s));
    else if (t[s] == U'-' || t[s] == 0x2013)
        hyphen_dialogue_.see(index, static_cast<std::uint32_t>(s));
}

void consistency_scan::note_minority(std::size_t index, rule_context& cx, const char* rule,
                                     const first_seen& a, const first_seen& b, const char* es,
                                     const char* en) {
    if (a.count == 0 || b.count == 0) return;
    const first_seen& minority = a.count <= b.count ? a : b;
    if (minority.segment != index) return;
    cx.emit(rule, minority.offset, minority.offset + 1, std::nullopt, 0.3, es, en);
}

void consistency_scan::emit_into(std::size_t index, rule_context& cx) const {
    note_minority(index, cx, "QUOTE_STYLE_MIXED", straight_, typographic_,
                  "El documento mezcla comillas rectas y tipográficas; conviene unificarlas.",
                  "The document mixes straight and curly/angle quotes; use one style.");
    if (cx.es())
        note_minority(index, cx, "DASH_STYLE_MIXED", em_dialogue_, hyphen_dialogue_,
                      "El documento abre diálogos con raya y con guion; conviene unificarlos.",
                      "Dialogue opens with em dashes in some places and hyphens in others.");
}

}  // namespace galley::engine_detail
