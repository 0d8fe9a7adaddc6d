#include "bench/engine/slips.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "domain/engine/paragraph_view.hpp"
#include "domain/utf8.hpp"

namespace galley::bench {

namespace {

using engine_detail::paragraph_view;
using engine_detail::token;
using engine_detail::token_kind;
using engine_detail::word_shape;
using engine_detail::boundary;

using utf8::decode;
using utf8::encode;

std::string replace_span(const paragraph_view& p, std::uint32_t b, std::uint32_t e,
                         std::string_view with) {
    std::u32string t = p.text;
    t.replace(b, e - b, decode(with));
    return encode(t);
}

using rng = std::mt19937;
using injector = std::function<std::optional<std::string>(const paragraph_view&, rng&)>;

// A random token satisfying `want`, or -1.
template <class Want>
int pick(const paragraph_view& p, rng& r, Want want) {
    std::vector<int> ok;
    for (int i = 0; i < static_cast<int>(p.tokens.size()); ++i)
        if (want(p.tokens[i], i)) ok.push_back(i);
    if (ok.empty()) return -1;
    return ok[std::uniform_int_distribution<std::size_t>(0, ok.size() - 1)(r)];
}

bool all_letters(const paragraph_view& p, const token& t) {
    for (auto i = t.begin; i < t.end; ++i)
        if (!engine_detail::is_letter(p.text[i])) return false;
    return true;
}

std::optional<std::string> lowercase_start(const paragraph_view& p, rng& r) {
    int i = pick(p, r, [&](const token& t, int) {
        return t.kind == token_kind::word && t.shape == word_shape::capitalized &&
               (t.starts == boundary::paragraph || t.starts == boundary::period) &&
               t.end - t.begin >= 2 && all_letters(p, t);
    });
    if (i < 0) return std::nullopt;
    const token& t = p.tokens[i];
    return replace_span(p, t.begin, t.end, engine_detail::to_lower(t.text));
}

std::optional<std::string> repeated_word(const paragraph_view& p, rng& r) {
    int i = pick(p, r, [&](const token& t, int k) {
        if (t.kind != token_kind::word || !all_letters(p, t)) return false;
        int n = p.next_solid(k);
        return n < 0 || p.tokens[n].lower != t.lower;
    });
    if (i < 0) return std::nullopt;
    const token& t = p.tokens[i];
    return replace_span(p, t.begin, t.end, t.text + " " + t.text);
}

// Spanish impersonal haber made plural before a plural determiner ("había unos" → "habían unos").
std::optional<std::string> haber_plural(const paragraph_view& p, rng& r) {
    static const std::map<std::string, std::string> plural = {
        {"había", "habían"}, {"hubo", "hubieron"}, {"habrá", "habrán"}, {"habría", "habrían"},
        {"haya", "hayan"},   {"hubiera", "hubieran"}};
    static const std::vector<std::string> determiners = {
        "unos", "unas", "muchos", "muchas", "varios", "varias", "algunos", "algunas", "pocos",
        "pocas", "dos", "tres", "cuatro", "cinco", "tantos", "tantas", "demasiados", "otros", "otras"};
    int i = pick(p, r, [&](const token& t, int k) {
        if (t.kind != token_kind::word || !plural.count(t.lower)) return false;
        int n = p.next_solid(k);
        return n >= 0 && std::find(determiners.begin(), determiners.end(), p.tokens[n].lower) !=
                             determiners.end();
    });
    if (i < 0) return std::nullopt;
    const token& t = p.tokens[i];
    std::string form = plural.at(t.lower);
    if (t.shape == word_shape::capitalized) form = engine_detail::capitalize(form);
    return replace_span(p, t.begin, t.end, form);
}

char32_t strip_accent(char32_t c) {
    switch (c) {
        case U'á': return U'a'; case U'é': return U'e'; case U'í': return U'i';
        case U'ó': return U'o'; case U'ú': return U'u';
        default: return c;
    }
}

// A word with one written accent whose unaccented form is another real word ("está" → "esta").
std::optional<std::string> accent(const paragraph_view& p, rng& r,
                                  const std::function<bool(const std::string&)>& spelled) {
    int i = pick(p, r, [&](const token& t, int) {
        if (t.kind != token_kind::word || t.shape != word_shape::lower) return false;
        int accents = 0;
        std::u32string bare;
        for (auto k = t.begin; k < t.end; ++k) {
            accents += strip_accent(p.text[k]) != p.text[k];
            bare.push_back(strip_accent(p.text[k]));
        }
        return accents == 1 && spelled(encode(bare));
    });
    if (i < 0) return std::nullopt;
    const token& t = p.tokens[i];
    std::u32string bare;
    for (auto k = t.begin; k < t.end; ++k) bare.push_back(strip_accent(p.text[k]));
    return replace_span(p, t.begin, t.end, encode(bare));
}

std::optional<std::string> opening_mark(const paragraph_view& p, rng& r) {
    int i = pick(p, r, [&](const token& t, int) {
        return t.kind == token_kind::punct && (p.text[t.begin] == U'¿' || p.text[t.begin] == U'¡');
    });
    if (i < 0) return std::nullopt;
    return replace_span(p, p.tokens[i].begin, p.tokens[i].end, "");
}

const std::map<char32_t, std::u32string>& keyboard_neighbours() {
    static const std::map<char32_t, std::u32string> m = {
        {U'q', U"wa"}, {U'w', U"qes"}, {U'e', U"wrd"}, {U'r', U"etf"}, {U't', U"ryg"},
        {U'y', U"tuh"}, {U'u', U"yij"}, {U'i', U"uok"}, {U'o', U"ipl"}, {U'p', U"ol"},
        {U'a', U"qsz"}, {U's', U"adwx"}, {U'd', U"sfe"}, {U'f', U"dgr"}, {U'g', U"fht"},
        {U'h', U"gjy"}, {U'j', U"hku"}, {U'k', U"jli"}, {U'l', U"ko"}, {U'z', U"xa"},
        {U'x', U"zcs"}, {U'c', U"xvd"}, {U'v', U"cbf"}, {U'b', U"vng"}, {U'n', U"bmh"},
        {U'm', U"nj"}};
    return m;
}

// One keyboard or phonetic slip in a word of 4+ letters, leaving a non-word.
std::optional<std::string> typo(const paragraph_view& p, rng& r, const std::string& lang,
                                const std::function<bool(const std::string&)>& spelled) {
    for (int attempt = 0; attempt < 8; ++attempt) {
        int i = pick(p, r, [&](const token& t, int) {
            return t.kind == token_kind::word && t.shape == word_shape::lower &&
                   t.end - t.begin >= 4 && all_letters(p, t);
        });
        if (i < 0) return std::nullopt;
        const token& t = p.tokens[i];
        std::u32string w(p.text.substr(t.begin, t.end - t.begin));
        std::size_t at = std::uniform_int_distribution<std::size_t>(0, w.size() - 1)(r);
        int op = std::uniform_int_distribution<int>(0, lang == "es" ? 4 : 3)(r);
        auto near = keyboard_neighbours().find(w[at]);
        if (op == 0) {
            w.erase(at, 1);
        } else if (op == 1 && at + 1 < w.size()) {
            std::swap(w[at], w[at + 1]);
        } else if (op == 2 && near != keyboard_neighbours().end()) {
            w[at] = near->second[std::uniform_int_distribution<std::size_t>(0, near->second.size() - 1)(r)];
        } else if (op == 3 && near != keyboard_neighbours().end()) {
            w.insert(at, 1, near->second[0]);
        } else if (op == 4) {  // Spanish sound-alike spellings
            static const std::vector<std::pair<std::u32string, std::u32string>> swaps = {
                {U"b", U"v"}, {U"v", U"b"}, {U"ll", U"y"}, {U"y", U"ll"}, {U"ge", U"je"},
                {U"gi", U"ji"}, {U"je", U"ge"}, {U"z", U"s"}, {U"ce", U"se"}, {U"ci", U"si"},
                {U"h", U""}};
            auto [from, to] = swaps[std::uniform_int_distribution<std::size_t>(0, swaps.size() - 1)(r)];
            auto found = w.find(from);
            if (found == std::u32string::npos) continue;
            w.replace(found, from.size(), to);
        } else {
            continue;
        }
        std::string out = encode(w);
        if (out.empty() || spelled(out)) continue;
        return replace_span(p, t.begin, t.end, out);
    }
    return std::nullopt;
}

// English words swapped for their usual confusion ("it's" → "its", "than" → "then").
std::optional<std::string> confusable(const paragraph_view& p, rng& r) {
    static const std::map<std::string, std::string> swap = {
        {"its", "it's"},     {"your", "you're"},   {"you're", "your"}, {"their", "there"},
        {"there", "their"},  {"they're", "their"}, {"than", "then"},   {"too", "to"},
        {"lose", "loose"},   {"loose", "lose"},    {"affect", "effect"}, {"effect", "affect"},
        {"whose", "who's"},  {"who's", "whose"},   {"it's", "its"},    {"then", "than"}};
    int i = pick(p, r, [&](const token& t, int k) {
        if (t.kind != token_kind::word || t.shape != word_shape::lower) return false;
        std::string w = t.lower;
        if (k + 2 < static_cast<int>(p.tokens.size()) && p.punct_at(k + 1, U'\'') &&
            p.kind_at(k + 2, token_kind::word))
            w += "'" + p.tokens[k + 2].lower;
        return swap.count(w) > 0;
    });
    if (i < 0) return std::nullopt;
    const token& t = p.tokens[i];
    std::string w = t.lower;
    std::uint32_t end = t.end;
    if (i + 2 < static_cast<int>(p.tokens.size()) && p.punct_at(i + 1, U'\'') &&
        p.kind_at(i + 2, token_kind::word) && swap.count(w + "'" + p.tokens[i + 2].lower)) {
        w += "'" + p.tokens[i + 2].lower;
        end = p.tokens[i + 2].end;
    }
    return replace_span(p, t.begin, end, swap.at(w));
}

std::optional<std::string> a_an(const paragraph_view& p, rng& r) {
    int i = pick(p, r, [&](const token& t, int) {
        return t.kind == token_kind::word && t.shape == word_shape::lower && (t.lower == "a" || t.lower == "an");
    });
    if (i < 0) return std::nullopt;
    const token& t = p.tokens[i];
    return replace_span(p, t.begin, t.end, t.lower == "a" ? "an" : "a");
}

// A contraction written without its apostrophe where that leaves a non-word ("don't" → "dont").
std::optional<std::string> apostrophe(const paragraph_view& p, rng& r) {
    static const std::vector<std::u32string> forms = {
        U"don't", U"doesn't", U"didn't", U"isn't",  U"wasn't",  U"can't",
        U"couldn't", U"wouldn't", U"i'm", U"i've", U"haven't", U"shouldn't"};
    auto plain = [&](const token& t) {
        std::u32string w;
        for (auto k = t.begin; k < t.end; ++k) {
            char32_t c = p.text[k] == U'\u2019' ? U'\'' : p.text[k];
            w.push_back(c >= U'A' && c <= U'Z' ? c - U'A' + U'a' : c);
        }
        return w;
    };
    int i = pick(p, r, [&](const token& t, int) {
        return t.kind == token_kind::word && std::find(forms.begin(), forms.end(), plain(t)) != forms.end();
    });
    if (i < 0) return std::nullopt;
    const token& t = p.tokens[i];
    std::u32string w(p.text.substr(t.begin, t.end - t.begin));
    std::erase_if(w, [](char32_t c) { return c == U'\'' || c == U'\u2019'; });
    return replace_span(p, t.begin, t.end, encode(w));
}

std::optional<std::string> lowercase_i(const paragraph_view& p, rng& r) {
    int i = pick(p, r, [&](const token& t, int) { return t.kind == token_kind::word && t.text == "I"; });
    if (i < 0) return std::nullopt;
    return replace_span(p, p.tokens[i].begin, p.tokens[i].end, "i");
}

}  // namespace

std::vector<std::string> corpus_paragraphs(const std::string& dir, const std::string& language) {
    std::vector<std::string> files;
    for (const auto& e : std::filesystem::directory_iterator(dir))
        if (e.path().filename().string().rfind(language + "__", 0) == 0) files.push_back(e.path());
    std::sort(files.begin(), files.end());
    std::vector<std::string> out;
    for (const auto& f : files) {
        std::ifstream in(f);
        std::string line, block;
        auto flush = [&] {
            std::size_t words = std::count(block.begin(), block.end(), ' ') + 1;
            char last = block.empty() ? 0 : block.back();
            if (words >= 10 && words <= 150 && (last == '.' || last == '?' || last == '!'))
                out.push_back(block);
            block.clear();
        };
        while (std::getline(in, line)) {
            if (!line.empty() && line.back() == '\r') line.pop_back();
            std::size_t b = line.find_first_not_of(" \t");
            if (b == std::string::npos) { flush(); continue; }
            std::size_t e = line.find_last_not_of(" \t");
            block += (block.empty() ? "" : " ") + line.substr(b, e - b + 1);
        }
        flush();
    }
    return out;
}

std::vector<std::string> slip_kinds(const std::string& language) {
    if (language == "es")
        return {"lowercase_start", "repeated_word", "haber_plural", "accent", "opening_mark", "typo"};
    return {"lowercase_start", "repeated_word", "confusable", "a_an", "apostrophe", "lowercase_i", "typo"};
}

std::vector<slip_case> make_slip_set(const std::vector<std::string>& paragraphs,
                                     const std::string& language,
                                     const std::function<bool(const std::string&)>& spelled,
                                     std::size_t per_kind, std::size_t clean, std::uint32_t seed) {
    std::map<std::string, injector> inject = {
        {"lowercase_start", lowercase_start},
        {"repeated_word", repeated_word},
        {"haber_plural", haber_plural},
        {"accent", [&](const paragraph_view& p, rng& r) { return accent(p, r, spelled); }},
        {"opening_mark", opening_mark},
        {"typo", [&](const paragraph_view& p, rng& r) { return typo(p, r, language, spelled); }},
        {"confusable", confusable},
        {"a_an", a_an},
        {"apostrophe", apostrophe},
        {"lowercase_i", lowercase_i}};
    rng r(seed);
    std::vector<std::size_t> order(paragraphs.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::shuffle(order.begin(), order.end(), r);
    std::vector<slip_case> out;
    clean = std::min(clean, order.size());
    for (std::size_t i = 0; i < clean; ++i)
        out.push_back({language, "clean", paragraphs[order[i]], paragraphs[order[i]]});
    const std::size_t pool = order.size() - clean;
    std::size_t start = 0;
    for (const std::string& kind : slip_kinds(language)) {
        std::size_t made = 0;
        // Each kind draws from the paragraphs after the clean ones, from its own starting point.
        for (std::size_t k = 0; k < pool && made < per_kind; ++k) {
            const std::string& text = paragraphs[order[clean + (start + k) % pool]];
            paragraph_view p = engine_detail::analyse_paragraph(text);
            if (auto s = inject.at(kind)(p, r); s && *s != text) {
                out.push_back({language, kind, text, *s});
                ++made;
            }
        }
        start += per_kind * 3;
    }
    return out;
}

}  // namespace galley::bench
