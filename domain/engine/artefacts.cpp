#include "domain/engine/artefacts.hpp"

#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>
#include <utility>

#include "domain/utf8.hpp"

namespace galley {

namespace {

constexpr std::size_t kContextRadius = 150;  // code points each side of the suggestion

// Byte offset of code point `cp` in valid UTF-8 `s` (s.size() when past the end).
std::size_t byte_at(std::string_view s, std::size_t cp) {
    std::size_t i = 0;
    while (cp > 0 && i < s.size()) {
        utf8::next(s, i);
        --cp;
    }
    return i;
}

// Where the previous context started, so that suggestions in offset order cost one pass over
// each paragraph however long it is.
struct context_cursor {
    const std::string* text = nullptr;
    std::size_t chars = 0, byte = 0;
};

nlohmann::json context_of(const std::string& text, const suggestion& s, context_cursor& at) {
    std::size_t start = s.offset > kContextRadius ? s.offset - kContextRadius : 0;
    std::size_t end = s.offset + s.length + kContextRadius;
    if (at.text != &text || start < at.chars) at = {&text, 0, 0};
    std::size_t b = at.byte + byte_at(std::string_view(text).substr(at.byte), start - at.chars);
    at.chars = start;
    at.byte = b;
    std::size_t e = b + byte_at(std::string_view(text).substr(b), end - start);
    return {{"text", text.substr(b, e - b)}, {"offset", s.offset - start}};
}

std::string confidence_text(double c) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%.2f", c);
    return buf;
}

}  // namespace

std::string corrections_jsonl(const document_report& report, const document_text& doc) {
    std::map<std::pair<story_kind, std::uint32_t>, const std::string*> texts;
    for (const auto& p : doc.paragraphs) texts[{p.story, p.index}] = &p.text;
    std::string out;
    context_cursor cursor;
    for (const auto& s : report.suggestions) {
        nlohmann::json j = {
            {"id", suggestion_id(report.document_id, report.sha256, s)},
            {"document_id", report.document_id},
            {"story", std::string(story_name(s.story))},
            {"paragraph", s.paragraph},
            {"offset", s.offset},
            {"length", s.length},
            {"original", s.original},
            {"replacement", s.replacement ? nlohmann::json(*s.replacement) : nlohmann::json()},
            {"rule_id", s.rule_id},
            {"category", std::string(category_name(s.cat))},
            {"confidence", s.confidence},
            {"message", s.message},
        };
        auto it = texts.find({s.story, s.paragraph});
        j["context"] = it != texts.end() ? context_of(*it->second, s, cursor)
                                         : nlohmann::json{{"text", s.original}, {"offset", 0}};
        out += j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        out += '\n';
    }
    return out;
}

std::string csv_cell(std::string_view value) {
    std::string v(value);
    if (!v.empty() && std::string_view("=+-@\t\r").find(v[0]) != std::string_view::npos)
        v.insert(v.begin(), '\'');
    if (v.find_first_of(",\"\r\n") == std::string::npos) return v;
    std::string q = "\"";
    for (char c : v) {
        if (c == '"') q += '"';
        q += c;
    }
    q += '"';
    return q;
}

std::string changelog_csv(const std::vector<document_report>& reports) {
    std::string out = "document,story,paragraph,original,replacement,rule,category,confidence\r\n";
    for (const auto& r : reports)
        for (const auto& s : r.suggestions) {
            if (!s.replacement) continue;
            out += csv_cell(r.name) + ',' + csv_cell(story_name(s.story)) + ',' +
                   std::to_string(s.paragraph) + ',' + csv_cell(s.original) + ',' +
                   csv_cell(*s.replacement) + ',' + csv_cell(s.rule_id) + ',' +
                   csv_cell(category_name(s.cat)) + ',' + confidence_text(s.confidence) + "\r\n";
        }
    return out;
}

std::vector<text_edit> edits_of(const std::vector<suggestion>& suggestions,
                                double min_confidence) {
    std::vector<text_edit> out;
    for (const auto& s : suggestions)
        if (s.replacement && s.confidence >= min_confidence)
            out.push_back({s.story, s.paragraph, s.offset, s.length, *s.replacement});
    return out;
}

}  // namespace galley
