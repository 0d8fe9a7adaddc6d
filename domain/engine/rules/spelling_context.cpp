#include "domain/engine/rules/spelling_context.hpp"

#include <algorithm>
#include <initializer_list>
#include <string>
#include <string_view>

#include "domain/engine/analysis/analyser.hpp"
#include "domain/engine/spelling/edit_cost.hpp"

namespace galley::engine_detail {

namespace {

// A candidate that cannot agree with its neighbour in gender and number is unlikely and loses
// kDisagreement: a noun or adjective after a determiner ("sus santo", "la hombre"), an adjective
// after a noun ("monstruos asqueroso"), a determiner before a noun ("aquella fuentes").
constexpr double kDisagreement = 4.0;

bool agrees(const reading& det, const reading& word) {
    auto fits = [](const std::string& a, const std::string& b, std::string_view both) {
        return a.empty() || b.empty() || a == b || a == both || b == both;
    };
    return fits(det.number, word.number, "sp") && fits(det.gender, word.gender, "mf");
}

// The readings of `word` when every one is a single word of a part of speech in `pos`.
std::vector<const reading*> only_readings(analysis_session& m, const std::string& word,
                                          std::initializer_list<std::string_view> pos) {
    std::vector<const reading*> out;
    for (const auto& r : m.readings_of(word)) {
        const reading& w = r.parts.front();
        if (r.guessed || r.parts.size() != 1 ||
            std::find(pos.begin(), pos.end(), w.pos) == pos.end())
            return {};
        out.push_back(&w);
    }
    return out;
}

// The readings of part of speech `pos` of the word token `k`, when it is one beside `at` and the
// tagger reads it so (`pos` "det": any of its readings).
std::vector<const reading*> neighbour_readings(rule_context& cx, std::size_t at, int dir,
                                               std::string_view pos) {
    const auto& toks = cx.p.tokens;
    const std::size_t space = dir < 0 ? at - 1 : at + 1, k = dir < 0 ? at - 2 : at + 2;
    if ((dir < 0 && at < 2) || k >= toks.size() || toks[space].kind != token_kind::space ||
        toks[k].kind != token_kind::word)
        return {};
    if (pos != "det") {
        const reading* best = cx.best(static_cast<int>(k));
        if (!best || best->pos != pos) return {};
    }
    std::vector<const reading*> out;
    for (const auto& r : cx.morphology->readings_of(toks[k].lower))
        if (r.parts.size() == 1 && r.parts.front().pos == pos) out.push_back(&r.parts.front());
    return out;
}

// The determiner before a word, the noun before it and the noun after it, as the tagger reads them.
struct neighbours {
    std::vector<const reading*> det_before, noun_before, noun_after;

    neighbours(rule_context& cx, std::size_t at)
        : det_before(neighbour_readings(cx, at, -1, "det")),
          noun_before(neighbour_readings(cx, at, -1, "n")),
          noun_after(neighbour_readings(cx, at, +1, "n")) {}

    bool none() const { return det_before.empty() && noun_before.empty() && noun_after.empty(); }

    bool disagree_with(analysis_session& m, const std::string& word) const {
        auto none_agree = [](const std::vector<const reading*>& side, const std::vector<const reading*>& own) {
            if (side.empty() || own.empty()) return false;
            for (const reading* a : side)
                for (const reading* b : own)
                    if (agrees(*a, *b)) return false;
            return true;
        };
        return none_agree(det_before, only_readings(m, word, {"n", "adj"})) ||
               none_agree(noun_before, only_readings(m, word, {"adj"})) ||
               none_agree(noun_after, only_readings(m, word, {"det", "prn"}));
    }
};

void penalise_disagreement(rule_context& cx, std::size_t at,
                           std::vector<candidate_index::candidate>& ranked) {
    if (!cx.morphology) return;
    const neighbours around(cx, at);
    if (around.none()) return;
    bool moved = false;
    for (auto& c : ranked) {
        if (around.disagree_with(*cx.morphology, c.word)) {
            c.score -= kDisagreement;
            moved = true;
        }
    }
    if (moved)
        std::stable_sort(ranked.begin(), ranked.end(),
                         [](const auto& a, const auto& b) { return a.score > b.score; });
}

}  // namespace

bool agrees_with_neighbours(rule_context& cx, std::size_t at, const std::string& word) {
    if (!cx.morphology) return true;
    const neighbours around(cx, at);
    return around.none() || !around.disagree_with(*cx.morphology, word);
}

// Neighbouring words decide between close candidates ("los niños puebres": an adjective fits
// after a noun, "puedes" does not): each of the best three gets the tagger's likelihood of its
// span, and its shortfall from the best fitting one is taken from its score.
void rerank_by_context(rule_context& cx, std::size_t at,
                       std::vector<candidate_index::candidate>& ranked) {
    penalise_disagreement(cx, at, ranked);
    // Measured on the slips sets: English does best with weight 0.5 on the raw likelihood;
    // Spanish, whose many noun/verb ambiguity classes make a raw likelihood favour unambiguous
    // words ("la gente" over "la frente"), with weight 1 on the likelihood less the word's own
    // prior (+3% typos fixed, clean text unchanged).
    const bool normalise = cx.es();
    const double weight = normalise ? 1.0 : 0.5;
    if (!cx.morphology || ranked.size() < 2 || ranked[0].score - ranked[1].score >= 2.0) return;
    const std::size_t n = std::min<std::size_t>(3, ranked.size());
    // Context chooses between candidates as many slips away as the best; one that needs more
    // slips is ranked as if it fitted worst ("anque" stays "aunque", never "que").
    const int slips = ranked[0].slips;
    std::vector<double> fit(n);
    double best = -1e300, worst = 1e300;
    for (std::size_t k = 0; k < n; ++k) {
        if (ranked[k].slips > slips) continue;
        fit[k] = cx.morphology->fit(cx.p, at, ranked[k].word);
        if (normalise) fit[k] -= cx.morphology->prior(ranked[k].word);
        best = std::max(best, fit[k]);
        worst = std::min(worst, fit[k]);
    }
    // Accent twins ("cual", "cuál") share their best fit: context picks the letters, the
    // frequency list the accent, and the accent rules judge it afterwards.
    std::vector<double> shared(n);
    for (std::size_t k = 0; k < n; ++k) {
        shared[k] = ranked[k].slips > slips ? worst : fit[k];
        for (std::size_t o = 0; o < n; ++o)
            if (o != k && ranked[o].slips <= slips && fold_word_utf8(ranked[o].word) == fold_word_utf8(ranked[k].word))
                shared[k] = std::max(shared[k], fit[o]);
    }
    for (std::size_t k = 0; k < n; ++k) ranked[k].score += weight * (shared[k] - best);
    std::stable_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(n),
                     [](const auto& a, const auto& b) { return a.score > b.score; });
}

}  // namespace galley::engine_detail
