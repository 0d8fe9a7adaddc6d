#include "persistence/document_repository.hpp"

#include "persistence/detail/sql.hpp"

namespace galley::persistence {

namespace {
constexpr const char* kColumns =
    "id, project_id, user_id, filename, format, size, sha256, language, word_count, created_at, char_count";

result<document> select_one(soci::session& s, const std::string& user_id, const std::string& id) {
    document d;
    long long size = 0, words = 0, created = 0, chars = 0;
    s << std::string("SELECT ") + kColumns + " FROM documents WHERE id = :id AND user_id = :u",
        soci::use(id), soci::use(user_id), soci::into(d.id), soci::into(d.project_id),
        soci::into(d.user_id), soci::into(d.filename), soci::into(d.format), soci::into(size),
        soci::into(d.sha256), soci::into(d.language), soci::into(words), soci::into(created),
        soci::into(chars);
    d.char_count = chars;
    if (!s.got_data()) return make_error(errc::not_found, "document not found");
    d.size = size;
    d.word_count = words;
    d.created_at = created;
    return d;
}
}  // namespace

status document_repository::create(const document& d, const document_limits& limits) {
    const db_backend backend = db_.backend();
    return detail::with_session(db_, [&](soci::session& s) -> status {
        long long size = d.size, words = d.word_count, created = d.created_at, chars = d.char_count;
        detail::write_transaction tx(s, backend);
        if (limits.max_documents > 0 || limits.max_stored_bytes > 0) {
            // Two uploads of one user must not both pass the check: lock the user's row.
            if (backend == db_backend::postgresql) {
                std::string locked;
                s << "SELECT id FROM users WHERE id = :u FOR UPDATE", soci::use(d.user_id), soci::into(locked);
            }
            long long count = 0, stored = 0;
            s << "SELECT COUNT(*), COALESCE(SUM(size), 0) FROM documents WHERE user_id = :u", soci::use(d.user_id),
                soci::into(count), soci::into(stored);
            if (limits.max_documents > 0 && count + 1 > limits.max_documents)
                return make_error(errc::quota_exceeded, "your plan allows " + std::to_string(limits.max_documents) +
                                                            " documents; delete some to upload more");
            if (limits.max_stored_bytes > 0 && stored + size > limits.max_stored_bytes)
                return make_error(errc::quota_exceeded,
                                  "this upload would exceed your plan's " +
                                      std::to_string(limits.max_stored_bytes / 1'000'000) + " MB of storage");
        }
        s << std::string("INSERT INTO documents(") + kColumns +
                 ") VALUES(:id, :p, :u, :f, :fmt, :sz, :sha, :lang, :wc, :c, :cc)",
            soci::use(d.id), soci::use(d.project_id), soci::use(d.user_id), soci::use(d.filename),
            soci::use(d.format), soci::use(size), soci::use(d.sha256), soci::use(d.language),
            soci::use(words), soci::use(created), soci::use(chars);
        tx.commit();
        return {};
    });
}

result<page<document>> document_repository::list(std::string_view user_id,
                                                 std::string_view project_id, int limit,
                                                 const std::optional<cursor_key>& after) {
    return detail::with_session(db_, [&](soci::session& s) -> result<page<document>> {
        std::string u(user_id), p(project_id), after_id = after ? after->id : std::string();
        long long after_ts = after ? after->created_at : -1;
        std::size_t n = static_cast<std::size_t>(limit) + 1;
        std::vector<std::string> ids(n), projects(n), owners(n), names(n), formats(n), shas(n), langs(n);
        std::vector<long long> sizes(n), words(n), created(n), chars(n);
        s << std::string("SELECT ") + kColumns +
                 " FROM documents WHERE project_id = :p AND user_id = :u"
                 " AND (created_at > :t OR (created_at = :t2 AND id > :i))"
                 " ORDER BY created_at, id LIMIT " + std::to_string(n),
            soci::use(p), soci::use(u), soci::use(after_ts), soci::use(after_ts),
            soci::use(after_id), soci::into(ids), soci::into(projects), soci::into(owners),
            soci::into(names), soci::into(formats), soci::into(sizes), soci::into(shas),
            soci::into(langs), soci::into(words), soci::into(created), soci::into(chars);
        page<document> out;
        for (std::size_t i = 0; i < ids.size() && i < static_cast<std::size_t>(limit); ++i)
            out.items.push_back({ids[i], projects[i], owners[i], names[i], formats[i], sizes[i],
                                 shas[i], langs[i], words[i], created[i], chars[i]});
        if (ids.size() > static_cast<std::size_t>(limit))
            out.next_cursor = encode_cursor({out.items.back().created_at, out.items.back().id});
        return out;
    });
}

result<document> document_repository::get(std::string_view user_id, std::string_view document_id) {
    return detail::with_session(db_, [&](soci::session& s) {
        return select_one(s, std::string(user_id), std::string(document_id));
    });
}

result<document> document_repository::remove(std::string_view user_id, std::string_view document_id) {
    const db_backend backend = db_.backend();
    return detail::with_session(db_, [&](soci::session& s) -> result<document> {
        std::string u(user_id), id(document_id);
        detail::write_transaction tx(s, backend);
        auto d = select_one(s, u, id);
        if (!d) return d;
        s << "DELETE FROM documents WHERE id = :id", soci::use(id);
        tx.commit();
        return d;
    });
}

}  // namespace galley::persistence
