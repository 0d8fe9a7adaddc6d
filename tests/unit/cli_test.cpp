// The command line's conventions: flags declared once, --help from the declarations, defaults
// shown as the configuration really has them, and slips answered with the closest flag.
#include <gtest/gtest.h>

#include "app/cli.hpp"
#include "app/command_catalog.hpp"
#include "app/config.hpp"

using namespace galley;
using namespace galley::app;

namespace {
// The fields a flag may set, for comparing two configurations.
auto fields(const config& c) {
    return std::tuple(c.http_host, c.http_port, c.db_url, c.storage_dir, c.plans_file, c.cluster_port, c.node_id, c.join,
                      c.max_workers, c.max_queued, c.heartbeat_seconds, c.lock_ttl_seconds, c.attempt_deadline_seconds,
                      c.http_io_threads, c.http_handler_threads, c.http_max_connections, c.guest_ttl_hours,
                      c.audit_retention_days, c.auth_per_minute, c.trusted_proxies, c.tls_cert_file, c.tls_key_file,
                      c.cors_origins, c.faults, c.jwt_secret, c.webhook_first_retry_seconds, c.webhook_allow_private, c.clamav_socket);
}

bool is_literal(std::string_view fallback) {
    return !fallback.empty() && fallback != "none" && fallback.find(' ') == std::string_view::npos;
}
}  // namespace

TEST(command_line, every_default_that_help_shows_is_the_one_the_configuration_has) {
    auto defaults = load_config({}, {});
    ASSERT_TRUE(defaults.ok());
    int checked = 0;
    for (const auto& f : find_command("serve")->flags) {
        if (f.name.empty() || !is_literal(f.fallback)) continue;
        auto given = load_config({{std::string(f.name), std::string(f.fallback)}}, {});
        ASSERT_TRUE(given.ok()) << f.name << ": " << given.err().message;
        EXPECT_EQ(fields(*given), fields(*defaults)) << "--" << f.name << " shows default " << f.fallback;
        ++checked;
    }
    EXPECT_GE(checked, 12);
}

TEST(command_line, every_numeric_flag_is_read_from_its_variable) {
    int checked = 0;
    for (const auto& f : find_command("serve")->flags) {
        if (f.value != "N") continue;
        // 0 is outside every numeric flag's range, so an error naming the flag proves the variable
        // reached it.
        auto c = load_config({}, {{std::string(f.variable), "0"}});
        ASSERT_FALSE(c.ok()) << f.variable << " was not read";
        EXPECT_EQ(c.err().field, f.name);
        ++checked;
    }
    EXPECT_GE(checked, 12);
}

TEST(command_line, help_lists_every_flag_with_its_default_and_variable) {
    for (const auto& command : commands()) {
        const std::string help = help_text(command);
        EXPECT_EQ(help.rfind("usage: galley " + std::string(command.name), 0), 0u) << help;
        EXPECT_NE(help.find("--help"), std::string::npos);
        for (const auto& f : command.flags) {
            if (!f.name.empty()) {
                EXPECT_NE(help.find("--" + std::string(f.name)), std::string::npos) << f.name;
            }
            if (!f.variable.empty()) {
                EXPECT_NE(help.find(std::string(f.variable)), std::string::npos) << f.variable;
            }
            if (!f.fallback.empty()) {
                EXPECT_NE(help.find("default: " + std::string(f.fallback)), std::string::npos) << f.name;
            }
        }
    }
    const std::string serve = help_text(*find_command("serve"));
    EXPECT_NE(serve.find("--max-queued N\n"), std::string::npos) << serve;
    EXPECT_NE(serve.find("(default: 10000; variable: GALLEY_MAX_QUEUED)"), std::string::npos) << serve;
}

TEST(command_line, an_unknown_flag_names_the_closest_valid_one) {
    const command_spec& serve = *find_command("serve");
    auto slip = parse_args({"--max-queud", "5"}, serve);
    ASSERT_FALSE(slip.ok());
    EXPECT_EQ(slip.err().message, "unknown option --max-queud for galley serve; did you mean --max-queued?");
    auto prefix = parse_args({"--lock-ttl=5"}, serve);
    ASSERT_FALSE(prefix.ok());
    EXPECT_NE(prefix.err().message.find("did you mean --lock-ttl-seconds?"), std::string::npos);
    auto far = parse_args({"--colour"}, serve);
    ASSERT_FALSE(far.ok());
    EXPECT_EQ(far.err().message, "unknown option --colour for galley serve; galley serve --help lists its options");
}

TEST(command_line, flags_values_switches_and_help_are_parsed) {
    const command_spec& correct = *find_command("correct");
    auto p = parse_args({"a.docx", "--out", "dir", "--lang=es", "--no-tracked", "b.txt"}, correct);
    ASSERT_TRUE(p.ok()) << p.err().message;
    EXPECT_EQ(p->positional, (std::vector<std::string>{"a.docx", "b.txt"}));
    EXPECT_EQ(p->flags.at("out"), "dir");
    EXPECT_EQ(p->flags.at("lang"), "es");
    EXPECT_TRUE(p->flags.contains("no-tracked"));
    EXPECT_FALSE(p->help);
    EXPECT_TRUE(parse_args({"--help"}, correct)->help);
    EXPECT_TRUE(parse_args({"-h"}, correct)->help);
    auto missing = parse_args({"--out"}, correct);
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.err().message, "--out needs a value (DIR)");
    EXPECT_FALSE(parse_args({"--no-tracked=yes"}, correct).ok());
}

TEST(command_line, closest_is_only_a_near_neighbour) {
    std::vector<std::string_view> names = {"serve", "correct", "migrate", "backup", "restore"};
    EXPECT_EQ(closest("serv", names), "serve");
    EXPECT_EQ(closest("corect", names), "correct");
    EXPECT_EQ(closest("restor", names), "restore");
    EXPECT_EQ(closest("deploy", names), "");
}
