// galley: serve | correct | migrate | admin | backup | restore. See DESIGN.md, The binary.
#include <cstdio>
#include <string>
#include <vector>

#include "app/command_catalog.hpp"
#include "app/commands.hpp"

int main(int argc, char** argv) {
    using namespace galley::app;
    std::setvbuf(stdout, nullptr, _IOLBF, 0);
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty()) {
        std::fputs(overview_text().c_str(), stderr);
        return 2;
    }
    std::string command = args[0];
    args.erase(args.begin());
    if (command == "--version" || command == "version") return std::puts(version_line().data()) < 0 ? 1 : 0;
    if (command == "--help" || command == "-h" || command == "help") {
        const command_spec* about = args.empty() ? nullptr : find_command(args[0]);
        std::fputs(about ? help_text(*about).c_str() : overview_text().c_str(), stdout);
        return 0;
    }
    if (command == "serve") return serve_command(args);
    if (command == "migrate") return migrate_command(args);
    if (command == "admin") return admin_command(args);
    if (command == "correct") return correct_command(args);
    if (command == "backup") return backup_command(args);
    if (command == "restore") return restore_command(args);
    std::vector<std::string_view> names;
    for (const auto& c : commands()) names.push_back(c.name);
    std::string_view near = closest(command, names);
    std::fprintf(stderr, "galley: unknown command '%s'%s\n", command.c_str(),
                 near.empty() ? "" : ("; did you mean '" + std::string(near) + "'?").c_str());
    std::fputs(overview_text().c_str(), stderr);
    return 2;
}
