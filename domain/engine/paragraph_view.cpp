#include "domain/engine/paragraph_view.hpp"

#include <unicode/uchar.h>

#include <algorithm>
#include <array>

#include "domain/utf8.hpp"

namespace galley::engine_detail {

namespace {

constexpr std::array<std::u32string_view, 49> kAbbreviations = {
    U"sr",   U"sra", U"srta", U"dr",    U"dra", U"d",    U"dª",   U"ud",  U"uds", U"vd",
    U"vds",  U"pág", U"págs", U"p",     U"pp",  U"ej",   U"cf",   U"vol", U"núm", U"no",
    U"art",  U"cap", U"fig",  U"mr",    U"mrs", U"ms",   U"st",   U"jr",  U"vs",  U"approx",
    U"dept", U"inc", U"ltd",  U"co",    U"av",  U"avda", U"gral", U"lic", U"ing", U"prof",
    U"sto",  U"sta", U"cía",  U"aprox", U"op",  U"cit",  U"ed",   U"eds", U"etc"};

bool is_word_char(char32_t c) { return is_letter(c) || (c >= U'0' && c <= U'9'); }
bool is_digit(char32_t c) { return c >= U'0' && c <= U'9'; }
bool is_space(char32_t c) {
    return c == U' ' || c == U'\t' || c == 0xA0 || c == 0x202F || c == U'\n' || c == U'\r' ||
           c == 0x2009;
}
bool is_apostrophe(char32_t c) { return c == U'\'' || c == 0x2019; }
bool is_terminal(char32_t c) { return c == U'.' || c == U'?' || c == U'!' || c == 0x2026; }
bool is_closing(char32_t c) {
    return c == U'"' || c == 0x201D || c == 0xBB || c == U'\'' || c == 0x2019 || c == U')' ||
           c == U']';
}
bool is_opening(char32_t c) {
    return c == U'"' || c == 0x201C || c == 0xAB || c == U'\'' || c == 0x2018 || c == U'(' ||
           c == U'[' || c == 0x2014 || c == 0x2013 || c == U'-' || c == 0xBF || c == 0xA1;
}

using utf8::encode;

// Whitespace-delimited chunks that look like URLs, e-mail addresses or file names.
std::size_t url_length(const std::u32string& t, std::size_t i) {
    std::size_t end = i;
    while (end < t.size() && !is_space(t[end])) ++end;
    std::u32string_view chunk(t.data() + i, end - i);
    bool url = chunk.find(U"://") != std::u32string_view::npos || chunk.starts_with(U"www.");
    std::size_t at = chunk.find(U'@');
    if (!url && at != std::u32string_view::npos && at > 0)
        url = chunk.find(U'.', at) != std::u32string_view::npos;
    if (!url) {
        // name.ext or domain.tld: an inner dot followed by a lower-case letter or a digit.
        for (std::size_t k = 1; k + 1 < chunk.size(); ++k)
            if (chunk[k] == U'.' && is_word_char(chunk[k - 1]) &&
                (is_lower(chunk[k + 1]) || is_digit(chunk[k + 1])) && !is_digit(chunk[k - 1])) {
                url = true;
                break;
            }
    }
    if (!url) return 0;
    while (end > i && (is_terminal(t[end - 1]) || t[end - 1] == U',' || t[end - 1] == U';' ||
                       t[end - 1] == U':' || is_closing(t[end - 1])))
        --end;
    return end - i;
}

word_shape shape_of(std::u32string_view w) {
    std::size_t up = 0, low = 0;
    for (char32_t c : w) {
        if (is_upper(c))
            ++up;
        else if (is_lower(c))
            ++low;
    }
    if (up == 0 && low == 0) return word_shape::none;
    if (up == 0) return word_shape::lower;
    if (low == 0) return up == 1 && w.size() == 1 ? word_shape::capitalized : word_shape::upper;
    if (up == 1 && is_upper(w[0])) return word_shape::capitalized;
    return word_shape::mixed;
}

void tokenize(paragraph_view& p) {
    const std::u32string& t = p.text;
    std::size_t i = 0;
    bool chunk_start = true;
    while (i < t.size()) {
        token tok;
        tok.begin = static_cast<std::uint32_t>(i);
        char32_t c = t[i];
        std::size_t ul = (chunk_start || (i > 0 && !is_word_char(t[i - 1]))) && is_word_char(c)
                             ? url_length(t, i)
                             : 0;
        if (ul > 0) {
            tok.kind = token_kind::url;
            i += ul;
        } else if (is_space(c)) {
            tok.kind = token_kind::space;
            while (i < t.size() && is_space(t[i])) ++i;
        } else if (is_digit(c)) {
            tok.kind = token_kind::number;
            while (i < t.size() &&
                   (is_digit(t[i]) || ((t[i] == U'.' || t[i] == U',' || t[i] == U':') &&
                                       i + 1 < t.size() && is_digit(t[i + 1]))))
                ++i;
        } else if (is_letter(c)) {
            tok.kind = token_kind::word;
            while (i < t.size()) {
                if (is_word_char(t[i]) || u_getCombiningClass(t[i]) != 0) {
                    tok.has_digit |= is_digit(t[i]);
                    ++i;
                } else if ((is_apostrophe(t[i]) || t[i] == U'-') && i + 1 < t.size() &&
                           is_letter(t[i + 1])) {
                    ++i;
                } else {
                    break;
                }
            }
        } else {
            tok.kind = token_kind::punct;
            ++i;
        }
        tok.end = static_cast<std::uint32_t>(i);
        chunk_start = tok.kind == token_kind::space;
        std::u32string_view w(t.data() + tok.begin, tok.end - tok.begin);
        tok.text = encode(w);
        if (tok.kind == token_kind::word) {
            tok.shape = shape_of(w);
            tok.lower = to_lower(tok.text);
        }
        p.tokens.push_back(std::move(tok));
    }
}

bool is_abbreviation(const paragraph_view& p, int word) {
    const token& w = p.tokens[word];
    std::u32string_view s(p.text.data() + w.begin, w.end - w.begin);
    if (s.size() == 1) return true;  // an initial: "F. Domingo", "e.g."
    std::u32string low;
    for (char32_t c : s) low.push_back(u_tolower(c));
    if (std::find(kAbbreviations.begin(), kAbbreviations.end(), low) != kAbbreviations.end())
        return true;
    // "p.ej.", "e.g.", "U.S.": a dotted chain right before this word.
    return w.begin >= 2 && p.text[w.begin - 1] == U'.' && is_letter(p.text[w.begin - 2]);
}

// Marks the first word of every sentence and fills p.sentences.
void segment(paragraph_view& p) {
    const std::u32string& t = p.text;
    boundary pending = boundary::paragraph;
    std::uint32_t first = 0, words = 0;
    auto close = [&](std::uint32_t last) {
        if (words > 0) p.sentences.push_back({first, last, words});
        first = last;
        words = 0;
    };
    for (std::size_t k = 0; k < p.tokens.size(); ++k) {
        token& tok = p.tokens[k];
        if (tok.kind == token_kind::word || tok.kind == token_kind::number ||
            tok.kind == token_kind::url) {
            if (pending != boundary::none) {
                if (tok.kind == token_kind::word) tok.starts = pending;
                pending = boundary::none;
            }
            ++words;
            continue;
        }
        if (tok.kind == token_kind::punct && pending != boundary::none && !is_opening(t[tok.begin]))
            pending = boundary::none;  // ". ... and", ". [=get": no clear sentence start
        if (tok.kind != token_kind::punct || !is_terminal(t[tok.begin])) continue;
        // A run of terminal marks, then closing quotes/brackets, then a space or the end.
        std::size_t run_end = k;
        bool question = false, exclam = false;
        std::size_t dots = 0;
        while (run_end < p.tokens.size() && p.tokens[run_end].kind == token_kind::punct &&
               is_terminal(t[p.tokens[run_end].begin])) {
            char32_t c = t[p.tokens[run_end].begin];
            question |= c == U'?';
            exclam |= c == U'!';
            dots += c == U'.' ? 1 : (c == 0x2026 ? 3 : 0);
            ++run_end;
        }
        std::size_t after = run_end;
        while (after < p.tokens.size() && p.tokens[after].kind == token_kind::punct &&
               is_closing(t[p.tokens[after].begin]))
            ++after;
        bool at_end = after == p.tokens.size();
        if (!at_end && p.tokens[after].kind != token_kind::space) {
            k = run_end - 1;
            continue;
        }
        int prev = p.prev_solid(static_cast<int>(k));
        boundary b = boundary::period;
        if (question)
            b = boundary::question;
        else if (exclam)
            b = boundary::exclamation;
        else if (dots >= 2)
            b = boundary::ellipsis;
        else if (prev >= 0 && p.tokens[prev].kind == token_kind::number)
            b = boundary::period_after_number;
        else if (prev >= 0 && p.tokens[prev].kind == token_kind::word && is_abbreviation(p, prev))
            b = boundary::abbreviation;
        else if (prev >= 0 && p.tokens[prev].kind == token_kind::url)
            b = boundary::abbreviation;  // "a.m.", "example.com."
        if (b == boundary::ellipsis || b == boundary::abbreviation) {
            // Only a capital after "..." or "etc." starts a new sentence.
            std::size_t n = after;
            while (n < p.tokens.size() &&
                   (p.tokens[n].kind == token_kind::space ||
                    (p.tokens[n].kind == token_kind::punct && is_opening(t[p.tokens[n].begin]))))
                ++n;
            bool capital = n < p.tokens.size() && p.tokens[n].kind == token_kind::word &&
                           is_upper(t[p.tokens[n].begin]);
            if (!capital || (b == boundary::abbreviation && !p.tokens[prev].is("etc"))) {
                k = after > k ? after - 1 : k;
                continue;
            }
        }
        close(static_cast<std::uint32_t>(after));
        pending = b;
        k = after > k ? after - 1 : k;
    }
    close(static_cast<std::uint32_t>(p.tokens.size()));
}

}  // namespace

bool is_letter(char32_t c) { return u_isalpha(static_cast<UChar32>(c)); }
bool is_upper(char32_t c) { return u_isupper(static_cast<UChar32>(c)); }
bool is_lower(char32_t c) { return u_islower(static_cast<UChar32>(c)); }

std::string to_lower(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    std::size_t i = 0;
    while (i < s.size()) {
        unsigned char b = static_cast<unsigned char>(s[i]);
        if (b < 0x80) {
            out.push_back(b >= 'A' && b <= 'Z' ? static_cast<char>(b + 32) : static_cast<char>(b));
            ++i;
        } else {
            utf8::append(out, static_cast<char32_t>(u_tolower(utf8::next(s, i))));
        }
    }
    return out;
}

std::string capitalize(std::string_view s) {
    if (s.empty()) return {};
    std::size_t i = 0;
    char32_t c = utf8::next(s, i);
    std::string out;
    utf8::append(out, static_cast<char32_t>(u_toupper(static_cast<UChar32>(c))));
    out.append(s.substr(i));
    return out;
}

std::string paragraph_view::slice(std::uint32_t begin, std::uint32_t end) const {
    return encode(std::u32string_view(text.data() + begin, end - begin));
}

int paragraph_view::next_solid(int i) const {
    for (int k = i + 1; k < static_cast<int>(tokens.size()); ++k)
        if (tokens[k].kind != token_kind::space) return k;
    return -1;
}

int paragraph_view::prev_solid(int i) const {
    for (int k = i - 1; k >= 0; --k)
        if (tokens[k].kind != token_kind::space) return k;
    return -1;
}

paragraph_view analyse_paragraph(std::string_view utf8_text) {
    paragraph_view p;
    p.text.reserve(utf8_text.size());
    std::size_t i = 0;
    while (i < utf8_text.size()) p.text.push_back(utf8::next(utf8_text, i));
    tokenize(p);
    segment(p);
    return p;
}

}  // namespace galley::engine_detail
