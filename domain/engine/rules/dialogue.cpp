// Spanish dialogue (RAE): the em dash opens a speech and encloses the narrator's asides, with
// no space after the opening dash. Straight quotes get a low-confidence note.
#include <string_view>
#include <unordered_set>

#include "domain/engine/analysis/reading.hpp"
#include "domain/engine/rules/rules.hpp"

namespace galley::engine_detail {

namespace {

constexpr char32_t kEm = 0x2014, kEn = 0x2013;
constexpr const char* kEmUtf8 = "\xE2\x80\x94";

constexpr char32_t kFigure = 0x2012;

bool is_dash(char32_t c) { return c == U'-' || c == kEn || c == kFigure; }
bool is_alnum_at(const paragraph_view& p, long i) {
    if (i < 0 || i >= static_cast<long>(p.text.size())) return false;
    char32_t c = p.text[i];
    return is_letter(c) || (c >= U'0' && c <= U'9');
}

int first_solid(const paragraph_view& p) {
    for (std::size_t i = 0; i < p.tokens.size(); ++i)
        if (p.tokens[i].kind != token_kind::space) return static_cast<int>(i);
    return -1;
}

// Something a speech can start with: a word, ¿, ¡, « or an ellipsis.
bool speech_start(const paragraph_view& p, std::size_t at) {
    if (at >= p.text.size()) return false;
    char32_t c = p.text[at];
    return is_letter(c) || c == 0xBF || c == 0xA1 || c == 0xAB || c == 0x2026;
}

// A hyphen or en dash that opens or closes a narrator's aside becomes an em dash.
void aside_dash(rule_context& cx, const token& t) {
    cx.emit("ES_DIALOGUE_DASH", t.begin, t.end, std::string(kEmUtf8), 0.8, "Los incisos del narrador van entre rayas (—).",
            "Narrator asides in Spanish dialogue use em dashes (—).");
}

void hyphen_dialogue(rule_context& cx, int first) {
    const paragraph_view& p = cx.p;
    const token& open = p.tokens[first];
    cx.emit("ES_DIALOGUE_DASH", open.begin, open.end, std::string(kEmUtf8), 0.85,
            "El diálogo se abre con raya (—), no con guion.",
            "Spanish dialogue opens with an em dash (—).");
    // The narrator's asides: " -dijo", "cura-." and "dijo- y", but not "1-2" or "ex-".
    for (std::size_t i = first + 1; i < p.tokens.size(); ++i) {
        const token& t = p.tokens[i];
        if (t.kind != token_kind::punct || !is_dash(p.text[t.begin])) continue;
        long b = t.begin;
        bool before_space = b > 0 && p.text[b - 1] == U' ';
        bool after_space = t.end >= p.text.size() || p.text[t.end] == U' ';
        bool opens = before_space && speech_start(p, t.end);
        bool closes = !before_space && !is_alnum_at(p, t.end) && b > 0 &&
                      (is_letter(p.text[b - 1]) || p.text[b - 1] == U'.' || p.text[b - 1] == U'?' ||
                       p.text[b - 1] == U'!' || p.text[b - 1] == 0x2026 || p.text[b - 1] == 0xBB) &&
                      (after_space || p.text[t.end] == U'.' || p.text[t.end] == U',' ||
                       p.text[t.end] == U';' || p.text[t.end] == U':');
        if (!opens && !closes) continue;
        aside_dash(cx, t);
    }
}

// A verb of saying in the third person: what follows the dash of a narrator's aside.
bool speech_verb(rule_context& cx, std::size_t i) {
    static const std::unordered_set<std::string_view> saying = {
        "decir",     "preguntar", "responder", "contestar", "exclamar", "gritar",    "murmurar",
        "añadir",    "replicar",  "susurrar",  "explicar",  "repetir",  "insistir",  "asegurar",
        "afirmar",   "comentar",  "continuar", "proseguir", "suspirar", "interrumpir", "concluir",
        "observar",  "advertir",  "protestar", "balbucear", "musitar",  "sollozar",  "gruñir",
        "contar",    "aclarar",   "admitir",   "confesar",  "ordenar",  "rogar",     "suplicar"};
    if (i >= cx.p.tokens.size() || cx.p.tokens[i].kind != token_kind::word) return false;
    const reading* r = cx.best(static_cast<int>(i));
    return r && r->verb() && r->person == "p3" && saying.count(r->lemma) > 0;
}

// In a paragraph that does not open with a dash ("Ven -dijo.", a speech already under way), a
// spaced dash glued to a verb of saying opens the narrator's aside; the next dash glued to the
// word before it closes it.
void aside_dashes(rule_context& cx) {
    const paragraph_view& p = cx.p;
    for (std::size_t i = 1; i + 1 < p.tokens.size(); ++i) {
        const token& t = p.tokens[i];
        if (t.kind != token_kind::punct || !is_dash(p.text[t.begin]) || t.end - t.begin != 1) continue;
        if (p.tokens[i - 1].kind != token_kind::space || !speech_verb(cx, i + 1)) continue;
        aside_dash(cx, t);
        for (std::size_t k = i + 2; k < p.tokens.size(); ++k) {
            const token& c = p.tokens[k];
            if (c.kind != token_kind::punct || !is_dash(p.text[c.begin])) continue;
            if (p.tokens[k - 1].kind == token_kind::space || is_alnum_at(p, c.end)) break;
            aside_dash(cx, c);
            i = k;
            break;
        }
    }
}

}  // namespace

void check_dialogue(rule_context& cx) {
    const paragraph_view& p = cx.p;
    int first = first_solid(p);
    if (first < 0) return;
    const token& open = p.tokens[first];
    const char32_t c = p.text[open.begin];
    int last = p.prev_solid(static_cast<int>(p.tokens.size()));
    bool dash_closed = last > first && p.tokens[last].kind == token_kind::punct &&
                       is_dash(p.text[p.tokens[last].begin]);  // "–Robert Downey Jr.–"
    if (open.kind == token_kind::punct && is_dash(c) && speech_start(p, open.end) && !dash_closed) {
        hyphen_dialogue(cx, first);
    } else if (open.kind == token_kind::punct && c == kEm && first + 2 < (int)p.tokens.size() &&
               p.tokens[first + 1].kind == token_kind::space &&
               speech_start(p, p.tokens[first + 1].end)) {
        cx.emit("ES_DIALOGUE_DASH_SPACE", open.begin, p.tokens[first + 1].end, std::string(kEmUtf8),
                0.8, "Sin espacio tras la raya de diálogo.",
                "No space after the opening dialogue dash.");
    } else if (!(open.kind == token_kind::punct && (is_dash(c) || c == kEm))) {
        aside_dashes(cx);
    }
    // Straight quotes: a low-confidence note on each quote of each pair, so the reviewer sees
    // both ends of what would become « ».
    std::size_t from = 0;
    while (true) {
        std::size_t q1 = p.text.find(U'"', from);
        if (q1 == std::u32string::npos) return;
        std::size_t q2 = p.text.find(U'"', q1 + 1);
        if (q2 == std::u32string::npos) return;
        for (std::size_t q : {q1, q2})
            cx.emit("ES_STRAIGHT_QUOTES", static_cast<std::uint32_t>(q),
                    static_cast<std::uint32_t>(q + 1), std::nullopt, 0.25,
                    q == q1 ? "En español se prefieren las comillas angulares: «."
                            : "En español se prefieren las comillas angulares: ».",
                    q == q1 ? "Spanish prefers angle quotes: «." : "Spanish prefers angle quotes: ».");
        from = q2 + 1;
    }
}

}  // namespace galley::engine_detail
