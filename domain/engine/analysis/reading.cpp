#include "domain/engine/analysis/reading.hpp"

#include <algorithm>

namespace galley::engine_detail {

namespace {

bool one_of(std::string_view t, std::initializer_list<std::string_view> list) {
    return std::find(list.begin(), list.end(), t) != list.end();
}

reading parse_part(std::string_view part) {
    reading r;
    std::size_t lt = part.find('<');
    std::string_view lemma = part.substr(0, lt);
    if (auto hash = lemma.find('#'); hash != std::string_view::npos) lemma = lemma.substr(0, hash);
    r.lemma = std::string(lemma);
    while (lt != std::string_view::npos) {
        std::size_t gt = part.find('>', lt);
        if (gt == std::string_view::npos) break;
        std::string tag(part.substr(lt + 1, gt - lt - 1));
        if (r.tags.empty()) r.pos = tag;
        if (one_of(tag, {"m", "f", "mf", "nt"})) r.gender = tag;
        else if (one_of(tag, {"sg", "pl", "sp"})) r.number = tag;
        else if (one_of(tag, {"p1", "p2", "p3"})) r.person = tag;
        else if (one_of(tag, {"pri", "pii", "ifi", "fti", "cni", "prs", "pis", "fts", "imp", "inf",
                              "ger", "pp", "pres", "past", "pprs", "subs"}))
            r.tense = tag;
        r.tags.push_back(std::move(tag));
        lt = part.find('<', gt);
    }
    return r;
}

}  // namespace

bool reading::has(std::string_view tag) const {
    return std::find(tags.begin(), tags.end(), tag) != tags.end();
}

bool token_analysis::can_be(std::string_view pos) const {
    if (!readings) return false;
    for (const auto& r : *readings)
        if (r.parts.front().pos == pos) return true;
    return false;
}

analysed_reading parse_lexical_form(std::string_view form) {
    analysed_reading out;
    std::string plain;
    plain.reserve(form.size());
    for (std::size_t i = 0; i < form.size(); ++i) {
        if (form[i] == '\\' && i + 1 < form.size()) ++i;
        plain.push_back(form[i]);
    }
    out.lexical_form = std::string(form);
    std::size_t start = 0;
    while (start <= plain.size()) {
        // '+' joins parts only after a tag ("de<pr>+el<det>"), not inside a lemma ("C++").
        std::size_t plus = plain.find(">+", start);
        std::size_t end = plus == std::string::npos ? plain.size() : plus + 1;
        out.parts.push_back(parse_part(std::string_view(plain).substr(start, end - start)));
        if (plus == std::string::npos) break;
        start = plus + 2;
    }
    return out;
}

std::vector<std::string> split_readings(std::string_view readings) {
    std::vector<std::string> out;
    std::string cur;
    bool started = false;
    for (std::size_t i = 0; i < readings.size(); ++i) {
        char c = readings[i];
        if (c == '\\' && i + 1 < readings.size()) {
            cur += c;
            cur += readings[++i];
        } else if (c == '/') {
            if (started) out.push_back(cur);
            cur.clear();
            started = true;
        } else {
            cur += c;
        }
    }
    if (started) out.push_back(cur);
    return out;
}

}  // namespace galley::engine_detail
