#pragma once
// What a rule family sees (one analysed paragraph, the document's language, the spelling
// session) and how it reports a finding. Rules only emit; overlaps are resolved afterwards.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/engine/analysis/reading.hpp"
#include "domain/engine/paragraph_view.hpp"

namespace galley::engine_detail {

enum class lang : std::uint8_t { es, en, other };

class spell_session;
class analysis_session;

/// A rule's report before overlap resolution: code-point span, optional replacement.
struct finding {
    std::uint32_t offset = 0;
    std::uint32_t length = 0;
    std::optional<std::string> replacement;
    std::size_t rule = 0;  // index in catalogue(): the rule's id, category and priority
    double confidence = 0;
    std::string message;
};

class rule_context {
public:
    /// `disabled` is indexed like catalogue(); `speller` is null for other languages.
    rule_context(const paragraph_view& p, lang language, const std::vector<bool>& disabled,
                 spell_session* speller)
        : p(p), language(language), speller(speller), disabled_(disabled) {}

    const paragraph_view& p;
    const lang language;
    spell_session* const speller;
    /// The previous paragraph of the story was left open (it ends without a sentence end, e.g.
    /// in ':' or ','), so this one may continue its sentence.
    bool continues_previous = false;
    /// No non-empty paragraph of the same story comes before this one.
    bool first_of_story = false;
    /// One entry per token of `p` (readings and the tagger's choice); empty when the language
    /// has no analysis layer. `morphology` generates forms; null in that case too.
    std::vector<token_analysis> analysis;
    analysis_session* morphology = nullptr;

    /// The tagger's reading of token i (its first word), or null (unknown, not analysed).
    const reading* best(int i) const;

    bool es() const { return language == lang::es; }
    bool en() const { return language == lang::en; }
    /// False for unknown ids and for ids in check_options::rules_disabled.
    bool enabled(std::string_view rule_id) const;
    /// Reports text[begin, end) with the message in the document's language (English for
    /// languages other than Spanish). Disabled rules are dropped here.
    void emit(std::string_view rule_id, std::uint32_t begin, std::uint32_t end,
              std::optional<std::string> replacement, double confidence,
              std::string_view message_es, std::string_view message_en);
    /// Same, spanning tokens [first, last] inclusive.
    void emit_tokens(std::string_view rule_id, int first, int last,
                     std::optional<std::string> replacement, double confidence,
                     std::string_view message_es, std::string_view message_en);

    std::vector<finding> findings;

private:
    const std::vector<bool>& disabled_;
};

}  // namespace galley::engine_detail
