#pragma once
// One morphological reading of a word, as Apertium's analysers give it: a lemma, a part of
// speech and features. Values are Apertium's tag names without brackets (DEPENDENCIES.md):
// pos "n", "adj", "vblex", "det"...; gender "m", "f", "mf", "nt"; number "sg", "pl", "sp";
// person "p1".."p3"; tense/mood "pri", "ifi", "pii", "inf", "pp"... A token whose analysis
// joins several words ("del" = de + el) has one reading per part, in `parts`.
#include <string>
#include <string_view>
#include <vector>

namespace galley::engine_detail {

struct reading {
    std::string lemma;
    std::string pos;                 // the first tag
    std::vector<std::string> tags;   // every tag, the part of speech first
    std::string gender, number, person, tense;

    bool has(std::string_view tag) const;
    bool plural() const { return number == "pl"; }
    bool singular() const { return number == "sg"; }
    bool verb() const {
        return pos == "vblex" || pos == "vbser" || pos == "vbhaver" || pos == "vbmod" ||
               pos == "vaux" || pos == "vbdo";
    }
};

/// The readings of one analysed word: several when it joins words ("del", "dámelo").
struct analysed_reading {
    std::vector<reading> parts;
    std::string lexical_form;  // Apertium's "lemma<tag>...+lemma<tag>..." for the tagger
    bool guessed = false;      // from the word's shape (guesser.hpp), not from the dictionary
};

/// What a rule knows of one token: every reading, and the one the tagger chose.
struct token_analysis {
    const std::vector<analysed_reading>* readings = nullptr;  // null: not analysed (spaces)
    int chosen = -1;                                          // -1: unknown word

    /// The analyser knows the word (guessed readings do not count, though best() returns them).
    bool known() const { return readings && !readings->empty() && !readings->front().guessed; }
    /// The first word of the chosen reading (the only one for most tokens), or null.
    const reading* best() const {
        return readings && chosen >= 0 && static_cast<std::size_t>(chosen) < readings->size()
                   ? &(*readings)[static_cast<std::size_t>(chosen)].parts.front()
                                      : nullptr;
    }
    /// True when some reading's first word has part of speech `pos`.
    bool can_be(std::string_view pos) const;
};

/// Parses one lexical form ("casa<n><f><sg>", "de<pr>+el<det><def><m><sg>"), unescaping
/// Apertium's backslashes. Multiword lemmas keep their spaces; "#" queues are dropped.
analysed_reading parse_lexical_form(std::string_view form);

/// Splits Apertium's "/form1/form2" (escaped slashes kept inside forms) into forms.
std::vector<std::string> split_readings(std::string_view readings);

}  // namespace galley::engine_detail
