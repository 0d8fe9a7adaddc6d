#pragma once
// A paragraph cut into tokens and sentences, the one input every rule reads.
// Offsets are code points into `text`; token texts are UTF-8 copies for dictionary lookups.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace galley::engine_detail {

enum class token_kind : std::uint8_t { word, number, space, punct, url };
enum class word_shape : std::uint8_t { lower, capitalized, upper, mixed, none };
/// What ended the sentence before a sentence-initial word.
enum class boundary : std::uint8_t {
    none,
    paragraph,
    period,
    period_after_number,
    question,
    exclamation,
    ellipsis,
    abbreviation
};

struct token {
    std::uint32_t begin = 0;  // code points, [begin, end)
    std::uint32_t end = 0;
    token_kind kind = token_kind::punct;
    word_shape shape = word_shape::none;
    boundary starts = boundary::none;  // != none: first word of a sentence
    bool has_digit = false;            // a word with digits in it ("MP3")
    std::string text;                  // UTF-8
    std::string lower;                 // UTF-8, lower case (words only)
    bool is(std::string_view lower_word) const {
        return kind == token_kind::word && lower == lower_word;
    }
    bool is_punct(char32_t c, const std::u32string& t) const {
        return kind == token_kind::punct && t[begin] == c;
    }
};

struct sentence_span {
    std::uint32_t first_token = 0;  // [first_token, last_token)
    std::uint32_t last_token = 0;
    std::uint32_t words = 0;
};

struct paragraph_view {
    std::u32string text;
    std::vector<token> tokens;
    std::vector<sentence_span> sentences;

    /// UTF-8 of text[begin, end).
    std::string slice(std::uint32_t begin, std::uint32_t end) const;
    /// Index of the next/previous token of kind word|number|punct|url (skipping spaces), or -1.
    int next_solid(int i) const;
    int prev_solid(int i) const;
    /// Token k exists and has kind `kind` / is the punctuation mark `c` (false out of range).
    bool kind_at(int k, token_kind kind) const {
        return k >= 0 && k < static_cast<int>(tokens.size()) && tokens[k].kind == kind;
    }
    bool punct_at(int k, char32_t c) const { return kind_at(k, token_kind::punct) && text[tokens[k].begin] == c; }
};

/// Cuts `utf8_text` (valid UTF-8) into tokens and sentences. URLs and e-mail addresses are one
/// `url` token; sentences end at . ? ! … unless the period follows a known abbreviation.
paragraph_view analyse_paragraph(std::string_view utf8_text);

/// Lower-cases / upper-cases with ICU's simple case mapping.
std::string to_lower(std::string_view utf8);
std::string capitalize(std::string_view utf8);
bool is_letter(char32_t c);
bool is_upper(char32_t c);
bool is_lower(char32_t c);

}  // namespace galley::engine_detail
