#include "domain/engine/rule_context.hpp"

#include "domain/engine/catalogue.hpp"

namespace galley::engine_detail {

bool rule_context::enabled(std::string_view rule_id) const {
    auto index = rule_index(rule_id);
    return index && !disabled_[*index];
}

void rule_context::emit(std::string_view rule_id, std::uint32_t begin, std::uint32_t end,
                        std::optional<std::string> replacement, double confidence,
                        std::string_view message_es, std::string_view message_en) {
    auto index = rule_index(rule_id);
    if (!index || disabled_[*index] || end < begin) return;
    finding f;
    f.offset = begin;
    f.length = end - begin;
    f.replacement = std::move(replacement);
    f.rule = *index;
    f.confidence = confidence;
    f.message = std::string(es() ? message_es : message_en);
    findings.push_back(std::move(f));
}

void rule_context::emit_tokens(std::string_view rule_id, int first, int last,
                               std::optional<std::string> replacement, double confidence,
                               std::string_view message_es, std::string_view message_en) {
    emit(rule_id, p.tokens[first].begin, p.tokens[last].end, std::move(replacement), confidence,
         message_es, message_en);
}

}  // namespace galley::engine_detail

namespace galley::engine_detail {

const reading* rule_context::best(int i) const {
    if (i < 0 || static_cast<std::size_t>(i) >= analysis.size()) return nullptr;
    return analysis[static_cast<std::size_t>(i)].best();
}

}  // namespace galley::engine_detail
