#include "domain/corrections_reader.hpp"

#include <nlohmann/json.hpp>

namespace galley {

namespace {
error malformed(std::size_t line_no) {
    return make_error(errc::invalid_argument, "corrections line " + std::to_string(line_no) + " is malformed",
                      "corrections");
}

// Calls fn(json, suggestion) for every line; stops at the first error fn or a line returns.
template <class Fn>
status for_each_line(std::string_view jsonl, Fn&& fn) {
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
        if (!story || !cat) return malformed(line_no);
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
        if (!fn(j, std::move(s))) return malformed(line_no);
    }
    return {};
}
}  // namespace

result<std::vector<suggestion>> read_corrections_jsonl(std::string_view jsonl) {
    std::vector<suggestion> out;
    auto st = for_each_line(jsonl, [&](const nlohmann::json&, suggestion s) {
        out.push_back(std::move(s));
        return true;
    });
    if (!st) return st.err();
    return out;
}

result<std::vector<suggestion_record>> read_suggestion_records(std::string_view jsonl) {
    std::vector<suggestion_record> out;
    auto st = for_each_line(jsonl, [&](const nlohmann::json& j, suggestion s) {
        suggestion_record r;
        r.id = j.value("id", "");
        r.document_id = j.value("document_id", "");
        if (!is_suggestion_id(r.id)) return false;
        auto ctx = j.find("context");
        if (ctx != j.end() && ctx->is_object()) {
            r.context.text = ctx->value("text", "");
            r.context.offset = ctx->value("offset", 0u);
        }
        r.s = std::move(s);
        out.push_back(std::move(r));
        return true;
    });
    if (!st) return st.err();
    return out;
}

}  // namespace galley
