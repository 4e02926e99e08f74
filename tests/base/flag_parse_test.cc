#include "src/base/flag_parse.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace crosscheck::base {
namespace {

// AsksForHelp over `args`, with a program name in front.
bool Asks(std::vector<std::string> args) {
  args.insert(args.begin(), "prog");
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  return AsksForHelp(static_cast<int>(argv.size()), argv.data());
}

TEST(AsksForHelpTest, AnyHelpSpellingBeforeTheEndOfFlags) {
  EXPECT_TRUE(Asks({"--help"}));
  EXPECT_TRUE(Asks({"-h"}));
  EXPECT_TRUE(Asks({"--json", "--helpfull"}));
  // Even with an argument the parser would reject.
  EXPECT_TRUE(Asks({"--no-such-flag", "--help"}));
}

TEST(AsksForHelpTest, NotAfterDoubleDashNorInsideValues) {
  EXPECT_FALSE(Asks({}));
  EXPECT_FALSE(Asks({"--", "--help"}));
  EXPECT_FALSE(Asks({"--suite=--help"}));
  EXPECT_FALSE(Asks({"help"}));
}

}  // namespace
}  // namespace crosscheck::base
