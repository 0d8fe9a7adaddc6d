#include "domain/engine/patterns/rule_file.hpp"

#include <charconv>

#include "domain/engine/paragraph_view.hpp"

namespace galley::engine_detail {

namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

std::vector<std::string> split(std::string_view s, char sep) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= s.size()) {
        std::size_t at = s.find(sep, start);
        if (at == std::string_view::npos) at = s.size();
        if (at > start) out.emplace_back(s.substr(start, at - start));
        start = at + 1;
    }
    return out;
}

error bad(std::string_view what) { return make_error(errc::invalid_argument, std::string(what)); }

status parse_conditions(std::string_view body, token_condition& c) {
    for (const std::string& item : split(body, ';')) {
        std::string_view kv = trim(item);
        std::size_t eq = kv.find('=');
        std::string_view key = kv.substr(0, eq);
        std::vector<std::string> values =
            eq == std::string_view::npos ? std::vector<std::string>{} : split(kv.substr(eq + 1), ',');
        if (key == "pos") c.pos = values;
        else if (key == "can") c.can_be = values;
        else if (key == "not") c.cannot_be = values;
        else if (key == "tense") c.tense = values;
        else if (key == "tag") c.tags = values;
        else if (key == "num" && values.size() == 1) c.number = values[0];
        else if (key == "gen" && values.size() == 1) c.gender = values[0];
        else if (key == "per" && values.size() == 1) c.person = values[0];
        else if (key == "unknown" && values.empty()) c.unknown = true;
        else if (key == "cap" && values.empty()) c.capitalised = true;
        else if (key == "lower" && values.empty()) c.lowercase = true;
        else if (key == "start" && values.empty()) c.sentence_start = true;
        else return bad("unknown condition '" + std::string(kv) + "'");
    }
    return {};
}

result<token_condition> parse_token(std::string_view t) {
    token_condition c;
    if (t.size() > 1 && t.back() == '?') {
        c.optional = true;
        t.remove_suffix(1);
    }
    if (auto brace = t.find('{'); brace != std::string_view::npos && brace > 0) {
        if (t.back() != '}') return bad("conditions must end with '}' in '" + std::string(t) + "'");
        if (auto s = parse_conditions(t.substr(brace + 1, t.size() - brace - 2), c); !s) return s.err();
        t = t.substr(0, brace);
    }
    if (t == "*") return c;
    if (t == "WORD") {
        c.word_only = true;
        return c;
    }
    if (t.size() > 1 && t.front() == '!') {
        c.negated = true;
        t.remove_prefix(1);
    }
    for (const std::string& w : split(t, '|')) {
        if (w == "END")
            c.end = true;  // the paragraph may end here instead
        else
            c.words.push_back(to_lower(w));
    }
    if (c.words.empty() && !c.end) return bad("empty token");
    if (c.negated && c.end) return bad("END cannot be negated");
    return c;
}

}  // namespace

result<std::vector<token_condition>> parse_pattern(std::string_view line, std::size_t* mark_first,
                                                   std::size_t* mark_last) {
    std::vector<token_condition> out;
    bool open = false, seen_open = false, seen_close = false;
    for (std::string piece : split(trim(line), ' ')) {
        std::string_view t = piece;
        if (t.empty()) continue;
        bool starts = false, ends = false;
        if (t.size() > 1 && t.front() == '[') {
            starts = true;
            t.remove_prefix(1);
        }
        if (t.size() > 1 && t.back() == ']') {
            ends = true;
            t.remove_suffix(1);
        }
        auto c = parse_token(t);
        if (!c) return c.err();
        if (starts) {
            if (seen_open) return bad("two '[' in one pattern");
            seen_open = open = true;
            if (mark_first) *mark_first = out.size();
        }
        if (ends) {
            if (!open) return bad("']' without '['");
            open = false;
            seen_close = true;
            if (mark_last) *mark_last = out.size();
        }
        out.push_back(std::move(*c));
    }
    if (out.empty()) return bad("empty pattern");
    if (open) return bad("'[' without ']'");
    if (mark_first && !seen_close) {
        *mark_first = 0;
        *mark_last = out.size() - 1;
    }
    return out;
}

result<std::vector<pattern_rule>> parse_rule_file(std::string_view text, std::string_view file) {
    std::vector<pattern_rule> rules;
    std::string language;
    int line_no = 0;
    auto fail = [&](std::string_view what) {
        return make_error(errc::invalid_argument,
                          std::string(file) + ":" + std::to_string(line_no) + ": " + std::string(what));
    };
    auto finish = [&]() -> status {
        if (rules.empty()) return {};
        const pattern_rule& r = rules.back();
        std::string where = std::string(file) + ":" + std::to_string(r.line) + ": rule " + r.id;
        if (r.pattern.empty()) return make_error(errc::invalid_argument, where + " has no pattern");
        if (r.message.empty()) return make_error(errc::invalid_argument, where + " has no message");
        if (r.replacement.empty() && !r.note)
            return make_error(errc::invalid_argument, where + " has neither suggest nor note");
        bool wrong = false, right = false;
        for (const auto& e : r.examples) (e.incorrect ? wrong : right) = true;
        if (!wrong || !right)
            return make_error(errc::invalid_argument,
                              where + " needs an incorrect and a correct example");
        return {};
    };
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t eol = text.find('\n', start);
        if (eol == std::string_view::npos) eol = text.size();
        std::string_view line = trim(text.substr(start, eol - start));
        start = eol + 1;
        ++line_no;
        if (line.empty() || line.front() == '#') continue;
        std::size_t space = line.find(' ');
        std::string_view key = line.substr(0, space);
        std::string_view value = space == std::string_view::npos ? "" : trim(line.substr(space + 1));
        if (key == "language") {
            language = std::string(value);
            continue;
        }
        if (key == "rule") {
            if (auto s = finish(); !s) return s.err();
            if (value.empty()) return fail("rule without id");
            pattern_rule r;
            r.id = std::string(value);
            r.language = language;
            r.file = std::string(file);
            r.line = line_no;
            rules.push_back(std::move(r));
            continue;
        }
        if (rules.empty()) return fail("'" + std::string(key) + "' before the first rule");
        pattern_rule& r = rules.back();
        if (key == "category") {
            auto c = parse_category(value);
            if (!c) return fail("unknown category '" + std::string(value) + "'");
            r.cat = *c;
        } else if (key == "confidence") {
            double v = 0;
            auto [p, ec] = std::from_chars(value.data(), value.data() + value.size(), v);
            if (ec != std::errc{} || p != value.data() + value.size() || v <= 0 || v > 1)
                return fail("confidence must be in (0, 1]");
            r.confidence = v;
        } else if (key == "description") {
            r.description = std::string(value);
        } else if (key == "message") {
            r.message = std::string(value);
        } else if (key == "pattern") {
            auto p = parse_pattern(value, &r.mark_first, &r.mark_last);
            if (!p) return fail(p.err().message);
            r.pattern = std::move(*p);
        } else if (key == "unless") {
            auto p = parse_pattern(value, nullptr, nullptr);
            if (!p) return fail(p.err().message);
            r.exceptions.push_back(std::move(*p));
        } else if (key == "suggest") {
            r.replacement = std::string(value);
        } else if (key == "note") {
            r.note = true;
        } else if (key == "example:") {
            rule_example e;
            std::size_t arrow = value.find(" -> ");
            e.incorrect = arrow != std::string_view::npos;
            e.text = std::string(value.substr(0, arrow));
            if (e.incorrect) e.correction = std::string(value.substr(arrow + 4));
            r.examples.push_back(std::move(e));
        } else {
            return fail("unknown attribute '" + std::string(key) + "'");
        }
    }
    if (auto s = finish(); !s) return s.err();
    for (const auto& r : rules)
        if (r.language != "es" && r.language != "en")
            return make_error(errc::invalid_argument, std::string(file) + ": rule " + r.id +
                                                          " has no language (es or en)");
    return rules;
}

}  // namespace galley::engine_detail
