#include "domain/engine/engine.hpp"

#include <algorithm>
#include <tuple>

#include "domain/engine/paragraph_view.hpp"
#include "domain/engine/patterns/rule_set.hpp"
#include "domain/engine/resolve.hpp"
#include "domain/engine/rules/consistency.hpp"
#include "domain/engine/rules/rules.hpp"
#include "domain/engine/segments.hpp"
#include "domain/engine/speller.hpp"
#include "domain/utf8.hpp"

namespace galley {

using namespace engine_detail;

namespace {

lang language_of(const std::string& code) {
    if (code == "es") return lang::es;
    if (code == "en") return lang::en;
    return lang::other;
}

std::vector<bool> disabled_mask(const std::vector<std::string>& ids) {
    std::vector<bool> mask(catalogue().size(), false);
    for (const auto& id : ids)
        if (auto i = rule_index(id)) mask[*i] = true;
    return mask;
}

void run_families(rule_context& cx) {
    if (cx.es() || cx.en()) pattern_matcher_for(cx.language).run(cx);
    if (cx.speller) check_spelling(cx);
    check_typography(cx);
    check_typography_marks(cx);
    check_typography_signs(cx);
    check_punctuation(cx);
    check_casing(cx);
    check_repetition(cx);
    check_style(cx);
    if (cx.es()) {
        check_dialogue(cx);
        check_grammar_es(cx);
        check_accents_es(cx);
        check_preterite_es(cx);
        check_preterite_subject_es(cx);
        check_future_es(cx);
        check_agreement_es(cx);
        check_monosyllables_es(cx);
        check_verbs_es(cx);
    } else if (cx.en()) {
        check_grammar_en(cx);
        check_confusables_en(cx);
        check_confusion_context_en(cx);
        check_phrases_en(cx);
        check_context_typos_en(cx);
        check_eggcorns_en(cx);
        check_punctuation_en(cx);
    }
}

// Whether `text` ends a sentence: . ? ! or … before any closing quotes and brackets.
bool ends_sentence(std::string_view text) {
    static constexpr std::string_view closing[] = {"\"", "'", ")", "]", "\xC2\xBB", "\xE2\x80\x9D",
                                                   "\xE2\x80\x99"};
    auto trim = [&] {
        while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\n'))
            text.remove_suffix(1);
    };
    trim();
    for (bool cut = true; cut;) {
        cut = false;
        for (std::string_view c : closing)
            if (text.ends_with(c)) {
                text.remove_suffix(c.size());
                trim();
                cut = true;
            }
    }
    return text.ends_with(".") || text.ends_with("?") || text.ends_with("!") ||
           text.ends_with("\xE2\x80\xA6");
}

// A paragraph left open: it ends in ',', ';' or ':', or it is prose (more than eight words)
// cut without a sentence end. Short paragraphs without one are headings, which close.
bool left_open(std::string_view text) {
    if (ends_sentence(text)) return false;
    std::size_t end = text.find_last_not_of(" \t\n");
    if (end == std::string_view::npos) return false;
    char last = text[end];
    if (last == ',' || last == ';' || last == ':') return true;
    return std::count(text.begin(), text.end(), ' ') >= 8;
}

// Where a paragraph stands in its story; the casing rules need it.
struct paragraph_place {
    bool continues_previous = false;  // the previous non-empty paragraph was left open
    bool first_of_story = false;
};

std::vector<paragraph_place> places_of(const document_text& doc) {
    std::vector<paragraph_place> places(doc.paragraphs.size());
    const paragraph* previous = nullptr;
    for (std::size_t i = 0; i < doc.paragraphs.size(); ++i) {
        const paragraph& p = doc.paragraphs[i];
        if (previous && previous->story != p.story) previous = nullptr;
        places[i].continues_previous = previous && left_open(previous->text);
        places[i].first_of_story = previous == nullptr;
        if (p.text.find_first_not_of(" \t\n") != std::string::npos) previous = &p;
    }
    return places;
}

// One piece of a paragraph checked on its own (segments.hpp).
struct piece {
    std::size_t paragraph = 0;
    segment span;
    bool first = false;  // of its paragraph
    bool last = false;
};

std::vector<piece> pieces_of(const document_text& doc) {
    std::vector<piece> pieces;
    pieces.reserve(doc.paragraphs.size());
    for (std::size_t i = 0; i < doc.paragraphs.size(); ++i) {
        const std::vector<segment> spans = cut_segments(doc.paragraphs[i].text);
        for (std::size_t k = 0; k < spans.size(); ++k)
            pieces.push_back({i, spans[k], k == 0, k + 1 == spans.size()});
    }
    return pieces;
}

paragraph_view view_of(const document_text& doc, const piece& s) {
    std::string_view text = doc.paragraphs[s.paragraph].text;
    return analyse_paragraph(text.substr(s.span.begin, s.span.end - s.span.begin));
}

// `base`: the code points of the paragraph before the segment `view` shows.
suggestion to_suggestion(const paragraph& para, const paragraph_view& view, std::uint32_t base,
                         finding&& f) {
    suggestion s;
    s.story = para.story;
    s.paragraph = para.index;
    s.offset = base + f.offset;
    s.length = f.length;
    s.original = view.slice(f.offset, f.offset + f.length);
    s.replacement = std::move(f.replacement);
    const rule_info& rule = catalogue()[f.rule];
    s.rule_id = rule.id;
    s.cat = rule.cat;
    s.confidence = f.confidence;
    s.message = std::move(f.message);
    return s;
}

// At most max_suggestions_per_paragraph suggestions per paragraph, the last of them a note
// saying how many more there were; the paragraph may come in several segments.
class paragraph_limit {
public:
    void add(suggestion&& s, std::vector<suggestion>& out) {
        if (shown_ + 1 < max_suggestions_per_paragraph) {
            out.push_back(std::move(s));
            ++shown_;
        } else if (++over_ == 1) {
            held_ = std::move(s);  // shown if it is the paragraph's last
        }
    }
    /// The paragraph has more suggestions than it may show.
    bool full() const { return over_ > 1; }
    /// Ends the paragraph; returns how many suggestions were left out (0: nothing was).
    std::size_t close(std::vector<suggestion>& out) {
        const std::size_t over = over_;
        if (over == 1) out.push_back(std::move(held_));
        shown_ = over_ = 0;
        return over == 1 ? 0 : over;
    }

private:
    std::size_t shown_ = 0;
    std::size_t over_ = 0;
    suggestion held_;
};

}  // namespace

result<engine> engine::load(const std::string& dictionary_dir) {
    auto dicts = dictionaries::load(dictionary_dir);
    if (!dicts) return dicts.err();
    return engine(std::move(*dicts));
}

language_guess engine::detect(const document_text& doc) {
    constexpr std::size_t kSample = 200'000;
    std::string sample;
    for (int pass = 0; pass < 2 && sample.empty(); ++pass)
        for (const auto& p : doc.paragraphs) {
            if (pass == 0 && p.story != story_kind::body) continue;
            if (sample.size() > kSample) break;
            sample += p.text;
            sample += '\n';
        }
    return detect_language(sample);
}

std::vector<suggestion> engine::check(const document_text& doc,
                                      const check_options& options) const {
    return check_detailed(doc, options).suggestions;
}

check_result engine::check_detailed(const document_text& doc, const check_options& options) const {
    check_result out;
    if (options.language == "auto")
        out.language = detect(doc);
    else
        out.language = {options.language, 1.0};
    const lang language = language_of(out.language.language);
    const std::vector<bool> disabled = disabled_mask(options.rules_disabled);

    // Views are built one segment at a time and dropped, so memory is bounded by a segment (and
    // the kept views below), not by the document: a first pass counts what needs the whole
    // document (the speller's word counts, the consistency notes), the second checks.
    const std::vector<piece> pieces = pieces_of(doc);
    const std::vector<paragraph_place> places = places_of(doc);
    std::unique_ptr<spell_session> speller;
    std::unique_ptr<analysis_session> morphology;
    if (language != lang::other) {
        if (const language_analyser* a = dicts_->analyser(language))
            morphology = std::make_unique<analysis_session>(*a);
        speller =
            std::make_unique<spell_session>(*dicts_, language, options.variant, options.dictionary);
    }
    // The counting pass keeps the views of the first kKeptTextBytes of text, so a manuscript of
    // ordinary size is tokenised once; beyond that, views are rebuilt when checked.
    constexpr std::size_t kKeptTextBytes = 2u << 20;
    std::vector<paragraph_view> kept(pieces.size());
    std::vector<bool> is_kept(pieces.size(), false);
    std::size_t kept_bytes = 0;
    consistency_scan consistency;
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        paragraph_view view = view_of(doc, pieces[i]);
        if (speller) speller->count(view);
        consistency.see(i, view, pieces[i].first);
        const std::size_t bytes = pieces[i].span.end - pieces[i].span.begin;
        if (kept_bytes + bytes <= kKeptTextBytes) {
            kept_bytes += bytes;
            kept[i] = std::move(view);
            is_kept[i] = true;
        }
    }

    // The note that closes a paragraph with more suggestions than it may show, at its end.
    // `cut_short`: its last segments were not checked.
    static const paragraph_view no_text;
    auto note_limit = [&](const paragraph& para, std::size_t dropped, bool cut_short) {
        rule_context cx(no_text, language, disabled, speller.get());
        const std::string more = (cut_short ? "at least " : "") + std::to_string(dropped);
        const std::string mas = (cut_short ? "al menos " : "") + std::to_string(dropped);
        cx.emit("SUGGESTION_LIMIT", 0, 0, std::nullopt, 1.0,
                "Este párrafo tiene " + mas + " sugerencias más que no se muestran" +
                    (cut_short ? " y no se revisó hasta el final" : "") +
                    "; divídalo o corrija las anteriores y vuelva a revisarlo.",
                "This paragraph has " + more + " more suggestions that are not shown" +
                    (cut_short ? ", and it was not checked to its end" : "") +
                    "; split it, or fix the ones above and check it again.");
        const auto end = static_cast<std::uint32_t>(utf8::count(para.text));
        for (auto& f : cx.findings) out.suggestions.push_back(to_suggestion(para, no_text, end, std::move(f)));
    };
    paragraph_limit limit;
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        if (options.should_stop && options.should_stop()) {
            out.stopped = true;
            break;
        }
        const piece& s = pieces[i];
        const paragraph& para = doc.paragraphs[s.paragraph];
        // A paragraph that has shown all it may is not checked further: the rest could only be
        // counted, and an 8 MB line of slips would cost a minute for nothing.
        if (!s.first && limit.full()) {
            if (s.last) note_limit(para, limit.close(out.suggestions), /*cut_short=*/true);
            continue;
        }
        const paragraph_view view = is_kept[i] ? std::move(kept[i]) : view_of(doc, s);
        rule_context cx(view, language, disabled, speller.get());
        if (s.first) {
            cx.continues_previous = places[s.paragraph].continues_previous;
            cx.first_of_story = places[s.paragraph].first_of_story;
        }
        consistency.emit_into(i, cx);
        if (morphology) {
            cx.analysis = morphology->analyse(view);
            cx.morphology = morphology.get();
        }
        run_families(cx);
        for (auto& f : resolve_overlaps(std::move(cx.findings)))
            limit.add(to_suggestion(para, view, s.span.code_points, std::move(f)), out.suggestions);
        if (s.last)
            if (const std::size_t dropped = limit.close(out.suggestions)) note_limit(para, dropped, false);
    }
    std::stable_sort(out.suggestions.begin(), out.suggestions.end(),
                     [](const suggestion& a, const suggestion& b) {
                         return std::tie(a.story, a.paragraph, a.offset) <
                                std::tie(b.story, b.paragraph, b.offset);
                     });
    return out;
}

}  // namespace galley
