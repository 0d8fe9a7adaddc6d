#include "domain/review/dictionary.hpp"

#include <unicode/uchar.h>

#include <algorithm>

#include "domain/utf8.hpp"

namespace galley {

status validate_dictionary_word(std::string_view word, const std::string& field) {
    if (!utf8::is_valid(word))
        return make_error(errc::invalid_argument, "a word must be UTF-8 text", field);
    std::size_t n = utf8::count(word);
    if (n == 0 || n > 100)
        return make_error(errc::invalid_argument, "a word has 1 to 100 characters", field);
    std::size_t i = 0;
    while (i < word.size()) {
        char32_t c = utf8::next(word, i);
        if (u_isUWhiteSpace(static_cast<UChar32>(c)) || u_iscntrl(static_cast<UChar32>(c)) ||
            u_charType(static_cast<UChar32>(c)) == U_FORMAT_CHAR)
            return make_error(errc::invalid_argument,
                              "a word holds no spaces or control characters", field);
    }
    return {};
}

result<std::vector<std::string>> normalize_dictionary(std::vector<std::string> words) {
    for (std::size_t i = 0; i < words.size(); ++i)
        if (auto s = validate_dictionary_word(words[i], "words[" + std::to_string(i) + "]"); !s)
            return s.err();
    std::sort(words.begin(), words.end());
    words.erase(std::unique(words.begin(), words.end()), words.end());
    if (words.size() > kMaxDictionaryWords)
        return make_error(errc::invalid_argument, "a dictionary holds at most 10000 words",
                          "words");
    return words;
}

}  // namespace galley
