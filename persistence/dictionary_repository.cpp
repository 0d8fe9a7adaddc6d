#include "persistence/dictionary_repository.hpp"

#include <algorithm>

#include "domain/review/dictionary.hpp"
#include "persistence/detail/sql.hpp"

namespace galley::persistence {

namespace {
status check_project(soci::session& s, const std::string& user_id, const std::string& project_id) {
    int n = 0;
    s << "SELECT COUNT(*) FROM projects WHERE id = :p AND user_id = :u", soci::use(project_id),
        soci::use(user_id), soci::into(n);
    if (n == 0) return make_error(errc::not_found, "project not found");
    return {};
}

std::vector<std::string> load_words(soci::session& s, const std::string& project_id) {
    std::vector<std::string> out;
    const std::size_t batch = 1024;
    std::vector<std::string> words(batch);
    soci::statement st =
        (s.prepare << "SELECT word FROM project_dictionary WHERE project_id = :p ORDER BY word",
         soci::use(project_id), soci::into(words));
    st.execute();
    while (st.fetch()) {
        out.insert(out.end(), words.begin(), words.end());
        words.resize(batch);
    }
    std::sort(out.begin(), out.end());  // byte order on every backend and collation
    return out;
}
}  // namespace

result<std::vector<std::string>> dictionary_repository::words(const std::string& user_id,
                                                              const std::string& project_id) {
    return detail::with_session(db_, [&](soci::session& s) -> result<std::vector<std::string>> {
        if (auto ok = check_project(s, user_id, project_id); !ok) return ok.err();
        return load_words(s, project_id);
    });
}

result<std::vector<std::string>> dictionary_repository::words_of_project(
    const std::string& project_id) {
    return detail::with_session(db_, [&](soci::session& s) -> result<std::vector<std::string>> {
        return load_words(s, project_id);
    });
}

status dictionary_repository::replace(const std::string& user_id, const std::string& project_id,
                                      const std::vector<std::string>& words) {
    const db_backend backend = db_.backend();
    return detail::with_session(db_, [&](soci::session& s) -> status {
        detail::write_transaction tx(s, backend);
        if (auto ok = check_project(s, user_id, project_id); !ok) return ok;
        s << "DELETE FROM project_dictionary WHERE project_id = :p", soci::use(project_id);
        if (!words.empty()) {
            std::vector<std::string> projects(words.size(), project_id), copy = words;
            s << "INSERT INTO project_dictionary(project_id, word) VALUES(:p, :w)",
                soci::use(projects), soci::use(copy);
        }
        tx.commit();
        return {};
    });
}

result<std::vector<std::string>> dictionary_repository::add(const std::string& user_id,
                                                            const std::string& project_id,
                                                            const std::string& word) {
    const db_backend backend = db_.backend();
    return detail::with_session(db_, [&](soci::session& s) -> result<std::vector<std::string>> {
        detail::write_transaction tx(s, backend);
        if (auto ok = check_project(s, user_id, project_id); !ok) return ok.err();
        int present = 0, total = 0;
        s << "SELECT COUNT(*) FROM project_dictionary WHERE project_id = :p AND word = :w",
            soci::use(project_id), soci::use(word), soci::into(present);
        if (present == 0) {
            s << "SELECT COUNT(*) FROM project_dictionary WHERE project_id = :p",
                soci::use(project_id), soci::into(total);
            if (static_cast<std::size_t>(total) >= kMaxDictionaryWords)
                return make_error(errc::invalid_argument, "a dictionary holds at most 10000 words",
                                  "word");
            s << "INSERT INTO project_dictionary(project_id, word) VALUES(:p, :w)",
                soci::use(project_id), soci::use(word);
        }
        auto out = load_words(s, project_id);
        tx.commit();
        return out;
    });
}

}  // namespace galley::persistence
