#include "domain/engine/analysis/hmm_tagger.hpp"

#include <apertium/tagger_data_hmm.h>
#include <lttoolbox/match_exe.h>
#include <lttoolbox/match_state.h>
#include <lttoolbox/pattern_list.h>

#include <cmath>
#include <cstdio>
#include <limits>
#include <map>
#include <set>

#include "domain/engine/analysis/ustring_utf8.hpp"

namespace galley::engine_detail {

struct hmm_tagger::model {
    TaggerDataHMM data;
    int n = 0;  // tags
    double** a = nullptr;
    double** b = nullptr;
    std::unique_ptr<MatchExe> classifier;  // lexical form → coarse tag (the model's .tsx)
    Alphabet pattern_alphabet;
    int any_char = 0, any_tag = 0, sentence = 0, undefined = 0;
    std::map<std::set<int>, int> ambiguity_class;
    std::set<int> open_class;
    std::vector<UString> prefer;

    // A lexical form → (coarse tag, part) for each of its '+'-joined words, matched left to
    // right by longest match as apertium's FileMorphoStream::lrlmClassify does.
    std::vector<std::pair<int, UString>> classify(const UString& str) const;
    int class_of(const std::set<int>& tags) const;
    bool preferred(const UString& form) const {
        for (const auto& p : prefer)
            if (form.find(p) != UString::npos) return true;
        return false;
    }
};

hmm_tagger::hmm_tagger(std::unique_ptr<model> m) : model_(std::move(m)) {}
hmm_tagger::~hmm_tagger() = default;

result<std::unique_ptr<hmm_tagger>> hmm_tagger::load(const std::string& prob_path) {
    FILE* f = std::fopen(prob_path.c_str(), "rb");
    if (!f) return make_error(errc::unavailable, "tagger model missing: " + prob_path);
    auto m = std::make_unique<model>();
    try {
        m->data.read(f);
    } catch (const std::exception& e) {
        std::fclose(f);
        return make_error(errc::unavailable, "cannot read " + prob_path + ": " + e.what());
    }
    std::fclose(f);
    m->n = m->data.getN();
    m->a = m->data.getA();
    m->b = m->data.getB();
    m->classifier.reset(m->data.getPatternList().newMatchExe());
    m->pattern_alphabet = m->data.getPatternList().getAlphabet();
    m->any_char = m->pattern_alphabet(UString(PatternList::ANY_CHAR));
    m->any_tag = m->pattern_alphabet(UString(PatternList::ANY_TAG));
    auto& index = m->data.getTagIndex();
    m->sentence = index[u"TAG_SENT"];
    m->undefined = index[u"TAG_kUNDEF"];
    Collection& classes = m->data.getOutput();
    for (int k = 0; k < classes.size(); ++k) m->ambiguity_class[classes[k]] = k;
    m->open_class = m->data.getOpenClass();
    m->prefer = m->data.getPreferRules();
    return std::unique_ptr<hmm_tagger>(new hmm_tagger(std::move(m)));
}

std::vector<std::pair<int, UString>> hmm_tagger::model::classify(const UString& str) const {
    std::vector<std::pair<int, UString>> parts;
    MatchState ms;
    ms.init(classifier->getInitial());
    int floor = 0, last_type = -1, last_pos = 0;
    const int limit = static_cast<int>(str.size());
    for (int i = 0; i != limit; i++) {
        if (str[i] != u'<') {
            if (str[i] == u'+') {
                int val = ms.classifyFinals(classifier->getFinals());
                if (val != -1) {
                    last_pos = i - 1;
                    last_type = val;
                }
            }
            ms.step(u_tolower(str[i]), any_char);
        } else {
            UString tag;
            for (int j = i + 1; j != limit; j++) {
                if (str[j] == u'\\') {
                    j++;
                } else if (str[j] == u'>') {
                    tag = str.substr(i, j - i + 1);
                    i = j;
                    break;
                }
            }
            int symbol = pattern_alphabet.isSymbolDefined(tag) ? pattern_alphabet(tag) : 0;
            if (symbol)
                ms.step(symbol, any_tag);
            else
                ms.step(any_tag);
        }
        bool dead = ms.size() == 0;
        if (dead || (i == limit - 1 && ms.classifyFinals(classifier->getFinals()) == -1)) {
            if (last_pos != floor) {
                parts.emplace_back(last_type, str.substr(floor, last_pos - floor + 1));
                if (last_pos + 1 < limit && str[last_pos + 1] == u'+') {
                    floor = last_pos + 1;
                    last_pos = dead ? floor + 1 : floor;  // as apertium does
                    ms.init(classifier->getInitial());
                }
                i = floor++;
            } else {
                parts.emplace_back(undefined, str.substr(floor));
                return parts;
            }
        }
    }
    int val = ms.classifyFinals(classifier->getFinals());
    if (val == -1) {
        val = undefined;
        if (!parts.empty()) {  // a partial multiword is undone, as apertium does
            parts.clear();
            parts.emplace_back(last_type, str);
            return parts;
        }
    }
    parts.emplace_back(val, str.substr(floor));
    return parts;
}

// The ambiguity class of a tag set: its own, or the smallest trained class containing it,
// or the open class (unknown words).
int hmm_tagger::model::class_of(const std::set<int>& tags) const {
    if (auto it = ambiguity_class.find(tags); it != ambiguity_class.end()) return it->second;
    int best = -1;
    std::size_t best_size = std::numeric_limits<std::size_t>::max();
    for (const auto& [cls, k] : ambiguity_class)
        if (cls.size() < best_size && std::includes(cls.begin(), cls.end(), tags.begin(), tags.end())) {
            best = k;
            best_size = cls.size();
        }
    if (best >= 0) return best;
    auto open = ambiguity_class.find(open_class);
    return open != ambiguity_class.end() ? open->second : 0;
}

hmm_tagger::prepared_token hmm_tagger::prepare(const std::vector<std::string>& forms) const {
    const model& m = *model_;
    prepared_token out;
    out.unknown = forms.empty();
    std::vector<std::map<int, std::pair<UString, int>>> words;  // coarse tag → (part, form)
    for (std::size_t r = 0; r < forms.size(); ++r) {
        auto parts = m.classify(utf8_to_ustring(forms[r]));
        if (words.size() < parts.size()) words.resize(parts.size());
        std::vector<int> tags;
        for (std::size_t j = 0; j < parts.size(); ++j) {
            tags.push_back(parts[j].first);
            auto [it, fresh] = words[j].emplace(parts[j].first, std::make_pair(parts[j].second, static_cast<int>(r)));
            // The first form of a tag stands for it, unless a later one is preferred.
            if (!fresh && m.preferred(parts[j].second)) it->second = {parts[j].second, static_cast<int>(r)};
        }
        out.form_tags.push_back(std::move(tags));
    }
    if (words.empty()) words.resize(1);
    for (const auto& w : words) {
        prepared_token::word pw;
        std::set<int> tags;
        for (const auto& [tag, part] : w) {
            pw.candidates.emplace_back(tag, part.second);
            tags.insert(tag);
        }
        if (tags.empty()) tags = m.open_class;
        pw.ambiguity_class = m.class_of(tags);
        out.words.push_back(std::move(pw));
    }
    return out;
}

std::vector<int> hmm_tagger::choose(const std::vector<const prepared_token*>& tokens) const {
    double ignored = 0;
    return decode(tokens, ignored);
}

double hmm_tagger::likelihood(const std::vector<const prepared_token*>& tokens) const {
    double score = 0;
    decode(tokens, score);
    return score;
}

std::vector<int> hmm_tagger::decode(const std::vector<const prepared_token*>& tokens,
                                    double& best_path) const {
    const model& m = *model_;
    // 1. Tokens → tagger words.
    struct step {
        const prepared_token::word* word;
    };
    std::vector<step> steps;
    std::vector<std::size_t> first_step(tokens.size());
    for (std::size_t t = 0; t < tokens.size(); ++t) {
        first_step[t] = steps.size();
        for (const auto& w : tokens[t]->words) steps.push_back({&w});
    }
    // 2. Viterbi in log space over the tags each word can take (all open tags when unknown).
    const double none = -std::numeric_limits<double>::infinity();
    std::vector<double> prev(m.n, none), cur(m.n);
    std::vector<std::vector<int>> back(steps.size());
    std::vector<int> open(m.open_class.begin(), m.open_class.end());
    std::vector<int> tags;
    prev[m.sentence] = 0.0;
    for (std::size_t t = 0; t < steps.size(); ++t) {
        const auto& w = *steps[t].word;
        tags.clear();
        for (const auto& c : w.candidates) tags.push_back(c.first);
        if (tags.empty()) tags = open;
        back[t].assign(m.n, -1);
        std::fill(cur.begin(), cur.end(), none);
        for (int i : tags) {
            double emit = std::log(m.b[i][w.ambiguity_class]);
            for (int j = 0; j < m.n; ++j) {
                if (prev[j] == none) continue;
                double x = prev[j] + std::log(m.a[j][i]) + emit;
                if (x >= cur[i]) {
                    cur[i] = x;
                    back[t][i] = j;
                }
            }
        }
        prev.swap(cur);
    }
    std::vector<int> best(steps.size(), -1);
    int state = -1;
    double best_score = none;
    for (int i = 0; i < m.n; ++i)
        if (prev[i] > best_score) {
            best_score = prev[i];
            state = i;
        }
    best_path = best_score;
    for (std::size_t t = steps.size(); t-- > 0 && state >= 0;) {
        best[t] = state;
        state = back[t][state];
    }
    // 3. Back to one form per token: the form whose parts carry the chosen tags, preferring
    // the form that stood for those tags (as apertium prints it).
    std::vector<int> out(tokens.size(), -1);
    for (std::size_t t = 0; t < tokens.size(); ++t) {
        const prepared_token& tok = *tokens[t];
        if (tok.unknown) continue;
        auto form_for = [&](std::size_t j, int tag) {
            for (const auto& c : tok.words[j].candidates)
                if (c.first == tag) return c.second;
            return -1;
        };
        int first = form_for(0, best[first_step[t]]);
        out[t] = first >= 0 ? first : 0;
        int best_match = -1;
        for (std::size_t r = 0; r < tok.form_tags.size(); ++r) {
            const auto& ft = tok.form_tags[r];
            bool all = true;
            int score = 0;
            for (std::size_t j = 0; j < ft.size() && all; ++j) {
                all = ft[j] == best[first_step[t] + j];
                score += form_for(j, ft[j]) == static_cast<int>(r);
            }
            if (all && score > best_match) {
                best_match = score;
                out[t] = static_cast<int>(r);
            }
        }
    }
    return out;
}

}  // namespace galley::engine_detail
