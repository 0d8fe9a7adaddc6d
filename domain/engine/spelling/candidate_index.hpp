#pragma once
// Spelling candidates without asking hunspell for suggestions: every vocabulary word within
// Damerau distance 2 of a misspelling, found through the deletions of accent-folded forms
// (symmetric delete: a word and a misspelling two edits apart share a form with at most two
// letters deleted from each), then priced with edit_cost and ranked by a noisy-channel score:
// log(frequency) − kCostWeight × cost. Immutable after construction; lookup() is thread-safe.
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/engine/rule_context.hpp"

namespace galley::engine_detail {

class candidate_index {
public:
    /// How many units of log-frequency one unit of edit cost is worth.
    static constexpr double kCostWeight = 4.0;
    /// What each slip beyond the first costs on top: typos are overwhelmingly one slip.
    static constexpr double kExtraSlip = 2.0;
    /// The noisy-channel score of a word with corpus log-count `log_count` at this edit.
    static double score_of(double log_count, double cost, int slips) {
        return log_count - kCostWeight * cost - kExtraSlip * (slips > 1 ? slips - 1 : 0);
    }

    /// Indexes `words` (lower case UTF-8 with their corpus counts; duplicates keep the first).
    candidate_index(const std::vector<std::pair<std::string, std::uint64_t>>& words, lang l);

    struct candidate {
        std::string word;
        double cost = 0;   // edit_cost(typed, word)
        double score = 0;  // score_of(log(count), cost, slips): higher is likelier
        int slips = 0;     // slips of the hand or ear between them (accents do not count)
    };
    /// Candidates for `typed` (lower case UTF-8) costing at most `max_cost`, best score first,
    /// at most `limit` of them. `typed` itself is never a candidate.
    std::vector<candidate> lookup(std::string_view typed, double max_cost, std::size_t limit) const;

    /// The corpus count of a vocabulary word (0 when it is not in the vocabulary).
    std::uint64_t count(std::string_view word) const;
    std::size_t size() const { return words_.size(); }
    /// Heap bytes held by the index.
    std::size_t memory_bytes() const;

    /// True when every letter trigram of `word` (accent-folded, with its start and end) occurs
    /// in at least two vocabulary words: it looks like a word of the language. A slip of the
    /// hand usually leaves a trigram no word has ("mascsba", "rwemediará"); a period or dialect
    /// spelling ("monesterio", "trujeron") usually does not.
    bool plausible(std::string_view word) const;

private:
    struct word_entry {
        std::u32string text;
        float log_count = 0;
    };
    lang lang_;
    std::vector<word_entry> words_;
    std::vector<std::pair<std::uint64_t, std::uint32_t>> deletes_;  // (hash of a deleted form, word)
    std::vector<std::pair<std::uint64_t, std::uint32_t>> exact_;    // (hash of the word, word)
    std::vector<std::uint64_t> trigrams_;  // sorted; those of two or more vocabulary words
};

}  // namespace galley::engine_detail
