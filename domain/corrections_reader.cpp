#include "domain/corrections_reader.hpp"

#include <nlohmann/json.hpp>

namespace galley {

result<std::vector<suggestion>> read_corrections_jsonl(std::string_view jsonl) {
    std::vector<suggestion> out;
    std::size_t line_no = 0;
    while (!jsonl.empty()) {
        auto nl = jsonl.find('\n');
        std::string_view line = jsonl.substr(0, nl);
        jsonl = nl == std::string_view::npos ? std::string_view() : jsonl.substr(nl + 1);
        ++line_no;
        if (line.empty()) continue;
        auto j = nlohmann::json::parse(line.begin(), line.end(), nullptr, false);
        auto story = j.is_object() ? parse_story(j.value("story", "")) : std::nullopt;
        auto cat = j.is_object() ? parse_category(j.value("category", "")) : std::nullopt;
        if (!story || !cat)
            return make_error(errc::invalid_argument, "corrections line " + std::to_string(line_no) + " is malformed",
                              "corrections");
        suggestion s;
        s.story = *story;
        s.cat = *cat;
        s.paragraph = j.value("paragraph", 0u);
        s.offset = j.value("offset", 0u);
        s.length = j.value("length", 0u);
        s.original = j.value("original", "");
        if (j.contains("replacement") && j["replacement"].is_string()) s.replacement = j["replacement"].get<std::string>();
        s.rule_id = j.value("rule_id", "");
        s.confidence = j.value("confidence", 0.0);
        s.message = j.value("message", "");
        out.push_back(std::move(s));
    }
    return out;
}

}  // namespace galley
