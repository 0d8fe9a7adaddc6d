#include "domain/review/training_export.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>
#include <tuple>

#include "domain/engine/artefacts.hpp"
#include "domain/review/decisions.hpp"

namespace galley {

namespace {
using row = std::vector<std::string>;

// The context with `replacement` put over the suggestion's span.
std::string context_with(const suggestion_record& r, const std::string& replacement) {
    text_edit e{r.s.story, r.s.paragraph, r.context.offset, r.s.length, replacement};
    return apply_edits_to_text(r.context.text, std::span<const text_edit>(&e, 1));
}

void sft_rows(const reviewed_document& doc, std::vector<row>& rows) {
    std::set<paragraph_key> decided;
    for (const auto& r : doc.records)
        if (r.state != review_state::pending) decided.insert({r.s.story, r.s.paragraph});
    auto edits = accepted_edits(doc.records);
    auto grouped = edits_by_paragraph(edits);
    for (const auto& p : doc.text.paragraphs) {
        paragraph_key key{p.story, p.index};
        if (!decided.count(key)) continue;
        auto it = grouped.find(key);
        std::string output = it == grouped.end() ? p.text : apply_edits_to_text(p.text, it->second);
        rows.push_back({p.text, output});
    }
}

void preference_rows(const reviewed_document& doc, std::vector<row>& rows) {
    std::vector<const suggestion_record*> ordered;
    for (const auto& r : doc.records) ordered.push_back(&r);
    auto key = [](const suggestion_record* r) {
        return std::tie(r->s.story, r->s.paragraph, r->s.offset, r->s.length, r->id);
    };
    std::sort(ordered.begin(), ordered.end(), [&](auto* a, auto* b) { return key(a) < key(b); });
    for (const auto* r : ordered) {
        std::string changed;
        if (r->state == review_state::accepted && final_replacement(*r)) {
            changed = context_with(*r, *final_replacement(*r));
            rows.push_back({r->context.text, changed, r->context.text});
        } else if (r->state == review_state::rejected && r->s.replacement) {
            changed = context_with(*r, *r->s.replacement);
            rows.push_back({r->context.text, r->context.text, changed});
        } else {
            continue;
        }
        rows.back().push_back(r->s.rule_id);
        rows.back().push_back(std::string(category_name(r->s.cat)));
        rows.back().push_back(std::string(review_state_name(r->state)));
    }
}
}  // namespace

namespace {

std::vector<std::string> fields_of(training_schema schema) {
    if (schema == training_schema::sft) return {"input", "output"};
    return {"prompt", "chosen", "rejected", "rule_id", "category", "decision"};
}

}  // namespace

std::string training_export_header(training_schema schema, training_format format) {
    std::string out;
    if (format != training_format::csv) return out;
    const std::vector<std::string> fields = fields_of(schema);
    for (std::size_t i = 0; i < fields.size(); ++i) out += (i ? "," : "") + fields[i];
    out += "\r\n";
    return out;
}

std::string training_export_rows(const reviewed_document& doc, training_schema schema,
                                 training_format format, anonymizer* anon) {
    const bool sft = schema == training_schema::sft;
    const std::vector<std::string> fields = fields_of(schema);
    const std::size_t text_fields = sft ? 2 : 3;
    std::vector<row> rows;
    (sft ? sft_rows : preference_rows)(doc, rows);
    std::string out;
    for (auto& r : rows) {
        if (anon)
            for (std::size_t i = 0; i < text_fields; ++i) r[i] = anon->apply(r[i]);
        if (format == training_format::csv) {
            for (std::size_t i = 0; i < r.size(); ++i) out += (i ? "," : "") + csv_cell(r[i]);
            out += "\r\n";
        } else {
            nlohmann::json j = nlohmann::json::object();
            for (std::size_t i = 0; i < r.size(); ++i) j[fields[i]] = r[i];
            out += j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
            out += '\n';
        }
    }
    return out;
}

std::string training_export(std::span<const reviewed_document> documents, training_schema schema,
                            training_format format, anonymizer* anon) {
    std::string out = training_export_header(schema, format);
    for (const auto& doc : documents) out += training_export_rows(doc, schema, format, anon);
    return out;
}

}  // namespace galley
