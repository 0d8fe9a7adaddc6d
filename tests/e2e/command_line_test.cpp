// End-to-end: the galley binary's command-line conventions as an operator meets them.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "tests/support/galley_command.hpp"
#include "tests/support/galley_process.hpp"

using namespace galley::testing;

namespace {
class command_line : public ::testing::Test {
protected:
    void SetUp() override { dir = make_temp_dir("galley-cli"); }
    void TearDown() override { std::filesystem::remove_all(dir); }
    std::string dir;
};
}  // namespace

TEST_F(command_line, version_prints_one_line) {
    auto r = run_galley(dir, {"--version"});
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_TRUE(r.out.starts_with("galley ")) << r.out;
    EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 1) << r.out;
}

TEST_F(command_line, every_command_answers_help_with_its_flags_and_exits_0) {
    for (const char* command : {"serve", "correct", "migrate", "admin", "backup", "restore"}) {
        auto r = run_galley(dir, {command, "--help"});
        EXPECT_EQ(r.exit_code, 0) << command << ": " << r.err;
        EXPECT_TRUE(r.out.starts_with(std::string("usage: galley ") + command)) << r.out;
        EXPECT_EQ(r.err, "") << command;
    }
    auto serve = run_galley(dir, {"serve", "--help"});
    EXPECT_NE(serve.out.find("--lock-ttl-seconds N"), std::string::npos) << serve.out;
    EXPECT_NE(serve.out.find("variable: GALLEY_LOCK_TTL_SECONDS"), std::string::npos);
    EXPECT_NE(serve.out.find("GALLEY_JWT_PREVIOUS_SECRETS"), std::string::npos);
    auto via_help = run_galley(dir, {"help", "backup"});
    EXPECT_EQ(via_help.exit_code, 0);
    EXPECT_TRUE(via_help.out.starts_with("usage: galley backup")) << via_help.out;
    auto overview = run_galley(dir, {"--help"});
    EXPECT_EQ(overview.exit_code, 0);
    for (const char* command : {"serve", "correct", "migrate", "admin", "backup", "restore"})
        EXPECT_NE(overview.out.find(std::string("\n  ") + command + " "), std::string::npos) << command;
}

TEST_F(command_line, slips_name_the_closest_flag_or_command_and_exit_2) {
    auto flag = run_galley(dir, {"serve", "--max-workes", "2"});
    EXPECT_EQ(flag.exit_code, 2);
    EXPECT_EQ(flag.err, "galley: unknown option --max-workes for galley serve; did you mean --max-workers?\n");
    auto command = run_galley(dir, {"serv"});
    EXPECT_EQ(command.exit_code, 2);
    EXPECT_TRUE(command.err.starts_with("galley: unknown command 'serv'; did you mean 'serve'?\n")) << command.err;
    auto value = run_galley(dir, {"backup", "--out"});
    EXPECT_EQ(value.exit_code, 2);
    EXPECT_EQ(value.err, "galley: --out needs a value (DIR)\n");
}
