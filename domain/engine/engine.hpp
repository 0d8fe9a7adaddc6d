#pragma once
// The correction engine: document text in, suggestions out. Pure code, no I/O after load().
//
// Thread safety: an engine is immutable after load() and check() is const and re-entrant, so one
// engine may be shared by every worker thread (copies share the dictionaries). Hunspell itself
// is not thread-safe: each dictionary sits behind a mutex, and check() caches one verdict per
// distinct word, so workers rarely contend. A worker may still own its own engine if it prefers.
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "domain/engine/catalogue.hpp"
#include "domain/engine/suggestion.hpp"
#include "domain/result.hpp"
#include "domain/text_model.hpp"
#include "domain/text_stats.hpp"

namespace galley {

namespace engine_detail {
class dictionaries;
}

struct check_options {
    std::string language = "auto";  // "auto" | "es" | "en"; anything else: independent checks
    std::string variant;            // "en_US" (default) or "en_GB"
    std::vector<std::string> rules_disabled;  // catalogue ids; unknown ids are ignored
    std::vector<std::string> dictionary;      // project words accepted as spelled
    std::function<bool()> should_stop;        // polled between paragraphs; true = cancel
};

/// At most this many suggestions per paragraph; past it, one SUGGESTION_LIMIT note at the
/// paragraph's end stands for the rest (a line of one repeated word must not yield millions).
inline constexpr std::size_t max_suggestions_per_paragraph = 1000;

struct check_result {
    std::vector<suggestion> suggestions;  // sorted by (story, paragraph, offset), no overlaps
    bool stopped = false;                 // should_stop() returned true: suggestions are partial
    language_guess language;              // the language the rules ran for ("und": neither)
};

class engine {
public:
    /// Loads es_ES, en_US and en_GB hunspell dictionaries from `dictionary_dir` (~100 ms).
    /// Fails with errc::unavailable when a .aff/.dic file is missing.
    static result<engine> load(const std::string& dictionary_dir = "/usr/share/hunspell");

    /// All suggestions for `doc`; see check_detailed. Never throws on any valid UTF-8 input.
    std::vector<suggestion> check(const document_text& doc, const check_options& options) const;

    /// Checks `doc` in its language (options.language, or detect() for "auto"). Documents in
    /// other languages get only the language-independent rules. Stops early, with
    /// `stopped = true` and the suggestions of the paragraphs done so far, when
    /// options.should_stop returns true. REQUIRES: paragraph texts are valid UTF-8.
    check_result check_detailed(const document_text& doc, const check_options& options) const;

    /// The document's language from its body text (all stories if the body is empty).
    static language_guess detect(const document_text& doc);

    /// The rule catalogue (same as galley::catalogue()).
    static const std::vector<rule_info>& rules() { return catalogue(); }

private:
    explicit engine(std::shared_ptr<const engine_detail::dictionaries> d) : dicts_(std::move(d)) {}
    std::shared_ptr<const engine_detail::dictionaries> dicts_;
};

}  // namespace galley
