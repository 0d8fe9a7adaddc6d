#pragma once
// Every command of the galley binary and every flag it takes, declared once: parse_args checks
// against it, --help prints it, and load_config finds each flag's GALLEY_* variable in it.
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "app/cli.hpp"

namespace galley::app {

std::span<const command_spec> commands();

/// nullptr when no command has this name.
const command_spec* find_command(std::string_view name);

/// The declaration of a configuration flag (one `galley serve` takes); nullptr if there is none.
const flag_spec* config_flag(std::string_view name);

/// Parses the arguments of the named command. Where the command should stop at once, returns
/// its exit code instead: 0 after printing its help for --help, 2 after printing one line for
/// an unknown flag or a missing value.
std::variant<parsed_args, int> read_command_line(std::string_view command, const std::vector<std::string>& args);

/// Usage of the binary as a whole: the commands with their summaries.
std::string overview_text();

}  // namespace galley::app
