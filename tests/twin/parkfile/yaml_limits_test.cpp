// Limits instead of crashes in park files: aliases that repeat each other ("billion laughs", 10
// levels of 10 would be 10^10 values) stop at the value budget with a located message, as does
// nesting deeper than 64 levels, and so an alias inside its own anchor (a loop in yaml-cpp's
// tree); a file within the limits still parses. Files over 2 GiB and devices are refused unread.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "twin/base/error.h"
#include "twin/parkfile/source_tree.h"

namespace twin {
namespace {

std::string errorOf(const std::string& text) {
  Diagnostics d;
  try {
    parseYaml(text, "limits.yaml", d);
  } catch (const InputError& e) {
    return e.what();
  }
  return "no error";
}

TEST(YamlLimitsTest, AliasesThatMultiplyStopAtTheBudget) {
  std::string text = "l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n";
  for (int k = 1; k < 10; ++k) {
    text += "l" + std::to_string(k) + ": &l" + std::to_string(k) + " [";
    for (int i = 0; i < 10; ++i) text += (i ? ", *l" : "*l") + std::to_string(k - 1);
    text += "]\n";
  }
  const std::string e = errorOf(text);
  EXPECT_NE(e.find("limits.yaml:"), std::string::npos) << e;
  EXPECT_NE(e.find("expected at most 500000 values in the file, got more (aliases that repeat "
                   "each other?)"),
            std::string::npos)
      << e;
}

TEST(YamlLimitsTest, DeepNestingIsALocatedError) {
  const std::string text = "a: " + std::string(100, '[') + std::string(100, ']') + "\n";
  const std::string e = errorOf(text);
  EXPECT_NE(e.find("limits.yaml:1:"), std::string::npos) << e;
  EXPECT_NE(e.find("expected at most 64 levels of nesting"), std::string::npos) << e;
}

TEST(YamlLimitsTest, SelfReferenceAndOrdinaryAliases) {
  // yaml-cpp makes the alias inside its own anchor a loop: the nesting limit stops it.
  EXPECT_NE(errorOf("a: &a [1, *a]\n").find("levels of nesting, got more (an alias inside its own"),
            std::string::npos);
  Diagnostics d;
  const Node tree = parseYaml("base: &b {x: 1}\nuse: *b\nmore: [*b, *b]\n", "ok.yaml", d);
  ASSERT_NE(tree.find("more"), nullptr);
  EXPECT_EQ(tree.find("more")->items.size(), 2u);
  EXPECT_EQ(tree.find("use")->find("x")->scalar, "1");
}

TEST(YamlLimitsTest, HugeFilesAndDevicesAreRefusedUnread) {
  // A sparse 3 GiB file: refused by its size before a byte is read.
  const std::filesystem::path big =
      std::filesystem::temp_directory_path() / ("parktwin_big_" + std::to_string(getpid()));
  { std::ofstream touch(big); }
  std::filesystem::resize_file(big, uintmax_t{3} << 30);
  try {
    readTextFile(big.string());
    ADD_FAILURE() << "read a 3 GiB file";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("expected a file of at most 2 GiB, got 3072 MiB"),
              std::string::npos)
        << e.what();
  }
  std::filesystem::remove(big);
  EXPECT_THROW(readTextFile("/dev/zero"), InputError);  // endless: not a regular file
}

}  // namespace
}  // namespace twin
