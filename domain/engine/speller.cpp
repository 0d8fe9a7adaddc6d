#include "domain/engine/speller.hpp"

#include <filesystem>
#include <hunspell/hunspell.hxx>

#include "domain/engine/common_words.hpp"
#include "domain/engine/data/embedded_data.hpp"
#include "domain/utf8.hpp"

namespace galley::engine_detail {

namespace {

result<std::unique_ptr<Hunspell>> open(const std::string& dir, const std::string& name) {
    std::string aff = dir + "/" + name + ".aff", dic = dir + "/" + name + ".dic";
    for (const auto& f : {aff, dic})
        if (!std::filesystem::is_regular_file(f))
            return make_error(errc::unavailable, "dictionary file missing: " + f);
    return std::make_unique<Hunspell>(aff.c_str(), dic.c_str());
}

// `word count` lines; malformed lines are skipped.
std::vector<std::pair<std::string, std::uint64_t>> parse_frequencies(std::string_view data) {
    std::vector<std::pair<std::string, std::uint64_t>> out;
    while (!data.empty()) {
        std::size_t eol = data.find('\n');
        std::string_view line = data.substr(0, eol);
        data = eol == std::string_view::npos ? std::string_view{} : data.substr(eol + 1);
        std::size_t space = line.rfind(' ');
        if (space == std::string_view::npos || space == 0) continue;
        std::uint64_t count = 0;
        for (char c : line.substr(space + 1)) {
            if (c < '0' || c > '9') break;
            count = count * 10 + static_cast<std::uint64_t>(c - '0');
        }
        out.emplace_back(std::string(line.substr(0, space)), count);
    }
    return out;
}

}  // namespace

dictionaries::~dictionaries() = default;

const candidate_index& dictionaries::index(lang l) const {
    const lazy_index& slot = l == lang::es ? es_index_ : en_index_;
    std::call_once(slot.once, [&] {
        auto words = parse_frequencies(l == lang::es ? engine_data::word_frequencies_es()
                                                     : engine_data::word_frequencies_en());
        // The lists hold common misspellings ("tambien"): keep what a dictionary accepts.
        std::erase_if(words, [&](const auto& w) {
            return !(spell(l, false, w.first) || (l == lang::en && spell(l, true, w.first)));
        });
        slot.index = std::make_unique<candidate_index>(words, l);
    });
    return *slot.index;
}

result<std::shared_ptr<const dictionaries>> dictionaries::load(const std::string& dir,
                                                               const std::string& apertium_dir) {
    std::shared_ptr<dictionaries> d(new dictionaries());
    for (const char* file : {"spa-eng.automorf.bin", "eng-spa.automorf.bin", "spa-eng.prob",
                             "eng-spa.prob", "spa-eng.autogen.bin", "eng-spa.autogen.bin"})
        if (!std::filesystem::is_regular_file(apertium_dir + "/" + file))
            return make_error(errc::unavailable,
                              "morphology data missing: " + apertium_dir + "/" + file);
    d->apertium_dir_ = apertium_dir;
    struct item {
        handle* h;
        const char* name;
    };
    for (item it : {item{&d->es_, "es_ES"}, item{&d->en_us_, "en_US"}, item{&d->en_gb_, "en_GB"}}) {
        auto h = open(dir, it.name);
        if (!h) return h.err();
        it.h->hunspell = std::move(*h);
    }
    return std::shared_ptr<const dictionaries>(std::move(d));
}

const language_analyser* dictionaries::analyser(lang l) const {
    const lazy_analyser& slot = l == lang::es ? es_analyser_ : en_analyser_;
    std::call_once(slot.once, [&] {
        auto loaded = language_analyser::load(l, apertium_dir_);
        if (loaded) slot.analyser = std::move(*loaded);
    });
    return slot.analyser.get();
}

const dictionaries::handle& dictionaries::pick(lang l, bool british) const {
    if (l == lang::es) return es_;
    return british ? en_gb_ : en_us_;
}

bool dictionaries::spell(lang l, bool british, const std::string& word) const {
    const handle& h = pick(l, british);
    std::lock_guard lock(h.mutex);
    return h.hunspell->spell(word);
}

spell_session::spell_session(const dictionaries& dicts, lang l, const std::string& variant,
                             const std::vector<std::string>& project_words)
    : dicts_(dicts), lang_(l), us_(variant != "en_GB"), gb_(variant != "en_US") {
    for (const auto& w : project_words) {
        project_.insert(w);
        project_.insert(to_lower(w));
    }
}

void spell_session::count(const paragraph_view& p) {
    for (const token& t : p.tokens) {
        if (t.kind != token_kind::word) continue;
        if (t.shape == word_shape::lower) {
            ++entry(t.lower).lower_count;
        } else if (t.shape == word_shape::capitalized && t.starts == boundary::none) {
            ++entry(t.lower).capital_mid_count;
        }
    }
}

word_entry& spell_session::entry(const std::string& lower) { return words_[lower]; }

bool spell_session::known(const std::string& word) {
    if (project_.count(word)) return true;
    return dictionary_knows(word);
}

bool spell_session::dictionary_knows(const std::string& word) const {
    if (lang_ == lang::es) return dicts_.spell(lang_, false, word);
    return (us_ && dicts_.spell(lang_, false, word)) || (gb_ && dicts_.spell(lang_, true, word));
}

bool spell_session::known_lower(word_entry& e, const std::string& lower) {
    if (e.known < 0) e.known = known(lower) ? 1 : 0;
    return e.known == 1;
}

bool spell_session::in_project(const std::string& word, const std::string& lower) const {
    return project_.count(word) > 0 || project_.count(lower) > 0;
}

bool spell_session::frequent(const std::string& lower) {
    if (is_common_word(lang_, lower)) return true;
    auto it = words_.find(lower);
    return it != words_.end() && it->second.lower_count >= 3 && known_lower(it->second, lower);
}

namespace {

// Calls f(form) for each spelling of `lower` with one written accent on a vowel (none when
// `lower` has an accent already).
template <class F>
void for_each_one_accent(const std::string& lower, F&& f) {
    static constexpr std::u32string_view plain = U"aeiou", marked = U"áéíóú";
    const std::u32string w = utf8::decode(lower);
    if (w.find_first_of(marked.data(), 0, marked.size()) != std::u32string::npos) return;
    for (std::size_t i = 0; i < w.size(); ++i) {
        std::size_t v = plain.find(w[i]);
        if (v == std::u32string_view::npos) continue;
        std::u32string form = w;
        form[i] = marked[v];
        f(utf8::encode(form));
    }
}

}  // namespace

const accent_twin& spell_session::listed_accent_twin(const std::string& lower) {
    word_entry& e = entry(lower);
    if (!e.has_twin) {
        for_each_one_accent(lower, [&](std::string form) {
            std::uint64_t n = corpus_count(form);
            if (n > e.twin.count) e.twin = {std::move(form), n};
        });
        e.has_twin = true;
    }
    return e.twin;
}

std::vector<accent_twin> spell_session::listed_accent_forms(const std::string& lower) const {
    std::vector<accent_twin> out;
    for_each_one_accent(lower, [&](std::string form) {
        if (std::uint64_t n = corpus_count(form)) out.push_back({std::move(form), n});
    });
    return out;
}

std::string spell_session::accented_twin(const std::string& lower) {
    std::vector<std::string> forms;
    for_each_one_accent(lower, [&](std::string form) {
        if (known(form)) forms.push_back(std::move(form));
    });
    if (forms.size() == 1) return forms.front();
    const accent_twin& listed = listed_accent_twin(lower);
    if (listed.form.empty()) return {};
    for (const std::string& f : forms)
        if (f != listed.form && 10 * corpus_count(f) > listed.count) return {};
    return listed.form;
}

std::uint64_t spell_session::corpus_count(const std::string& lower) const {
    return dicts_.index(lang_).count(lower);
}

bool spell_session::plausible(const std::string& lower) const {
    return dicts_.index(lang_).plausible(lower);
}

std::vector<candidate_index::candidate> spell_session::ranked(const std::string& lower,
                                                             std::size_t limit) const {
    // Short words have too many neighbours two edits away to rank them by frequency.
    const double max_cost = utf8::count(lower) <= 4 ? 1.0 : 2.0;
    return dicts_.index(lang_).lookup(lower, max_cost, limit);
}

const candidates& spell_session::candidates_of(word_entry& e, const std::string& lower) {
    if (!e.has_candidates) {
        // Candidates are looked up without the cache on purpose: most are not words, and
        // caching them would grow the map by ~600 entries per unknown word.
        e.cands = generate_candidates(
            // A word written the same way 3+ times is deliberate (archaic, jargon), not a typo.
            lower, lang_, e.lower_count < 3,
            [this](const std::string& w) { return dictionary_knows(w); },
            [this](const std::string& w) { return frequent(w); });
        // A long word with nothing one slip away in the frequency list may be a rarer word
        // mistyped: worth ~10 spell() calls, not for short words, which have too many.
        const candidate_index& index = dicts_.index(lang_);
        if (e.lower_count < 3 && e.cands.accents.empty() && e.cands.edits.empty() &&
            utf8::count(lower) >= 7 && index.lookup(lower, 1.0, 1).empty())
            e.cands.rare_neighbours = rare_neighbours(
                lower, lang_, [this](const std::string& w) { return dictionary_knows(w); },
                [&index](const std::string& w) { return index.plausible(w); });
        e.has_candidates = true;
    }
    return e.cands;
}

}  // namespace galley::engine_detail
