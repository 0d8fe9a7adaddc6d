#pragma once
// The rule-file format (rules/*.rules): one rule per block, a line per attribute.
//
//   language es                     # default language of the rules that follow
//   rule ES_DIACRITIC_EL            # starts a rule: a stable id
//   category spelling               # spelling|typography|punctuation|grammar|style
//   confidence 0.85                 # its measured precision
//   description Pronoun él after a preposition     (English, for the catalogue)
//   message «Él», pronombre, lleva tilde.          (in the rule's language)
//   pattern para|por|sin [el] .|,|;|END            # tokens; [ ] marks what is replaced
//   unless para el que                             # an exception: a match overlapping the mark vetoes
//   suggest él                      # the replacement ($1..$9: a matched token); or `note`
//   suggest @2<vblex><ifi><p3><sg>  # or a form generated from token 2's lemma and these tags
//   suggest ~2                      # or token 2 with the one written accent that makes it a
//                                   # dictionary word ("tenia" -> "tenía")
//   suggest ~@2<vblex><ifi><p3><sg> # or the generated form when it is token 2 with accents
//                                   # added ("llego" -> "llegó"; "como" -> "comió" is refused)
//   example: Lo hice para el. -> Lo hice para él.  # an error and its correction
//   example: Lo hice para el niño.                  # a correct sentence to leave alone
//
// A pattern token: words or marks separated by '|' (case-insensitive), '!' before them for
// "none of these", '*' for any token, WORD for any word, END for the paragraph's end; then
// optional conditions in braces, ';'-separated: pos=n,adj (the tagger's reading) can=vblex
// (some reading) not=n (no reading) tense=pp,inf tag=comp num=pl gen=f per=p3 unknown cap lower start (first word of a
// sentence); then '?' for an
// optional token. Spaces are not tokens. Lines starting with '#' are comments.
#include <string>
#include <string_view>
#include <vector>

#include "domain/engine/patterns/pattern_rule.hpp"
#include "domain/result.hpp"

namespace galley::engine_detail {

/// Parses one rule file. Fails with errc::invalid_argument naming `file`, the line and what is
/// wrong (unknown attribute, bad token, a rule without pattern, mark, message or examples).
result<std::vector<pattern_rule>> parse_rule_file(std::string_view text, std::string_view file);

/// Parses one pattern line (exposed for tests); `mark_first/last` are set when it has [ ].
result<std::vector<token_condition>> parse_pattern(std::string_view line, std::size_t* mark_first,
                                                   std::size_t* mark_last);

}  // namespace galley::engine_detail
