#pragma once
// Which stored blobs rows still use: a blob is content-addressed per project and shared by the
// documents and the exports (of the project's runs) with that content. The collector asks
// before removing a file, so nothing a row references is ever removed.
#include <set>
#include <string>
#include <string_view>

#include "domain/result.hpp"
#include "persistence/database.hpp"

namespace galley::persistence {

/// The sha256 of every document and export of the project.
result<std::set<std::string>> referenced_blobs(database& db, std::string_view project_id);

/// Whether a document or an export of the project has content `sha256`.
result<bool> blob_referenced(database& db, std::string_view project_id, std::string_view sha256);

}  // namespace galley::persistence
