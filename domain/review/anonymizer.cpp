#include "domain/review/anonymizer.hpp"

#include <cctype>

#include "domain/engine/paragraph_view.hpp"
#include "domain/utf8.hpp"

namespace galley {

namespace {
using engine_detail::is_letter;
using engine_detail::is_upper;
using engine_detail::to_lower;

bool starts_with_nocase(std::string_view s, std::string_view prefix) {
    if (s.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(s[i])) != prefix[i]) return false;
    return true;
}

bool email_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '%' ||
           c == '+' || c == '-' || c == '@';
}

// Length in bytes of a URL starting at text[0], or 0.
std::size_t url_length(std::string_view text) {
    if (!starts_with_nocase(text, "http://") && !starts_with_nocase(text, "https://") &&
        !starts_with_nocase(text, "www."))
        return 0;
    std::size_t n = 0;
    while (n < text.size() && !std::isspace(static_cast<unsigned char>(text[n])) &&
           std::string_view("<>\"").find(text[n]) == std::string_view::npos)
        ++n;
    while (n > 0 && std::string_view(".,;:!?)]}'").find(text[n - 1]) != std::string_view::npos) --n;
    return n;
}

// Length in bytes of an e-mail address starting at text[0], or 0.
std::size_t email_length(std::string_view text) {
    std::size_t n = 0;
    while (n < text.size() && email_char(text[n])) ++n;
    std::string_view cand = text.substr(0, n);
    while (!cand.empty() && (cand.back() == '.' || cand.back() == '-')) cand.remove_suffix(1);
    auto at = cand.find('@');
    if (at == 0 || at == std::string_view::npos || cand.find('@', at + 1) != std::string_view::npos)
        return 0;
    auto dot = cand.find('.', at + 2);
    if (dot == std::string_view::npos || dot + 1 >= cand.size()) return 0;
    return cand.size();
}

std::size_t number_length(std::string_view text) {
    std::size_t n = 0;
    auto digit = [&](std::size_t i) { return i < text.size() && text[i] >= '0' && text[i] <= '9'; };
    while (digit(n) ||
           (n > 0 && n < text.size() && (text[n] == '.' || text[n] == ',') && digit(n + 1)))
        ++n;
    return n;
}

bool has_lower(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size())
        if (engine_detail::is_lower(utf8::next(s, i))) return true;
    return false;
}

bool ends_sentence(char32_t c) {
    return c == '.' || c == '!' || c == '?' || c == U'…' || c == '\n';
}
}  // namespace

anonymizer::anonymizer(const std::vector<std::string>& dictionary) {
    for (const auto& w : dictionary) dictionary_.insert(to_lower(w));
}

std::string anonymizer::placeholder(kind k, std::string_view value) {
    static const char* const names[kinds] = {"EMAIL", "URL", "NUMBER", "NAME"};
    auto [it, fresh] = seen_.try_emplace({k, std::string(value)});
    if (fresh) it->second = "<" + std::string(names[k]) + "_" + std::to_string(++counts_[k]) + ">";
    return it->second;
}

std::string anonymizer::apply(std::string_view text) {
    std::string out;
    bool sentence_start = true;
    bool word_before = false;  // the previous code point was part of a word or number
    std::size_t i = 0;
    while (i < text.size()) {
        std::string_view rest = text.substr(i);
        if (!word_before) {
            std::size_t n = url_length(rest);
            kind k = url;
            if (n == 0 && (n = email_length(rest)) > 0) k = email;
            if (n == 0 && (n = number_length(rest)) > 0) k = number;
            if (n > 0) {
                out += placeholder(k, rest.substr(0, n));
                i += n;
                sentence_start = false;
                continue;
            }
        }
        std::size_t j = i;
        char32_t c = utf8::next(text, j);
        if (!is_letter(c)) {
            if (ends_sentence(c)) sentence_start = true;
            word_before = std::isalnum(static_cast<unsigned char>(text[i])) != 0;
            out.append(text.substr(i, j - i));
            i = j;
            continue;
        }
        // A word: letters, and apostrophes or hyphens between letters.
        std::size_t end = j;
        while (end < text.size()) {
            std::size_t k = end;
            char32_t d = utf8::next(text, k);
            if (is_letter(d) || ((d == '\'' || d == U'’' || d == '-') && k < text.size())) {
                if (!is_letter(d)) {
                    std::size_t m = k;
                    if (!is_letter(utf8::next(text, m))) break;
                }
                end = k;
                continue;
            }
            break;
        }
        std::string_view word = text.substr(i, end - i);
        bool is_name = is_upper(c) && !sentence_start && has_lower(word.substr(j - i)) &&
                       !dictionary_.count(to_lower(word));
        out += is_name ? placeholder(name, word) : std::string(word);
        sentence_start = false;
        word_before = true;
        i = end;
    }
    return out;
}

}  // namespace galley
