#pragma once
// The analysis layer of one language: Apertium's analyser, generator and HMM tagger from
// Debian's apertium-eng-spa, loaded once and shared (immutable, thread-safe), and the
// per-check session that analyses a paragraph's tokens with a cache per distinct token.
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "domain/engine/analysis/hmm_tagger.hpp"
#include "domain/engine/analysis/reading.hpp"
#include "domain/engine/analysis/transducer.hpp"
#include "domain/engine/paragraph_view.hpp"
#include "domain/engine/rule_context.hpp"
#include "domain/result.hpp"

namespace galley::engine_detail {

inline constexpr std::string_view default_apertium_dir = "/usr/share/apertium/apertium-eng-spa";

class language_analyser {
public:
    /// Loads the analyser, generator and tagger of `l` (es or en) from `dir` (~0.2 s, ~70 MB
    /// for Spanish). Fails with errc::unavailable naming a missing file.
    static result<std::unique_ptr<language_analyser>> load(lang l, const std::string& dir);

    /// Lexical forms of one token (a word or a punctuation mark), empty when unknown.
    std::vector<std::string> analyse(std::string_view token) const { return analyser_->analyse(token); }
    /// Surface forms generated from a lexical form ("haber<vbhaver><pii><p3><sg>"); the
    /// generator is loaded on first use (most documents never need it). Thread-safe.
    std::vector<std::string> generate(std::string_view lexical_form) const;
    /// The tagger's view of one token; see hmm_tagger.
    hmm_tagger::prepared_token prepare(const std::vector<std::string>& forms) const {
        return tagger_->prepare(forms);
    }
    double likelihood(const std::vector<const hmm_tagger::prepared_token*>& tokens) const {
        return tagger_->likelihood(tokens);
    }
    /// The chosen form index per token (-1: unknown); see hmm_tagger::choose.
    std::vector<int> choose(const std::vector<const hmm_tagger::prepared_token*>& tokens) const {
        return tagger_->choose(tokens);
    }
    lang language() const { return lang_; }

private:
    lang lang_ = lang::other;
    std::unique_ptr<transducer> analyser_;
    std::string generator_path_;
    mutable std::once_flag generator_once_;
    mutable std::unique_ptr<transducer> generator_;
    std::unique_ptr<hmm_tagger> tagger_;
};

/// Analyses paragraphs for one check() call on one thread, caching each distinct token's
/// readings (a novel has ~30 000 distinct words for ~300 000 tokens).
class analysis_session {
public:
    explicit analysis_session(const language_analyser& a) : analyser_(a) {}

    /// One entry per token of `p` (spaces get an empty entry). References stay valid for the
    /// session's lifetime.
    std::vector<token_analysis> analyse(const paragraph_view& p);
    /// The readings of one word or mark, cached: the analyser's, or guessed ones (marked
    /// `guessed`) for an unknown word.
    const std::vector<analysed_reading>& readings_of(const std::string& token);
    /// True when the analyser itself knows `token` (guesses do not count).
    bool knows(const std::string& token);
    /// How well `word` fits in place of token `at` of `p` among its neighbours (up to six
    /// tokens each side): the tagger's log-probability of that span. Comparable between words
    /// for the same place only.
    double fit(const paragraph_view& p, std::size_t at, const std::string& word);
    /// The tagger's log-probability of `word` alone. fit() minus this compares how well
    /// different words suit a context without favouring words of one part of speech only.
    double prior(const std::string& word);
    const language_analyser& analyser() const { return analyser_; }

private:
    struct entry {
        std::vector<analysed_reading> readings;
        hmm_tagger::prepared_token tagger_view;
    };
    const entry& lookup(const std::string& token);
    const language_analyser& analyser_;
    std::unordered_map<std::string, entry> cache_;
};

}  // namespace galley::engine_detail
