#pragma once
// Contextual disambiguation with Apertium's trained HMM taggers (spa-eng.prob, eng-spa.prob):
// one reading per token by Viterbi over the model's transition (A) and emission (B)
// matrices, the way apertium-tagger -g chooses. apertium's own HMM class only tags streams
// and mutates its model, so the model is read through TaggerDataHMM and decoded here.
// Immutable after load(): choose() is const and thread-safe. hmm_tagger.cpp is the only
// translation unit that includes apertium headers.
#include <memory>
#include <string>
#include <vector>

#include "domain/result.hpp"

namespace galley::engine_detail {

class hmm_tagger {
public:
    /// Loads a .prob model. Fails with errc::unavailable when it is missing or unreadable.
    static result<std::unique_ptr<hmm_tagger>> load(const std::string& prob_path);
    ~hmm_tagger();

    /// What the tagger needs of one token, computed once per distinct token: the coarse tags
    /// of its forms and their ambiguity classes.
    struct prepared_token {
        struct word {
            std::vector<std::pair<int, int>> candidates;  // (coarse tag, form index)
            int ambiguity_class = 0;
        };
        std::vector<word> words;                 // a token joining k words is k tagger words
        std::vector<std::vector<int>> form_tags;  // per form: the coarse tag of each part
        bool unknown = true;
    };
    /// Prepares a token from its lexical forms as the analyser gives them (empty: unknown).
    prepared_token prepare(const std::vector<std::string>& forms) const;

    /// For each token of a sentence (or longer span) the index of its chosen form, -1 for
    /// unknown words. Sentence ends are tokens too (".<sent>").
    std::vector<int> choose(const std::vector<const prepared_token*>& tokens) const;
    /// The log-probability of the best tagging of `tokens`: how well a span reads to the model
    /// (compare spans that differ in one word to see which word fits its neighbours).
    double likelihood(const std::vector<const prepared_token*>& tokens) const;

private:
    std::vector<int> decode(const std::vector<const prepared_token*>& tokens, double& best_path) const;
    struct model;
    explicit hmm_tagger(std::unique_ptr<model> m);
    std::unique_ptr<model> model_;
};

}  // namespace galley::engine_detail
