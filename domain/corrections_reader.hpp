#pragma once
// Reads a corrections.jsonl artefact back into suggestions, so run-level artefacts (changelog,
// summary) are built from what each document published, on whichever node finishes the run.
#include <string_view>
#include <vector>

#include "domain/engine/suggestion.hpp"
#include "domain/result.hpp"

namespace galley {

/// One suggestion per non-empty line; invalid_argument naming the line when a line is not a
/// suggestion object.
result<std::vector<suggestion>> read_corrections_jsonl(std::string_view jsonl);

}  // namespace galley
