#pragma once
// A rule written as data (rules/*.rules, parsed by rule_file.hpp): a token pattern with
// conditions on text, part of speech and features, a marked span, a replacement template,
// exceptions and examples. Pure values; matcher.hpp runs them.
#include <string>
#include <vector>

#include "domain/engine/suggestion.hpp"

namespace galley::engine_detail {

/// What one pattern position requires of one token (spaces are never tokens here).
struct token_condition {
    std::vector<std::string> words;  // lower-case words or punctuation marks; empty: any
    bool negated = false;            // "!a|b": a token that is none of `words`
    bool end = false;                // "END" (alone or among words): the paragraph may end here
    bool optional = false;           // "?" suffix: the token may be absent
    bool word_only = false;          // "WORD": a word token (with words: one of them)
    std::vector<std::string> pos;       // the tagger's reading has one of these parts of speech
    std::vector<std::string> can_be;    // one reading has one of these parts of speech and, with
                                        // it, the tense, person and tags asked for below
    std::vector<std::string> cannot_be; // no reading has any of these parts of speech
    std::vector<std::string> tense;     // some reading has one of these tense/mood tags
    std::vector<std::string> tags;      // some reading carries one of these tags ("comp")
    std::string number, gender;         // of the tagger's reading ("sg", "pl"; "m", "f")
    std::string person;                 // some reading has this person ("p3")
    bool unknown = false;               // the analyser does not know the word
    bool capitalised = false;           // starts with a capital letter
    bool lowercase = false;             // written in lower case
    bool sentence_start = false;        // the first word of a sentence
};

struct rule_example {
    std::string text;
    std::string correction;  // empty: a correct sentence the rule must leave alone
    bool incorrect = false;
};

struct pattern_rule {
    std::string id;
    std::string language;  // "es" | "en"
    category cat = category::grammar;
    double confidence = 0.8;
    std::string message;      // in the rule's language
    std::string description;  // for the catalogue (English)
    std::vector<token_condition> pattern;
    std::size_t mark_first = 0, mark_last = 0;  // the replaced span, pattern positions
    std::string replacement;  // "$1".."$9": the text of that pattern position; "@N<tags>": a
                              // form generated from token N's lemma; case follows the first
                              // marked token; empty with `note`: no replacement
    bool note = false;
    std::vector<std::vector<token_condition>> exceptions;  // a match overlapping the span vetoes
    std::vector<rule_example> examples;
    std::string file;  // where it was read, for messages
    int line = 0;
};

}  // namespace galley::engine_detail
