#pragma once
// Project dictionaries (API.md: /projects/{id}/dictionary): the words a project's runs accept as
// spelled. Reads and writes by a user check the project is theirs (not_found otherwise); words
// are validated by the caller (domain/review/dictionary.hpp). Blocking.
#include <string>
#include <vector>

#include "domain/result.hpp"
#include "persistence/database.hpp"

namespace galley::persistence {

class dictionary_repository {
public:
    explicit dictionary_repository(database& db) : db_(db) {}

    /// The project's words, sorted (byte order).
    result<std::vector<std::string>> words(const std::string& user_id,
                                           const std::string& project_id);
    /// Without an owner check: for the corrector, which already holds the project id.
    result<std::vector<std::string>> words_of_project(const std::string& project_id);
    /// Replaces the whole list. REQUIRES: `words` normalized (valid, unique, within the limit).
    status replace(const std::string& user_id, const std::string& project_id,
                   const std::vector<std::string>& words);
    /// Adds one word (a no-op when present); invalid_argument (field `word`) when the project
    /// already holds kMaxDictionaryWords words. Returns the new list.
    result<std::vector<std::string>> add(const std::string& user_id, const std::string& project_id,
                                         const std::string& word);

private:
    database& db_;
};

}  // namespace galley::persistence
