// galley: serve | migrate | correct | admin | backup | restore. See DESIGN.md, The binary.
#include <cstdio>
#include <string>
#include <vector>

#include "app/commands.hpp"

namespace {
void usage(std::FILE* out) {
    std::fputs(
        "usage: galley <command> [options]\n"
        "  serve   [--http ADDR:PORT] [--db URL] [--storage DIR] [--plans FILE]\n"
        "          [--cluster-port N] [--node-id ID] [--join HOST:PORT,...]\n"
        "  correct INPUT... --out DIR [--lang auto|es|en] [--no-tracked]\n"
        "  migrate [--db URL]\n"
        "  admin set-plan --db URL EMAIL PLAN\n"
        "  admin set-role --db URL EMAIL admin|user\n"
        "  backup  --db URL --storage DIR --out DIR     (while servers run)\n"
        "  restore DIR --db URL --storage DIR            (into an empty database and directory)\n"
        "Configuration also comes from GALLEY_* environment variables (flags win).\n",
        out);
}
}  // namespace

int main(int argc, char** argv) {
    std::setvbuf(stdout, nullptr, _IOLBF, 0);
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty() || args[0] == "--help" || args[0] == "help") {
        usage(args.empty() ? stderr : stdout);
        return args.empty() ? 2 : 0;
    }
    std::string command = args[0];
    args.erase(args.begin());
    if (command == "serve") return galley::app::serve_command(args);
    if (command == "migrate") return galley::app::migrate_command(args);
    if (command == "admin") return galley::app::admin_command(args);
    if (command == "correct") return galley::app::correct_command(args);
    if (command == "backup") return galley::app::backup_command(args);
    if (command == "restore") return galley::app::restore_command(args);
    std::fprintf(stderr, "galley: unknown command '%s'\n", command.c_str());
    usage(stderr);
    return 2;
}
