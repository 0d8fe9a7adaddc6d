#include "domain/engine/patterns/matcher.hpp"

#include <algorithm>
#include <deque>

#include "domain/engine/analysis/analyser.hpp"
#include "domain/engine/analysis/reading.hpp"
#include "domain/engine/speller.hpp"
#include "domain/engine/spelling/edit_cost.hpp"

namespace galley::engine_detail {

namespace {

bool contains(const std::vector<std::string>& list, std::string_view v) {
    return std::find(list.begin(), list.end(), v) != list.end();
}

// One paragraph as the patterns see it: the tokens that are not spaces.
struct view {
    const rule_context& cx;
    std::vector<int> solid;
    std::vector<std::string_view> text;  // lower-case text of each solid token
    std::deque<std::string> owned;       // the lower-case text of tokens other than words

    explicit view(const rule_context& c) : cx(c) {
        for (int i = 0; i < static_cast<int>(c.p.tokens.size()); ++i) {
            const token& t = c.p.tokens[i];
            if (t.kind == token_kind::space) continue;
            solid.push_back(i);
            if (t.kind == token_kind::word) {
                text.push_back(t.lower);
            } else {
                owned.push_back(to_lower(c.p.slice(t.begin, t.end)));
                text.push_back(owned.back());
            }
        }
    }

    bool features_match(const token_condition& c, int t) const {
        const bool wants_analysis = !c.pos.empty() || !c.can_be.empty() || !c.cannot_be.empty() ||
                                    !c.tense.empty() || !c.tags.empty() || !c.number.empty() ||
                                    !c.gender.empty() || !c.person.empty() || c.unknown;
        if (!wants_analysis) return true;
        if (cx.analysis.empty()) return false;  // no analysis layer: conditions cannot hold
        const token_analysis& a = cx.analysis[static_cast<std::size_t>(t)];
        if (c.unknown) return cx.p.tokens[t].kind == token_kind::word && !a.known();
        const reading* best = a.best();
        if (!c.pos.empty() && (!best || !contains(c.pos, best->pos))) return false;
        if (!c.number.empty() &&
            (!best || (best->number != c.number && best->number != "sp")))
            return false;
        if (!c.gender.empty() && (!best || (best->gender != c.gender && best->gender != "mf")))
            return false;
        auto any_reading = [&](auto&& test) {
            if (!a.readings) return false;
            for (const auto& r : *a.readings)
                if (test(r.parts.front())) return true;
            return false;
        };
        if (!c.cannot_be.empty() && any_reading([&](const reading& r) { return contains(c.cannot_be, r.pos); }))
            return false;
        // can=, tense=, per= and tag= hold together on one reading: "cree" is creer in the
        // present (third person) and crear in the subjunctive (first), never a first-person
        // present.
        const bool joint = !c.can_be.empty() || !c.tense.empty() || !c.person.empty() || !c.tags.empty();
        if (joint && !any_reading([&](const reading& r) {
                return (c.can_be.empty() || contains(c.can_be, r.pos)) &&
                       (c.tense.empty() || contains(c.tense, r.tense)) &&
                       (c.person.empty() || r.person == c.person) &&
                       (c.tags.empty() || std::any_of(c.tags.begin(), c.tags.end(),
                                                      [&](const std::string& t) { return r.has(t); }));
            }))
            return false;
        return true;
    }

    bool token_matches(const token_condition& c, std::size_t k) const {
        const int t = solid[k];
        const token& tok = cx.p.tokens[t];
        if (c.word_only && tok.kind != token_kind::word) return false;
        if (!c.words.empty() && contains(c.words, text[k]) == c.negated) return false;
        if (c.capitalised && (tok.kind != token_kind::word || tok.shape == word_shape::lower))
            return false;
        if (c.lowercase && (tok.kind != token_kind::word || tok.shape != word_shape::lower))
            return false;
        if (c.sentence_start && tok.starts == boundary::none) return false;
        return features_match(c, t);
    }

    // Matches pattern[j..] at solid position k; bound[j] = solid index or -1 (absent).
    bool match(const std::vector<token_condition>& pattern, std::size_t j, std::size_t k,
               std::vector<int>& bound) const {
        if (j == pattern.size()) return true;
        const token_condition& c = pattern[j];
        if (c.end && k == solid.size()) {
            bound[j] = -1;
            return match(pattern, j + 1, k, bound);
        }
        const bool consumes = !c.end || !c.words.empty() || c.negated;
        if (consumes && k < solid.size() && token_matches(c, k)) {
            bound[j] = static_cast<int>(k);
            if (match(pattern, j + 1, k + 1, bound)) return true;
        }
        if (c.optional) {
            bound[j] = -1;
            return match(pattern, j + 1, k, bound);
        }
        return false;
    }
};

// "@N<tag>...": the form the generator makes from token N's lemma (the tagger's reading) and
// the tags; nullopt when there is no analysis or nothing is generated.
std::optional<std::string> generated(rule_context& cx, const view& v, const std::vector<int>& bound,
                                     std::string_view spec) {
    std::size_t j = static_cast<std::size_t>(spec[1] - '1');
    if (j >= bound.size() || bound[j] < 0 || !cx.morphology) return std::nullopt;
    const int t = v.solid[bound[j]];
    const reading* r = cx.best(t);
    // The lemma of a reading with the generated part of speech ("saludo" the noun is also
    // saludar's first person: "saludó" comes from the verb).
    std::string_view pos = spec.substr(2);
    if (pos.size() > 2 && pos[0] == '<') pos = pos.substr(1, pos.find('>') - 1);
    if (r && r->pos != pos && t < static_cast<int>(cx.analysis.size()) && cx.analysis[t].readings)
        for (const auto& a : *cx.analysis[t].readings)
            if (a.parts.front().pos == pos) {
                r = &a.parts.front();
                break;
            }
    if (!r) return std::nullopt;
    std::string tags(spec.substr(2));
    // A pronominal verb ("acercarse") is generated with its <pron> tag: "acercó", not nothing.
    if (r->tags.size() > 1 && r->tags[1] == "pron" && tags.starts_with("<" + r->pos + ">"))
        tags.insert(r->pos.size() + 2, "<pron>");
    auto forms = cx.morphology->analyser().generate(r->lemma + tags);
    if (forms.empty() || forms.front().empty()) return std::nullopt;
    return forms.front();
}

// "~N": token N with one written accent added where that makes a dictionary word ("tenia" ->
// "tenía"); of several, the one ten times more frequent than the others ("frio" -> "frío", not
// "frió"); nullopt otherwise.
std::optional<std::string> accented(rule_context& cx, const view& v, const std::vector<int>& bound,
                                    std::string_view spec) {
    std::size_t j = static_cast<std::size_t>(spec[1] - '1');
    if (j >= bound.size() || bound[j] < 0 || !cx.speller) return std::nullopt;
    std::string form = cx.speller->accented_twin(cx.p.tokens[v.solid[bound[j]]].lower);
    if (form.empty()) return std::nullopt;
    return form;
}

// "~@N<tag>...": the generated form, kept only when it is token N with accents added ("llego"
// -> "llegó") and that accent is the word's usual one; a form with other letters ("como" ->
// "comió") means the tagger misread the word.
std::optional<std::string> accent_of_generated(rule_context& cx, const view& v,
                                               const std::vector<int>& bound, std::string_view spec) {
    auto form = generated(cx, v, bound, spec);
    if (!form) return std::nullopt;
    const std::size_t j = static_cast<std::size_t>(spec[1] - '1');
    const token& t = cx.p.tokens[v.solid[bound[j]]];
    if (*form == t.lower || fold_word_utf8(*form) != fold_word_utf8(t.lower)) return std::nullopt;
    // The accent must be the one the word usually lacks: "especifico" is "específico" before
    // it is "especificó", so a verb reading there is doubtful.
    if (cx.speller && cx.speller->accented_twin(t.lower) != *form) return std::nullopt;
    return form;
}

std::optional<std::string> fill(rule_context& cx, const pattern_rule& r, const view& v,
                                const std::vector<int>& bound) {
    const std::string& t = r.replacement;
    if (t.size() > 2 && t[0] == '@' && t[1] >= '1' && t[1] <= '9') return generated(cx, v, bound, t);
    if (t.size() > 3 && t[0] == '~' && t[1] == '@' && t[2] >= '1' && t[2] <= '9')
        return accent_of_generated(cx, v, bound, std::string_view(t).substr(1));
    if (t.size() == 2 && t[0] == '~' && t[1] >= '1' && t[1] <= '9') return accented(cx, v, bound, t);
    std::string out;
    for (std::size_t i = 0; i < t.size(); ++i) {
        char c = t[i];
        if (c == '$' && i + 1 < t.size() && t[i + 1] >= '1' && t[i + 1] <= '9') {
            std::size_t j = static_cast<std::size_t>(t[++i] - '1');
            if (j < bound.size() && bound[j] >= 0) out += v.cx.p.tokens[v.solid[bound[j]]].text;
            continue;
        }
        out += c;
    }
    return out;
}

bool vetoed(const pattern_rule& r, const view& v, std::size_t first, std::size_t last) {
    for (const auto& ex : r.exceptions) {
        std::vector<int> bound(ex.size(), -1);
        std::size_t from = first >= ex.size() ? first - ex.size() : 0;
        for (std::size_t k = from; k <= last && k < v.solid.size(); ++k) {
            if (!v.match(ex, 0, k, bound)) continue;
            int lo = -1, hi = -1;
            for (int b : bound)
                if (b >= 0) {
                    if (lo < 0) lo = b;
                    hi = b;
                }
            if (lo >= 0 && static_cast<std::size_t>(lo) <= last && static_cast<std::size_t>(hi) >= first)
                return true;
        }
    }
    return false;
}

void try_rule(rule_context& cx, const view& v, const pattern_rule& r, std::size_t k) {
    std::vector<int> bound(r.pattern.size(), -1);
    if (!v.match(r.pattern, 0, k, bound)) return;
    int first = -1, last = -1;
    for (std::size_t j = r.mark_first; j <= r.mark_last; ++j)
        if (bound[j] >= 0) {
            if (first < 0) first = bound[j];
            last = bound[j];
        }
    if (first < 0) return;
    if (vetoed(r, v, static_cast<std::size_t>(first), static_cast<std::size_t>(last))) return;
    const token& a = cx.p.tokens[v.solid[first]];
    const token& b = cx.p.tokens[v.solid[last]];
    std::optional<std::string> replacement;
    if (!r.note) {
        auto s = fill(cx, r, v, bound);
        if (!s) return;  // the form could not be generated: no suggestion rather than a wrong one
        if (a.kind == token_kind::word && a.shape != word_shape::lower && !s->empty()) *s = capitalize(*s);
        replacement = std::move(*s);
    }
    cx.emit(r.id, a.begin, b.end, std::move(replacement), r.confidence, r.message, r.message);
}

}  // namespace

pattern_matcher::pattern_matcher(const std::vector<pattern_rule>& rules, std::string_view language) {
    for (const pattern_rule& r : rules) {
        if (r.language != language) continue;
        const token_condition& first = r.pattern.front();
        if (first.words.empty() || first.negated || first.optional || first.end) {
            general_.push_back(&r);
            continue;
        }
        for (const std::string& w : first.words) by_first_word_[w].push_back(&r);
    }
}

void pattern_matcher::run(rule_context& cx) const {
    view v(cx);
    for (std::size_t k = 0; k < v.solid.size(); ++k) {
        if (auto it = by_first_word_.find(v.text[k]); it != by_first_word_.end())
            for (const pattern_rule* r : it->second) try_rule(cx, v, *r, k);
        for (const pattern_rule* r : general_) try_rule(cx, v, *r, k);
    }
}

}  // namespace galley::engine_detail
