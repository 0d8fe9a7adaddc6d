#include "app/plans_file.hpp"

#include <nlohmann/json.hpp>

#include "persistence/blob_store.hpp"

namespace galley::app {

namespace {
error invalid(const std::string& why) { return make_error(errc::invalid_argument, "plans file: " + why, "plans"); }

template <class T>
bool read_field(const nlohmann::json& obj, const char* name, T& out) {
    auto it = obj.find(name);
    if (it == obj.end()) return true;
    if (!it->is_number_integer()) return false;
    out = it->get<T>();
    return true;
}
}  // namespace

result<plan_table> parse_plans(std::string_view text) {
    auto doc = nlohmann::json::parse(text.begin(), text.end(), nullptr, false);
    if (doc.is_discarded() || !doc.is_object()) return invalid("not a JSON object");
    plan_table table = plan_table::defaults();
    static const char* kFields[] = {"weight", "max_concurrent", "max_docs_per_run", "chars_per_month",
                                    "max_upload_mb", "requests_per_minute", "max_attempts",
                                    "max_stored_mb", "max_documents", "max_queued_docs", "max_event_streams"};
    for (const auto& [name, fields] : doc.items()) {
        if (!fields.is_object()) return invalid("plan '" + name + "' must be an object");
        for (const auto& [field, _] : fields.items()) {
            bool known = false;
            for (const char* k : kFields) known = known || field == k;
            if (!known) return invalid("plan '" + name + "' has unknown field '" + field + "'");
        }
        const plan* base = table.find(name);
        plan p = base ? *base : plan{};
        p.name = name;
        if (!read_field(fields, "weight", p.weight) || !read_field(fields, "max_concurrent", p.max_concurrent) ||
            !read_field(fields, "max_docs_per_run", p.max_docs_per_run) ||
            !read_field(fields, "chars_per_month", p.chars_per_month) ||
            !read_field(fields, "max_upload_mb", p.max_upload_mb) ||
            !read_field(fields, "requests_per_minute", p.requests_per_minute) ||
            !read_field(fields, "max_attempts", p.max_attempts) ||
            !read_field(fields, "max_stored_mb", p.max_stored_mb) ||
            !read_field(fields, "max_documents", p.max_documents) ||
            !read_field(fields, "max_queued_docs", p.max_queued_docs) ||
            !read_field(fields, "max_event_streams", p.max_event_streams))
            return invalid("plan '" + name + "': every value must be an integer");
        if (auto s = table.set(p); !s) return invalid(s.err().message);
    }
    return table;
}

result<plan_table> load_plans_file(const std::string& path) {
    auto text = persistence::read_file(path);
    if (!text) return invalid("cannot read " + path);
    return parse_plans(*text);
}

}  // namespace galley::app
