#include "domain/engine/analysis/analyser.hpp"

#include "domain/engine/analysis/guesser.hpp"

namespace galley::engine_detail {

result<std::unique_ptr<language_analyser>> language_analyser::load(lang l, const std::string& dir) {
    // Apertium names files by translation direction: the Spanish analyser and tagger are
    // spa-eng's, the Spanish generator is eng-spa's (it generates the target language).
    const bool es = l == lang::es;
    const std::string analysis = dir + (es ? "/spa-eng.automorf.bin" : "/eng-spa.automorf.bin");
    const std::string generation = dir + (es ? "/eng-spa.autogen.bin" : "/spa-eng.autogen.bin");
    const std::string model = dir + (es ? "/spa-eng.prob" : "/eng-spa.prob");
    auto out = std::make_unique<language_analyser>();
    out->lang_ = l;
    auto a = transducer::load(analysis);
    if (!a) return a.err();
    auto t = hmm_tagger::load(model);
    if (!t) return t.err();
    out->analyser_ = std::move(*a);
    out->generator_path_ = generation;
    out->tagger_ = std::move(*t);
    return out;
}

std::vector<std::string> language_analyser::generate(std::string_view lexical_form) const {
    std::call_once(generator_once_, [&] {
        auto g = transducer::load(generator_path_);
        if (g) generator_ = std::move(*g);
    });
    return generator_ ? generator_->generate(lexical_form) : std::vector<std::string>{};
}

const analysis_session::entry& analysis_session::lookup(const std::string& token) {
    auto [it, fresh] = cache_.try_emplace(token);
    if (fresh) {
        auto forms = analyser_.analyse(token);
        const bool guessed = forms.empty();
        if (guessed) forms = guess_readings(token, analyser_.language());
        for (const auto& f : forms) {
            it->second.readings.push_back(parse_lexical_form(f));
            it->second.readings.back().guessed = guessed;
        }
        it->second.tagger_view = analyser_.prepare(forms);
    }
    return it->second;
}

const std::vector<analysed_reading>& analysis_session::readings_of(const std::string& token) {
    return lookup(token).readings;
}

bool analysis_session::knows(const std::string& token) {
    const auto& r = lookup(token).readings;
    return !r.empty() && !r.front().guessed;
}

double analysis_session::prior(const std::string& word) {
    std::vector<const hmm_tagger::prepared_token*> one{&lookup(word).tagger_view};
    return analyser_.likelihood(one);
}

double analysis_session::fit(const paragraph_view& p, std::size_t at, const std::string& word) {
    constexpr int kSide = 6;
    std::vector<const hmm_tagger::prepared_token*> span;
    auto add = [&](std::size_t i) {
        const token& t = p.tokens[i];
        if (t.kind == token_kind::space) return;
        const std::string key = i == at ? word
                                : t.kind == token_kind::word ? t.text
                                : t.kind == token_kind::punct ? p.slice(t.begin, t.end)
                                                              : std::string();
        span.push_back(&lookup(key).tagger_view);
    };
    std::vector<std::size_t> before;
    for (std::size_t i = at; i-- > 0 && before.size() < kSide;)
        if (p.tokens[i].kind != token_kind::space) before.push_back(i);
    for (auto it = before.rbegin(); it != before.rend(); ++it) add(*it);
    add(at);
    int after = 0;
    for (std::size_t i = at + 1; i < p.tokens.size() && after < kSide; ++i)
        if (p.tokens[i].kind != token_kind::space) {
            add(i);
            ++after;
        }
    return analyser_.likelihood(span);
}

std::vector<token_analysis> analysis_session::analyse(const paragraph_view& p) {
    std::vector<token_analysis> out(p.tokens.size());
    std::vector<const hmm_tagger::prepared_token*> forms;  // what the tagger sees, no spaces
    std::vector<std::size_t> at;                  // token index of each tagger token
    forms.reserve(p.tokens.size());
    at.reserve(p.tokens.size());
    for (std::size_t i = 0; i < p.tokens.size(); ++i) {
        const token& t = p.tokens[i];
        if (t.kind == token_kind::space) continue;
        const std::string& key = t.kind == token_kind::word ? t.text : p.slice(t.begin, t.end);
        const entry& e = t.kind == token_kind::word || t.kind == token_kind::punct
                             ? lookup(key)
                             : lookup(std::string());  // numbers and URLs: no readings
        out[i].readings = &e.readings;
        forms.push_back(&e.tagger_view);
        at.push_back(i);
    }
    std::vector<int> chosen = analyser_.choose(forms);
    for (std::size_t k = 0; k < at.size(); ++k) out[at[k]].chosen = chosen[k];
    return out;
}

}  // namespace galley::engine_detail
