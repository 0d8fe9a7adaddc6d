#include "app/cli.hpp"

#include <algorithm>

namespace galley::app {

namespace {
std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

const flag_spec* find_flag(const command_spec& command, std::string_view name) {
    for (const auto& f : command.flags)
        if (!f.name.empty() && f.name == name) return &f;
    return nullptr;
}

std::string unknown_flag_message(const command_spec& command, const std::string& name) {
    std::vector<std::string_view> names;
    for (const auto& f : command.flags)
        if (!f.name.empty()) names.push_back(f.name);
    names.push_back("help");
    std::string line = "unknown option --" + name + " for galley " + std::string(command.name);
    if (auto near = closest(name, names); !near.empty()) return line + "; did you mean --" + std::string(near) + "?";
    return line + "; galley " + std::string(command.name) + " --help lists its options";
}
}  // namespace

std::string_view closest(std::string_view word, std::span<const std::string_view> candidates) {
    std::string_view best;
    std::size_t best_distance = std::max<std::size_t>(2, word.size() / 3) + 1;
    for (auto c : candidates) {
        // A prefix ("--lock" for "--lock-ttl-seconds") is as good as a slip.
        std::size_t d = c.starts_with(word) && word.size() >= 3 ? 1 : edit_distance(word, c);
        if (d < best_distance) best = c, best_distance = d;
    }
    return best;
}

result<parsed_args> parse_args(const std::vector<std::string>& args, const command_spec& command) {
    parsed_args out;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "-h") {
            out.help = true;
            continue;
        }
        if (a.rfind("--", 0) != 0 || a == "--") {
            out.positional.push_back(a);
            continue;
        }
        std::string name = a.substr(2), value;
        bool has_value = false;
        if (auto eq = name.find('='); eq != std::string::npos) {
            value = name.substr(eq + 1);
            name = name.substr(0, eq);
            has_value = true;
        }
        if (name == "help") {
            out.help = true;
            continue;
        }
        const flag_spec* flag = find_flag(command, name);
        if (!flag) return make_error(errc::invalid_argument, unknown_flag_message(command, name), name);
        if (flag->value.empty()) {
            if (has_value) return make_error(errc::invalid_argument, "--" + name + " takes no value", name);
        } else if (!has_value) {
            if (i + 1 >= args.size())
                return make_error(errc::invalid_argument,
                                  "--" + name + " needs a value (" + std::string(flag->value) + ")", name);
            value = args[++i];
        }
        out.flags[name] = value;
    }
    return out;
}

std::string help_text(const command_spec& command) {
    std::string out = "usage: galley " + std::string(command.usage) + "\n\n" + std::string(command.summary) + "\n";
    bool any_variable_only = std::any_of(command.flags.begin(), command.flags.end(),
                                         [](const flag_spec& f) { return f.name.empty(); });
    auto describe = [&out](const flag_spec& f, std::string head) {
        out += "  " + head + "\n      " + std::string(f.help) + "\n";
        std::string tail;
        if (!f.fallback.empty()) tail += "default: " + std::string(f.fallback);
        if (!f.variable.empty() && !f.name.empty()) tail += std::string(tail.empty() ? "" : "; ") + "variable: " + std::string(f.variable);
        if (!tail.empty()) out += "      (" + tail + ")\n";
    };
    bool any_variable = std::any_of(command.flags.begin(), command.flags.end(),
                                    [](const flag_spec& f) { return !f.variable.empty(); });
    out += any_variable ? "\noptions (a flag wins over its variable):\n" : "\noptions:\n";
    for (const auto& f : command.flags)
        if (!f.name.empty()) describe(f, "--" + std::string(f.name) + (f.value.empty() ? "" : " " + std::string(f.value)));
    out += "  --help\n      Print this help and exit.\n";
    if (any_variable_only) {
        out += "\nvariables without a flag:\n";
        for (const auto& f : command.flags)
            if (f.name.empty()) describe(f, std::string(f.variable) + (f.value.empty() ? "" : "=" + std::string(f.value)));
    }
    return out;
}

std::string_view version_line() { return "galley " GALLEY_VERSION; }

}  // namespace galley::app
