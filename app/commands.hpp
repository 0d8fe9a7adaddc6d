#pragma once
// The subcommands of the galley binary. Each takes the arguments after its name and returns
// the process exit code; all print one clear line on failure.
#include <string>
#include <vector>

namespace galley::app {

int serve_command(const std::vector<std::string>& args);
int migrate_command(const std::vector<std::string>& args);
int admin_command(const std::vector<std::string>& args);
int correct_command(const std::vector<std::string>& args);
int backup_command(const std::vector<std::string>& args);
int restore_command(const std::vector<std::string>& args);

}  // namespace galley::app
