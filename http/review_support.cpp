#include "http/review_support.hpp"

#include <charconv>
#include <cmath>

#include "domain/formats/docx_reader.hpp"
#include "domain/formats/txt_document.hpp"
#include "domain/ids.hpp"

namespace galley::http {

namespace {
// Reads the five filters from `get(name)`; errors made by `fail(name, message)`.
template <class Get, class Fail>
result<suggestion_filter> read_filter(Get&& get, Fail&& fail) {
    suggestion_filter f;
    if (auto v = get("document_id")) {
        if (!is_uuid(*v)) return fail("document_id", "document_id must be a document id");
        f.document_id = *v;
    }
    if (auto v = get("category")) {
        f.cat = parse_category(*v);
        if (!f.cat)
            return fail("category",
                        "category must be spelling, typography, punctuation, grammar or style");
    }
    if (auto v = get("rule_id")) {
        if (!is_rule_id_shape(*v)) return fail("rule_id", "rule_id is not a rule id");
        f.rule_id = *v;
    }
    if (auto v = get("state")) {
        f.state = parse_review_state(*v);
        if (!f.state) return fail("state", "state must be pending, accepted or rejected");
    }
    if (auto v = get("confidence_min")) {
        double d = 0;
        auto [p, ec] = std::from_chars(v->data(), v->data() + v->size(), d);
        if (ec != std::errc() || p != v->data() + v->size() || !std::isfinite(d) || d < 0 || d > 1)
            return fail("confidence_min", "confidence_min must be a number between 0 and 1");
        f.confidence_min = d;
    }
    return f;
}
}  // namespace

result<suggestion_filter> filter_from_query(const http_request& req) {
    return read_filter(
        [&](const char* name) -> std::optional<std::string> {
            auto v = req.query_param(name);
            if (!v || v->empty()) return std::nullopt;
            return std::string(*v);
        },
        [](const char*, const std::string& message) -> result<suggestion_filter> {
            return make_error(errc::bad_request, message);
        });
}

result<suggestion_filter> filter_from_json(const nlohmann::json& body) {
    auto it = body.find("filter");
    if (it == body.end() || it->is_null()) return suggestion_filter{};
    if (!it->is_object())
        return make_error(errc::invalid_argument, "filter must be an object", "filter");
    const nlohmann::json& obj = *it;
    std::optional<error> type_error;
    auto got = read_filter(
        [&](const char* name) -> std::optional<std::string> {
            auto f = obj.find(name);
            if (f == obj.end() || f->is_null()) return std::nullopt;
            if (f->is_number() && std::string(name) == "confidence_min") return f->dump();
            if (!f->is_string()) {
                type_error =
                    make_error(errc::invalid_argument, std::string(name) + " must be a string",
                               std::string("filter.") + name);
                return std::nullopt;
            }
            return f->get<std::string>();
        },
        [](const char* name, const std::string& message) -> result<suggestion_filter> {
            return make_error(errc::invalid_argument, message, std::string("filter.") + name);
        });
    if (type_error) return *type_error;
    return got;
}

nlohmann::json filter_json(const suggestion_filter& f) {
    nlohmann::json j = nlohmann::json::object();
    if (f.document_id) j["document_id"] = *f.document_id;
    if (f.cat) j["category"] = std::string(category_name(*f.cat));
    if (f.rule_id) j["rule_id"] = *f.rule_id;
    if (f.confidence_min) j["confidence_min"] = *f.confidence_min;
    if (f.state) j["state"] = std::string(review_state_name(*f.state));
    return j;
}

result<std::optional<suggestion_position>> suggestion_cursor(const http_request& req) {
    auto raw = req.query_param("cursor");
    if (!raw || raw->empty()) return std::optional<suggestion_position>();
    auto p = decode_suggestion_cursor(*raw);
    if (!p) return make_error(errc::bad_request, "cursor is not valid");
    return std::optional<suggestion_position>(std::move(*p));
}

nlohmann::json suggestion_json(const suggestion_record& r) {
    auto opt = [](const std::optional<std::string>& s) {
        return s ? nlohmann::json(*s) : nlohmann::json();
    };
    return {{"id", r.id},
            {"run_id", r.run_id},
            {"document_id", r.document_id},
            {"story", std::string(story_name(r.s.story))},
            {"paragraph", r.s.paragraph},
            {"offset", r.s.offset},
            {"length", r.s.length},
            {"original", r.s.original},
            {"replacement", opt(r.s.replacement)},
            {"rule_id", r.s.rule_id},
            {"category", std::string(category_name(r.s.cat))},
            {"confidence", r.s.confidence},
            {"message", r.s.message},
            {"context", {{"text", r.context.text}, {"offset", r.context.offset}}},
            {"state", std::string(review_state_name(r.state))},
            {"edited_replacement", opt(r.edited_replacement)}};
}

result<run_document_source> load_run_document(service_context& ctx, const std::string& owner_id,
                                              const run_record& run,
                                              const std::string& document_id) {
    run_document_source src;
    bool found = false;
    for (const auto& d : run.documents)
        if (d.document_id == document_id) {
            src.document_id = d.document_id;
            src.filename = d.filename;
            src.status = d.status;
            found = true;
        }
    if (!found) return make_error(errc::not_found, "document not found in this run");
    auto meta = ctx.documents.get(owner_id, document_id);
    if (!meta) return meta.err();
    src.format = meta->format;
    auto bytes = ctx.blobs.get(owner_id, meta->project_id, meta->sha256);
    if (!bytes) {
        if (bytes.err().code == errc::not_found)
            return make_error(errc::internal, "stored document missing");
        return bytes.err();
    }
    src.bytes = std::move(*bytes);
    if (src.format == "docx") {
        auto docx = formats::read_docx(src.bytes);
        if (!docx)
            return make_error(errc::internal,
                              "the stored document cannot be read: " + docx.err().message);
        src.text = docx->text;
        src.docx = std::move(*docx);
    } else {
        auto txt = formats::txt_document::parse(src.bytes);
        if (!txt)
            return make_error(errc::internal,
                              "the stored document cannot be read: " + txt.err().message);
        src.text = txt->text();
    }
    return src;
}

result<reviewed_source> load_reviewed_document(service_context& ctx, const std::string& owner_id,
                                               const run_record& run, const std::string& document_id) {
    auto src = load_run_document(ctx, owner_id, run, document_id);
    if (!src) return src.err();
    auto records = ctx.reviews.document_suggestions(owner_id, run.id, document_id);
    if (!records) return records.err();
    return reviewed_source{std::move(*src), std::move(*records)};
}

}  // namespace galley::http
