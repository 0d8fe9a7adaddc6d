#pragma once
// Runs the rules written as data over one analysed paragraph. Rules are indexed by the words
// their first token accepts, so a paragraph costs one hash lookup per token plus the few rules
// that start with a condition rather than a word: linear in the paragraph's length.
#include <string>
#include <unordered_map>
#include <vector>

#include "domain/engine/patterns/pattern_rule.hpp"
#include "domain/engine/rule_context.hpp"

namespace galley::engine_detail {

class pattern_matcher {
public:
    /// Indexes the rules of `language` among `rules` (which must outlive the matcher).
    pattern_matcher(const std::vector<pattern_rule>& rules, std::string_view language);

    /// Emits a finding through cx for every match (exceptions applied), in token order.
    void run(rule_context& cx) const;

private:
    struct text_hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    std::unordered_map<std::string, std::vector<const pattern_rule*>, text_hash, std::equal_to<>>
        by_first_word_;
    std::vector<const pattern_rule*> general_;
};

}  // namespace galley::engine_detail
