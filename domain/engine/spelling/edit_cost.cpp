#include "domain/engine/spelling/edit_cost.hpp"

#include <algorithm>
#include <array>

#include "domain/utf8.hpp"

namespace galley::engine_detail {

namespace {

// An accent the writer left out is the commonest slip of all; one the writer typed is meant, so
// dropping it costs more ("pereguntó" is "preguntó", not "pregunto"; "ésrta" is "ésta").
constexpr double kAccent = 0.25, kAccentDropped = 0.6, kTilde = 0.4, kSound = 0.5, kSilentH = 0.5, kNearKey = 0.6,
                 kDoubled = 0.6, kSwap = 0.7, kEdit = 1.0;
constexpr std::size_t kMaxLength = 40;

// QWERTY keys as points: rows are staggered, so a key touches two keys on each adjacent row.
bool near_keys(char32_t a, char32_t b) {
    static constexpr std::array<std::u32string_view, 3> rows = {U"qwertyuiop", U"asdfghjkl",
                                                                 U"zxcvbnm"};
    static constexpr std::array<double, 3> offset = {0, 0.25, 0.75};
    auto locate = [&](char32_t c, int& row, double& x) {
        for (std::size_t r = 0; r < rows.size(); ++r)
            if (auto p = rows[r].find(c); p != std::u32string_view::npos) {
                row = static_cast<int>(r);
                x = static_cast<double>(p) + offset[r];
                return true;
            }
        return false;
    };
    int ra = 0, rb = 0;
    double xa = 0, xb = 0;
    if (!locate(a, ra, xa) || !locate(b, rb, xb)) return false;
    double dx = xa > xb ? xa - xb : xb - xa;
    if (ra == rb) return dx < 1.1;
    return (ra - rb == 1 || rb - ra == 1) && dx < 0.8;
}

bool sound_alike_es(char32_t a, char32_t b) {
    auto pair = [&](char32_t x, char32_t y) { return (a == x && b == y) || (a == y && b == x); };
    return pair(U'b', U'v') || pair(U's', U'z') || pair(U'c', U'z') || pair(U'c', U's') ||
           pair(U'g', U'j') || pair(U'y', U'i') || pair(U'k', U'c') || pair(U'x', U's');
}

double substitution(char32_t a, char32_t b, lang l) {
    if (a == b) return 0;
    if (fold_letter(a) == fold_letter(b))
        return (a == U'ñ' || b == U'ñ') ? kTilde : fold_letter(a) == a ? kAccent : kAccentDropped;
    if (l == lang::es && sound_alike_es(a, b)) return kSound;
    if (near_keys(fold_letter(a), fold_letter(b))) return kNearKey;
    return kEdit;
}

// Inserting or dropping `c` between `before` and `after` (0 at the ends). A finger that
// catches the key next to the one it meant types both ("rwemediará", "cvagos"): an extra
// letter in what was typed is cheap beside its neighbour key; a missing one is not.
double indel(char32_t c, char32_t before, char32_t after, lang l, bool typed_extra) {
    if (l == lang::es && c == U'h') return kSilentH;
    if (c == before || c == after) return kDoubled;
    if (!typed_extra) return kEdit;
    if ((before != 0 && near_keys(fold_letter(c), fold_letter(before))) ||
        (after != 0 && near_keys(fold_letter(c), fold_letter(after))))
        return kNearKey;
    return kEdit;
}

}  // namespace

char32_t fold_letter(char32_t c) {
    switch (c) {
        case U'á': case U'à': case U'â': case U'ä': return U'a';
        case U'é': case U'è': case U'ê': case U'ë': return U'e';
        case U'í': case U'ì': case U'î': case U'ï': return U'i';
        case U'ó': case U'ò': case U'ô': case U'ö': return U'o';
        case U'ú': case U'ù': case U'û': case U'ü': return U'u';
        case U'ñ': return U'n';
        case U'ç': return U'c';
        default: return c;
    }
}

std::u32string fold_word(std::u32string_view word) {
    std::u32string out(word);
    for (char32_t& c : out) c = fold_letter(c);
    return out;
}

std::u32string fold_word_utf8(std::string_view utf8_word) { return fold_word(utf8::decode(utf8_word)); }

edit edit_of(std::u32string_view a, std::u32string_view b, lang l, double limit) {
    const std::size_t n = a.size(), m = b.size();
    const edit beyond{limit + 1, 99};
    if (n > kMaxLength || m > kMaxLength) return beyond;
    // Each length difference needs an insertion or deletion of at least the cheapest cost.
    if (static_cast<double>(n > m ? n - m : m - n) * kSilentH > limit) return beyond;
    // Each cell holds the cheapest alignment and, among equally cheap ones, the fewest slips.
    std::array<std::array<edit, kMaxLength + 1>, kMaxLength + 1> d;
    auto at = [](std::u32string_view s, std::size_t i) { return i < s.size() ? s[i] : 0; };
    auto step = [](const edit& from, double cost, bool slip) {
        return edit{from.cost + cost, from.slips + (slip ? 1 : 0)};
    };
    auto better = [](const edit& x, const edit& y) {
        return x.cost < y.cost || (x.cost == y.cost && x.slips < y.slips);
    };
    d[0][0] = {0, 0};
    for (std::size_t i = 1; i <= n; ++i)
        d[i][0] = step(d[i - 1][0], indel(a[i - 1], i >= 2 ? a[i - 2] : 0, at(a, i), l, true), true);
    for (std::size_t j = 1; j <= m; ++j)
        d[0][j] = step(d[0][j - 1], indel(b[j - 1], j >= 2 ? b[j - 2] : 0, at(b, j), l, false), true);
    double previous_row_min = 0;
    for (std::size_t i = 1; i <= n; ++i) {
        double row_min = limit + 1;
        for (std::size_t j = 1; j <= m; ++j) {
            auto consider = [&](edit& best, const edit& e) {
                if (better(e, best)) best = e;
            };
            // An accent is not a slip of the hand: it is left out, not mistyped.
            const double sub = substitution(a[i - 1], b[j - 1], l);
            edit best = step(d[i - 1][j - 1], sub, fold_letter(a[i - 1]) != fold_letter(b[j - 1]));
            // a has an extra a[i-1]; b has an extra b[j-1].
            consider(best, step(d[i - 1][j], indel(a[i - 1], j >= 1 ? b[j - 1] : 0, at(b, j), l, true), true));
            consider(best, step(d[i][j - 1], indel(b[j - 1], i >= 1 ? a[i - 1] : 0, at(a, i), l, false), true));
            if (i >= 2 && j >= 2 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                consider(best, step(d[i - 2][j - 2], kSwap, true));
            if (l == lang::es) {
                // "ll" heard as "y", and the stem vowels that alternate with diphthongs
                // ("puebres" for "pobres", "tienemos" for "tenemos").
                auto two_for_one = [&](char32_t x, char32_t y, char32_t one) {
                    if (i >= 2 && a[i - 2] == x && a[i - 1] == y && b[j - 1] == one)
                        consider(best, step(d[i - 2][j - 1], kSound, true));
                    if (j >= 2 && b[j - 2] == x && b[j - 1] == y && a[i - 1] == one)
                        consider(best, step(d[i - 1][j - 2], kSound, true));
                };
                two_for_one(U'l', U'l', U'y');
                two_for_one(U'u', U'e', U'o');
                two_for_one(U'i', U'e', U'e');
            }
            d[i][j] = best;
            row_min = std::min(row_min, best.cost);
        }
        // Every alignment crosses row i or row i-1 (a swap skips one row at most).
        if (row_min > limit && previous_row_min > limit) return beyond;
        previous_row_min = row_min;
    }
    return d[n][m];
}

double edit_cost(std::u32string_view a, std::u32string_view b, lang l, double limit) {
    return edit_of(a, b, l, limit).cost;
}

}  // namespace galley::engine_detail
