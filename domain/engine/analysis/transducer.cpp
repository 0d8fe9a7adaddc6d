#include "domain/engine/analysis/transducer.hpp"

#include <lttoolbox/alphabet.h>
#include <lttoolbox/file_utils.h>
#include <lttoolbox/node.h>
#include <lttoolbox/state.h>
#include <lttoolbox/trans_exe.h>

#include <climits>
#include <cstdio>
#include <map>
#include <set>

#include "domain/engine/analysis/reading.hpp"
#include "domain/engine/analysis/ustring_utf8.hpp"

namespace galley::engine_detail {

struct transducer::impl {
    std::set<UChar32> letters;
    std::set<UChar32> escaped;
    Alphabet alphabet;
    std::map<UString, TransExe> sections;
    Node root;  // epsilon transitions to every section's initial state
    std::map<Node*, double> finals;

    // State::init takes a mutable node but only reads it.
    Node* start() const { return const_cast<Node*>(&root); }

    // The forms a run of steps reached, split ("" when it ended nowhere final).
    std::vector<std::string> forms(const State& s) const {
        if (s.size() == 0 || !s.isFinal(finals)) return {};
        UString all = s.filterFinals(finals, alphabet, escaped, false, INT_MAX, INT_MAX, false,
                                     false, 0);
        return split_readings(ustring_to_utf8(all));
    }
};

transducer::transducer(std::unique_ptr<impl> i) : impl_(std::move(i)) {}
transducer::~transducer() = default;

result<std::unique_ptr<transducer>> transducer::load(const std::string& path) {
    FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) return make_error(errc::unavailable, "morphology data missing: " + path);
    auto d = std::make_unique<impl>();
    try {
        readTransducerSet(f, d->letters, d->alphabet, d->sections);
    } catch (const std::exception& e) {
        std::fclose(f);
        return make_error(errc::unavailable, "cannot read " + path + ": " + e.what());
    }
    std::fclose(f);
    for (auto& [name, section] : d->sections) {
        d->root.addTransition(0, 0, section.getInitial(), 0.0);
        const auto& finals = section.getFinals();
        d->finals.insert(finals.begin(), finals.end());
    }
    for (UChar c : std::u16string_view(u"[]{}^$/\\@<>")) d->escaped.insert(c);
    return std::unique_ptr<transducer>(new transducer(std::move(d)));
}

std::vector<std::string> transducer::analyse(std::string_view word) const {
    UString w = utf8_to_ustring(word);
    State s;
    s.init(impl_->start());
    for (std::size_t i = 0; i < w.size() && s.size() > 0;) {
        UChar32 c;
        U16_NEXT(w.data(), i, w.size(), c);
        s.step_case(c, false);
    }
    return impl_->forms(s);
}

std::vector<std::string> transducer::generate(std::string_view lexical_form) const {
    UString form = utf8_to_ustring(lexical_form);
    State s;
    s.init(impl_->start());
    for (std::size_t i = 0; i < form.size() && s.size() > 0;) {
        if (form[i] == u'<') {
            std::size_t close = form.find(u'>', i);
            if (close == UString::npos) return {};
            UString tag = form.substr(i, close - i + 1);
            // Alphabet's const operator() answers -1 for an unknown tag, a valid symbol.
            if (!impl_->alphabet.isSymbolDefined(tag)) return {};
            s.step(impl_->alphabet(tag));
            i = close + 1;
        } else {
            UChar32 c;
            U16_NEXT(form.data(), i, form.size(), c);
            s.step_case(c, false);
        }
    }
    std::vector<std::string> out;
    for (std::string& f : impl_->forms(s)) {
        // Post-generation marks ("~la") are for a later Apertium stage; drop them.
        if (!f.empty() && f.front() == '~') f.erase(0, 1);
        out.push_back(std::move(f));
    }
    return out;
}

}  // namespace galley::engine_detail
