#pragma once
// Command-line conventions (API.md, Operations): each command declares its flags once, with the
// GALLEY_* variable a flag falls back to and its default. `galley COMMAND --help` prints that
// table, `galley --version` the version, and an unknown flag or command names the closest valid
// one. The declarations live in command_catalog.cpp; config.cpp reads the variables through them.
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "domain/result.hpp"

namespace galley::app {

struct flag_spec {
    std::string_view name;      // after "--"; empty: set only through the variable
    std::string_view variable;  // GALLEY_*; empty: a flag of this command only
    std::string_view value;     // placeholder of the value ("ADDR:PORT"); empty: a switch
    std::string_view fallback;  // the default as --help shows it; empty: none
    std::string_view help;
};

struct command_spec {
    std::string_view name;
    std::string_view usage;  // what follows "galley " in the usage line
    std::string_view summary;
    std::vector<flag_spec> flags;
};

/// Flags given after the command: `--name value` or `--name=value`; anything else is positional.
/// `--help` sets `help` for every command.
struct parsed_args {
    std::map<std::string, std::string> flags;
    std::vector<std::string> positional;
    bool help = false;
};

/// invalid_argument for an unknown flag (naming the closest valid one) or a missing value.
result<parsed_args> parse_args(const std::vector<std::string>& args, const command_spec& command);

/// The usage line, the summary and one block per flag: name, value, default and variable.
std::string help_text(const command_spec& command);

/// The candidate nearest to `word` by edit distance, if it is near enough to be a slip
/// (at most a third of the word's letters, at least 2); empty otherwise.
std::string_view closest(std::string_view word, std::span<const std::string_view> candidates);

/// "galley X.Y.Z" from the CMake project version.
std::string_view version_line();

}  // namespace galley::app
