#include "domain/engine/engine.hpp"

#include <algorithm>
#include <tuple>

#include "domain/engine/paragraph_view.hpp"
#include "domain/engine/patterns/rule_set.hpp"
#include "domain/engine/resolve.hpp"
#include "domain/engine/rules/rules.hpp"
#include "domain/engine/speller.hpp"

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

// Marks the paragraphs whose previous non-empty paragraph of the same story was left open.
void mark_continuations(const document_text& doc, std::vector<rule_context>& contexts) {
    const paragraph* previous = nullptr;
    for (std::size_t i = 0; i < doc.paragraphs.size(); ++i) {
        const paragraph& p = doc.paragraphs[i];
        if (previous && previous->story != p.story) previous = nullptr;
        contexts[i].continues_previous = previous && left_open(previous->text);
        contexts[i].first_of_story = previous == nullptr;
        if (p.text.find_first_not_of(" \t\n") != std::string::npos) previous = &p;
    }
}

suggestion to_suggestion(const paragraph& para, const paragraph_view& view, finding&& f) {
    suggestion s;
    s.story = para.story;
    s.paragraph = para.index;
    s.offset = f.offset;
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

    std::vector<paragraph_view> views;
    views.reserve(doc.paragraphs.size());
    for (const auto& p : doc.paragraphs) views.push_back(analyse_paragraph(p.text));

    std::unique_ptr<spell_session> speller;
    std::unique_ptr<analysis_session> morphology;
    if (language != lang::other) {
        if (const language_analyser* a = dicts_->analyser(language))
            morphology = std::make_unique<analysis_session>(*a);
        speller =
            std::make_unique<spell_session>(*dicts_, language, options.variant, options.dictionary);
        for (const auto& v : views) speller->count(v);
    }
    std::vector<rule_context> contexts;
    contexts.reserve(views.size());
    for (const auto& v : views) contexts.emplace_back(v, language, disabled, speller.get());
    mark_continuations(doc, contexts);
    check_consistency(contexts);

    for (std::size_t i = 0; i < views.size(); ++i) {
        if (options.should_stop && options.should_stop()) {
            out.stopped = true;
            break;
        }
        rule_context& cx = contexts[i];
        if (morphology) {
            cx.analysis = morphology->analyse(views[i]);
            cx.morphology = morphology.get();
        }
        run_families(cx);
        auto resolved = resolve_overlaps(std::move(cx.findings));
        if (resolved.size() > max_suggestions_per_paragraph) {
            const std::size_t dropped = resolved.size() - (max_suggestions_per_paragraph - 1);
            resolved.resize(max_suggestions_per_paragraph - 1);
            const auto end = static_cast<std::uint32_t>(views[i].text.size());
            cx.findings.clear();
            cx.emit("SUGGESTION_LIMIT", end, end, std::nullopt, 1.0,
                    "Este párrafo tiene " + std::to_string(dropped) +
                        " sugerencias más que no se muestran; divídalo o corrija las anteriores "
                        "y vuelva a revisarlo.",
                    "This paragraph has " + std::to_string(dropped) +
                        " more suggestions that are not shown; split it, or fix the ones above "
                        "and check it again.");
            for (auto& f : cx.findings) resolved.push_back(std::move(f));
        }
        for (auto& f : resolved)
            out.suggestions.push_back(to_suggestion(doc.paragraphs[i], views[i], std::move(f)));
        cx.findings.clear();
        cx.analysis.clear();
        views[i] = paragraph_view{};  // release memory early on long documents
    }
    std::stable_sort(out.suggestions.begin(), out.suggestions.end(),
                     [](const suggestion& a, const suggestion& b) {
                         return std::tie(a.story, a.paragraph, a.offset) <
                                std::tie(b.story, b.paragraph, b.offset);
                     });
    return out;
}

}  // namespace galley
