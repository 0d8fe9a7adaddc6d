// summary.md: the editorial letter of a run (see artefacts.hpp).
#include <algorithm>
#include <array>
#include <map>
#include <string>

#include "domain/engine/artefacts.hpp"
#include "domain/engine/catalogue.hpp"

namespace galley {

namespace {

struct texts {
    const char* title;
    const char* intro;
    const char* overview;
    const char* document;
    const char* language;
    const char* total;
    const char* frequent;
    const char* occurrences;
    const char* consistency;
    const char* consistent;
    const char* names;
    const char* names_intro;
    const char* closing;
    std::array<const char*, 5> categories;
};

constexpr texts kEs = {
    "Informe editorial",
    "Hemos revisado %d documento(s) y propuesto %d corrección(es) y nota(s). "
    "Las correcciones pueden aceptarse o rechazarse una a una; las notas señalan cuestiones de "
    "estilo que conviene valorar.",
    "Resumen",
    "Documento",
    "Idioma",
    "Total",
    "Incidencias más frecuentes",
    "casos",
    "Coherencia",
    "No hemos encontrado incoherencias de estilo tipográfico.",
    "Posibles nombres propios o términos",
    "Estas palabras no están en el diccionario y se "
    "repiten; si son correctas, añádalas al diccionario del proyecto:",
    "Quedamos a su disposición para cualquier aclaración.",
    {"Ortografía", "Tipografía", "Puntuación", "Gramática", "Estilo"}};
constexpr texts kEn = {
    "Editorial report",
    "We reviewed %d document(s) and made %d suggestion(s). Corrections can "
    "be accepted or rejected one by one; notes point at matters of style worth a second look.",
    "Overview",
    "Document",
    "Language",
    "Total",
    "Most frequent issues",
    "occurrences",
    "Consistency",
    "We found no inconsistencies of typographic style.",
    "Possible names or terms",
    "These words are not in the dictionary and recur; if they are "
    "right, add them to the project dictionary:",
    "Please let us know if anything needs clarifying.",
    {"Spelling", "Typography", "Punctuation", "Grammar", "Style"}};

std::string md(std::string_view s) {
    std::string out;
    for (char c : s) {
        if (c == '|' || c == '*' || c == '_' || c == '`' || c == '<' || c == '>' || c == '[' ||
            c == ']' || c == '\\')
            out += '\\';
        out += c == '\n' ? ' ' : c;
    }
    return out;
}

std::string format(const char* pattern, int a, int b) {
    char buf[512];
    std::snprintf(buf, sizeof buf, pattern, a, b);
    return buf;
}

std::string description(const std::string& rule_id) {
    if (auto i = rule_index(rule_id)) return catalogue()[*i].description;
    return rule_id;
}

void overview(std::string& out, const texts& t, const std::vector<document_report>& reports) {
    out += std::string("## ") + t.overview + "\n\n| " + t.document + " | " + t.language;
    for (auto c : t.categories) out += std::string(" | ") + c;
    out += std::string(" | ") + t.total + " |\n|---|---|---:|---:|---:|---:|---:|---:|\n";
    std::array<int, 5> total{};
    for (const auto& r : reports) {
        std::array<int, 5> n{};
        for (const auto& s : r.suggestions) ++n[static_cast<int>(s.cat)];
        out += "| " + md(r.name) + " | " + md(r.language);
        int sum = 0;
        for (int k = 0; k < 5; ++k) {
            out += " | " + std::to_string(n[k]);
            total[k] += n[k];
            sum += n[k];
        }
        out += " | " + std::to_string(sum) + " |\n";
    }
    out += std::string("| **") + t.total + "** | ";
    int sum = 0;
    for (int k = 0; k < 5; ++k) {
        out += " | " + std::to_string(total[k]);
        sum += total[k];
    }
    out += " | " + std::to_string(sum) + " |\n\n";
}

void frequent_issues(std::string& out, const texts& t,
                     const std::vector<document_report>& reports) {
    std::map<std::string, std::vector<const suggestion*>> by_rule;
    for (const auto& r : reports)
        for (const auto& s : r.suggestions) by_rule[s.rule_id].push_back(&s);
    std::vector<std::pair<std::string, std::vector<const suggestion*>>> rules(by_rule.begin(),
                                                                              by_rule.end());
    std::stable_sort(rules.begin(), rules.end(), [](const auto& a, const auto& b) {
        return a.second.size() > b.second.size();
    });
    if (rules.empty()) return;
    out += std::string("## ") + t.frequent + "\n\n";
    for (std::size_t i = 0; i < rules.size() && i < 10; ++i) {
        const auto& [id, list] = rules[i];
        out += "- **" + md(description(id)) + "** (`" + id + "`): " + std::to_string(list.size()) +
               " " + t.occurrences;
        int shown = 0;
        for (const suggestion* s : list) {
            if (shown == 3) break;
            out += shown++ ? "; " : ". ";
            out += "«" + md(s->original) + "»";
            if (s->replacement) out += " → «" + md(*s->replacement) + "»";
        }
        out += "\n";
    }
    out += "\n";
}

void consistency(std::string& out, const texts& t, const std::vector<document_report>& reports) {
    out += std::string("## ") + t.consistency + "\n\n";
    std::vector<std::string> lines;
    for (const auto& r : reports) {
        std::map<std::string, int> n;
        for (const auto& s : r.suggestions) ++n[s.rule_id];
        for (const auto& s : r.suggestions)
            if (s.rule_id == "QUOTE_STYLE_MIXED" || s.rule_id == "DASH_STYLE_MIXED")
                lines.push_back(md(r.name) + ": " + md(s.message));
        const bool es = &t == &kEs;
        if (n["ES_DIALOGUE_DASH"] > 0)
            lines.push_back(
                md(r.name) + ": " + std::to_string(n["ES_DIALOGUE_DASH"]) +
                (es ? " guiones o semirrayas en diálogos donde va raya (—)."
                    : " hyphens or en dashes in dialogue where Spanish uses the em dash (—)."));
        if (n["ELLIPSIS"] > 0)
            lines.push_back(md(r.name) + ": " + std::to_string(n["ELLIPSIS"]) +
                            (es ? " puntos suspensivos escritos como tres puntos."
                                : " ellipses typed as three periods."));
        if (n["ES_STRAIGHT_QUOTES"] > 0)
            lines.push_back(md(r.name) + ": " + std::to_string(n["ES_STRAIGHT_QUOTES"]) +
                            (es ? " párrafos con comillas rectas en lugar de « »."
                                : " paragraphs with straight quotes instead of « »."));
    }
    if (lines.empty()) out += std::string(t.consistent) + "\n";
    for (const auto& l : lines) out += "- " + l + "\n";
    out += "\n";
}

void names(std::string& out, const texts& t, const std::vector<document_report>& reports) {
    std::map<std::string, int> count;
    for (const auto& r : reports)
        for (const auto& s : r.suggestions)
            if (s.rule_id.ends_with("_SPELLING_UNKNOWN")) ++count[s.original];
    std::vector<std::pair<std::string, int>> words;
    for (const auto& [w, n] : count)
        if (n >= 2) words.emplace_back(w, n);
    if (words.empty()) return;
    std::stable_sort(words.begin(), words.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    out += std::string("## ") + t.names + "\n\n" + t.names_intro + "\n\n";
    for (std::size_t i = 0; i < words.size() && i < 30; ++i)
        out += "- " + md(words[i].first) + " (" + std::to_string(words[i].second) + ")\n";
    out += "\n";
}

}  // namespace

std::string summary_md(const std::vector<document_report>& reports) {
    std::size_t spanish = 0;
    int suggestions = 0;
    for (const auto& r : reports) {
        spanish += r.language == "es";
        suggestions += static_cast<int>(r.suggestions.size());
    }
    const texts& t = !reports.empty() && spanish * 2 >= reports.size() + 1 ? kEs : kEn;
    std::string out = std::string("# ") + t.title + "\n\n" +
                      format(t.intro, static_cast<int>(reports.size()), suggestions) + "\n\n";
    overview(out, t, reports);
    frequent_issues(out, t, reports);
    consistency(out, t, reports);
    names(out, t, reports);
    out += std::string(t.closing) + "\n";
    return out;
}

}  // namespace galley
