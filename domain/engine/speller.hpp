#pragma once
// Spelling on top of hunspell. `dictionaries` is loaded once and shared by every thread (each
// hunspell handle sits behind its own mutex, because Hunspell::spell is not thread-safe).
// `spell_session` lives for one check() call on one thread: it counts the document's words and
// caches one verdict per distinct word, so a novel costs one spell() per distinct word.
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "domain/engine/analysis/analyser.hpp"
#include "domain/engine/rule_context.hpp"
#include "domain/engine/spelling/candidate_index.hpp"
#include "domain/result.hpp"

class Hunspell;

namespace galley::engine_detail {

class dictionaries {
public:
    /// Loads es_ES, en_US and en_GB from `dir` and checks that Apertium's data is in
    /// `apertium_dir`. Fails with errc::unavailable naming the missing file. Thread-safe after
    /// construction.
    static result<std::shared_ptr<const dictionaries>> load(
        const std::string& dir, const std::string& apertium_dir = std::string(default_apertium_dir));
    ~dictionaries();

    /// True when `word` (UTF-8, as written) is in the dictionary of `l` (`british` picks en_GB).
    /// REQUIRES: l != lang::other. Safe from any thread; serialised per dictionary.
    bool spell(lang l, bool british, const std::string& word) const;

    /// The ranked-candidate index of `l`: the embedded frequency list's words that the
    /// dictionary accepts. Built on first use (~0.2–0.5 s), then shared; thread-safe.
    /// REQUIRES: l != lang::other.
    const candidate_index& index(lang l) const;

    /// The analysis layer of `l`, loaded on first use (~0.2 s); null when its data cannot be
    /// read. Thread-safe. REQUIRES: l != lang::other.
    const language_analyser* analyser(lang l) const;

private:
    struct handle {
        std::unique_ptr<Hunspell> hunspell;
        mutable std::mutex mutex;
    };
    struct lazy_index {
        mutable std::once_flag once;
        mutable std::unique_ptr<candidate_index> index;
    };
    dictionaries() = default;
    const handle& pick(lang l, bool british) const;
    struct lazy_analyser {
        mutable std::once_flag once;
        mutable std::unique_ptr<language_analyser> analyser;
    };
    handle es_, en_us_, en_gb_;
    lazy_index es_index_, en_index_;
    std::string apertium_dir_;
    lazy_analyser es_analyser_, en_analyser_;
};

/// Candidates for an unknown lower-case word, generated without Hunspell::suggest.
struct candidates {
    std::vector<std::string> accents;  // differ only in diacritics (and n/ñ)
    std::vector<std::string> edits;    // one deletion, transposition, substitution or insertion
    std::vector<std::string> splits;   // two known words ("a lot")
    // Dictionary words outside the frequency list one substituted or inserted letter away,
    // looked for only when nothing else is that near a long word ("citsdos" -> "citados").
    std::vector<std::string> rare_neighbours;
};

/// The spelling of a word with one written accent added that the frequency list knows best.
struct accent_twin {
    std::string form;         // empty: no such spelling is listed
    std::uint64_t count = 0;  // its corpus count
};

struct word_entry {
    std::uint32_t lower_count = 0;        // written in lower case
    std::uint32_t capital_mid_count = 0;  // capitalised, not at a sentence start
    std::int8_t known = -1;               // -1: not yet asked
    bool has_candidates = false;
    bool has_twin = false;
    candidates cands;
    accent_twin twin;
};

class spell_session {
public:
    /// REQUIRES: l != lang::other; `dicts` outlives the session. English `variant` "en_US" or
    /// "en_GB" picks one dictionary; anything else accepts a word either of them knows.
    spell_session(const dictionaries& dicts, lang l, const std::string& variant,
                  const std::vector<std::string>& project_words);

    /// Pass 1: records every word of a paragraph (document frequencies, names).
    void count(const paragraph_view& p);
    /// The entry of a lower-case word (created on first use).
    word_entry& entry(const std::string& lower);
    /// Dictionary or project word, exactly as written (cached for lower-case forms).
    bool known(const std::string& word);
    bool known_lower(word_entry& e, const std::string& lower);
    bool in_project(const std::string& word, const std::string& lower) const;
    /// Frequent: in the language's list of common words or seen >= 3 times in this document.
    bool frequent(const std::string& lower);
    const candidates& candidates_of(word_entry& e, const std::string& lower);
    /// Of the spellings of `lower` with one written accent added (none when it has one), the
    /// most frequent in the frequency list. Cached per word; asks no dictionary, so it is cheap
    /// enough for every word of a text.
    const accent_twin& listed_accent_twin(const std::string& lower);
    /// Every spelling of `lower` with one written accent added that the frequency list has
    /// ("termino": término, terminó), in the order of the accented vowel. Not cached.
    std::vector<accent_twin> listed_accent_forms(const std::string& lower) const;
    /// The spelling of `lower` with one written accent that makes a dictionary word: the only
    /// one, or of several the one ten times more frequent than the others ("tenia" -> "tenía",
    /// "frio" -> "frío", not "frió"); empty when there is none.
    std::string accented_twin(const std::string& lower);
    /// How often `lower` occurs in the frequency list (0: not listed).
    std::uint64_t corpus_count(const std::string& lower) const;
    /// `lower` looks like a word of the language (candidate_index::plausible).
    bool plausible(const std::string& lower) const;
    /// Dictionary words near `lower` ranked by the noisy channel (candidate_index), best first.
    std::vector<candidate_index::candidate> ranked(const std::string& lower, std::size_t limit) const;
    lang language() const { return lang_; }

private:
    const dictionaries& dicts_;
    bool dictionary_knows(const std::string& word) const;
    lang lang_;
    bool us_ = true, gb_ = true;
    std::unordered_set<std::string> project_;
    std::unordered_map<std::string, word_entry> words_;
};

/// Generates candidates for `lower` (UTF-8). Accents, deletions and transpositions are kept
/// when `known` (hunspell) accepts them; substitutions, insertions and splits only when
/// `frequent` (hash lookups) accepts them, which keeps an unknown word at ~3n spell() calls.
/// Without `with_edits` only accents are tried.
template <class Known, class Frequent>
candidates generate_candidates(const std::string& lower, lang l, bool with_edits, Known&& known,
                               Frequent&& frequent);

/// The words one substitution or insertion away from `lower` that `plausible` (letter
/// trigrams, a hash lookup) lets through to `known` (hunspell): ~10 spell() calls instead of
/// ~66 per letter.
template <class Known, class Plausible>
std::vector<std::string> rare_neighbours(const std::string& lower, lang l, Known&& known,
                                         Plausible&& plausible);

}  // namespace galley::engine_detail

#include "domain/engine/candidates.ipp"
