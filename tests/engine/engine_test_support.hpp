#pragma once
// Shared helpers for engine tests: one engine per process, single-paragraph checks.
#include <string>
#include <vector>

#include "domain/engine/engine.hpp"

namespace galley::test {

/// The engine loaded once from /usr/share/hunspell (aborts the test binary if missing).
const engine& shared_engine();

/// Suggestions for one body paragraph in `language` ("es", "en", "auto", "fr").
std::vector<suggestion> check(const std::string& text, const std::string& language,
                              check_options options = {});

/// `text` with every suggested replacement applied.
std::string fixed(const std::string& text, const std::string& language, check_options options = {});

/// True when some suggestion of `rule_id` is reported.
bool fires(const std::string& text, const std::string& language, const std::string& rule_id);

}  // namespace galley::test
