#pragma once
// Runs one galley command to completion (correct, backup, --help, ...) with its output captured,
// for tests of the command line as a user meets it.
#include <string>
#include <vector>

namespace galley::testing {

struct command_result {
    int exit_code = -1;  // -1: killed by a signal or not started
    std::string out, err;
};

/// `galley ARGS...`; stdout and stderr go through files in `dir`.
command_result run_galley(const std::string& dir, const std::vector<std::string>& args);

}  // namespace galley::testing
