// Candidate generation for speller.hpp (included there; a template over the lookup function).
#pragma once
#include <algorithm>
#include <string_view>

#include "domain/utf8.hpp"

namespace galley::engine_detail {

namespace candidates_detail {

inline std::u32string decode(const std::string& s) {
    std::u32string out;
    std::size_t i = 0;
    while (i < s.size()) out.push_back(utf8::next(s, i));
    return out;
}

inline std::string encode(const std::u32string& s) {
    std::string out;
    for (char32_t c : s) utf8::append(out, c);
    return out;
}

inline char32_t strip_accent(char32_t c) {
    switch (c) {
        case U'á': return U'a';
        case U'é': return U'e';
        case U'í': return U'i';
        case U'ó': return U'o';
        case U'ú': case U'ü': return U'u';
        default: return c;
    }
}

inline std::u32string_view accented(char32_t c) {
    switch (c) {
        case U'a': return U"á";
        case U'e': return U"é";
        case U'i': return U"í";
        case U'o': return U"ó";
        case U'u': return U"úü";
        default: return U"";
    }
}

template <class Known>
void keep(std::vector<std::string>& out, const std::u32string& w, const std::u32string& original,
          Known& known) {
    if (w == original || w.empty()) return;
    std::string s = encode(w);
    if (std::find(out.begin(), out.end(), s) != out.end()) return;
    if (known(s)) out.push_back(std::move(s));
}

inline std::u32string_view alphabet_of(lang l) {
    static constexpr std::u32string_view kEs = U"abcdefghijklmnopqrstuvwxyzáéíóúüñ";
    static constexpr std::u32string_view kEn = U"abcdefghijklmnopqrstuvwxyz";
    return l == lang::es ? kEs : kEn;
}

}  // namespace candidates_detail

template <class Known, class Plausible>
std::vector<std::string> rare_neighbours(const std::string& lower, lang l, Known&& known,
                                         Plausible&& plausible) {
    using namespace candidates_detail;
    std::vector<std::string> out;
    const std::u32string w = decode(lower);
    auto consider = [&](const std::u32string& v) {
        std::string s = encode(v);
        if (std::find(out.begin(), out.end(), s) == out.end() && plausible(s) && known(s))
            out.push_back(std::move(s));
    };
    for (std::size_t i = 0; i <= w.size(); ++i)
        for (char32_t a : alphabet_of(l)) {
            if (i < w.size() && a != w[i]) {
                std::u32string v = w;
                v[i] = a;
                consider(v);
            }
            std::u32string v = w;
            v.insert(v.begin() + static_cast<std::ptrdiff_t>(i), a);
            consider(v);
        }
    return out;
}

template <class Known, class Frequent>
candidates generate_candidates(const std::string& lower, lang l, bool with_edits, Known&& known,
                               Frequent&& frequent) {
    using namespace candidates_detail;
    candidates c;
    const std::u32string w = decode(lower);
    if (w.size() < 2 || w.size() > 24) return c;
    if (l == lang::es) {
        // Accent restoration: strip every accent, then put back at most one accent and one ñ.
        std::u32string base = w;
        for (char32_t& ch : base) ch = strip_accent(ch);
        std::vector<std::u32string> bases{base};
        for (std::size_t i = 0; i < base.size(); ++i)
            if (base[i] == U'n') {
                bases.push_back(base);
                bases.back()[i] = U'ñ';
            }
        for (const auto& b : bases) {
            keep(c.accents, b, w, known);
            for (std::size_t i = 0; i < b.size(); ++i)
                for (char32_t a : accented(b[i])) {
                    std::u32string v = b;
                    v[i] = a;
                    keep(c.accents, v, w, known);
                }
        }
    }
    if (!with_edits) return c;
    const std::u32string_view alphabet = alphabet_of(l);
    auto add_edit = [&](const std::u32string& v, auto& accept) {
        if (l == lang::es) {
            std::string s = encode(v);
            if (std::find(c.accents.begin(), c.accents.end(), s) != c.accents.end()) return;
        }
        keep(c.edits, v, w, accept);
    };
    for (std::size_t i = 0; i < w.size(); ++i) {
        std::u32string v = w;
        v.erase(i, 1);
        add_edit(v, known);
    }
    for (std::size_t i = 0; i + 1 < w.size(); ++i) {
        std::u32string v = w;
        std::swap(v[i], v[i + 1]);
        add_edit(v, known);
    }
    for (std::size_t i = 0; i < w.size(); ++i)
        for (char32_t a : alphabet) {
            if (a == w[i]) continue;
            std::u32string v = w;
            v[i] = a;
            add_edit(v, frequent);
        }
    for (std::size_t i = 0; i <= w.size(); ++i)
        for (char32_t a : alphabet) {
            std::u32string v = w;
            v.insert(v.begin() + static_cast<std::ptrdiff_t>(i), a);
            // A doubled letter ("untill" <- "until" is the reverse) is a typical typo: ask
            // hunspell; any other insertion only counts when it makes a frequent word.
            bool doubling = (i > 0 && w[i - 1] == a) || (i < w.size() && w[i] == a);
            if (doubling) add_edit(v, known);
            else add_edit(v, frequent);
        }
    for (std::size_t i = 1; i < w.size(); ++i) {
        std::u32string left = w.substr(0, i), right = w.substr(i);
        auto short_ok = [&](const std::u32string& part) {
            if (part.size() >= 2) return true;
            return l == lang::es ? (part == U"a" || part == U"y" || part == U"o" || part == U"e")
                                 : (part == U"a" || part == U"i");
        };
        if (!short_ok(left) || !short_ok(right)) continue;
        std::string ls = encode(left), rs = encode(right);
        if (frequent(ls) && frequent(rs)) c.splits.push_back(ls + " " + rs);
    }
    return c;
}

}  // namespace galley::engine_detail
