#include "domain/engine/patterns/rule_set.hpp"

#include "domain/engine/data/embedded_data.hpp"
#include "domain/engine/patterns/rule_file.hpp"

namespace galley::engine_detail {

const std::vector<pattern_rule>& pattern_rules() {
    static const std::vector<pattern_rule> rules = [] {
        std::vector<pattern_rule> all;
        for (const auto& f : engine_data::rule_files()) {
            auto parsed = parse_rule_file(f.text, f.name);
            if (!parsed) continue;
            for (auto& r : *parsed) all.push_back(std::move(r));
        }
        return all;
    }();
    return rules;
}

const pattern_matcher& pattern_matcher_for(lang l) {
    static const pattern_matcher es(pattern_rules(), "es");
    static const pattern_matcher en(pattern_rules(), "en");
    return l == lang::es ? es : en;
}

}  // namespace galley::engine_detail
