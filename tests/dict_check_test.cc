// `warta dict check`: the shipped data is valid, and a broken file is named
// with its line.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "test_support.h"

namespace warta {
namespace {

TEST(DictCheckTest, ShippedDataIsValid) {
  LoadOptions options;
  options.data_dir = testing::DataDir();
  std::vector<std::string> problems = Resources::Check(options);
  for (const std::string& p : problems) ADD_FAILURE() << p;
}

TEST(DictCheckTest, BrokenFilesAreNamedWithTheirLines) {
  namespace fs = std::filesystem;
  fs::path copy = fs::path(::testing::TempDir()) / "warta-broken-data";
  fs::remove_all(copy);
  fs::copy(testing::DataDir(), copy, fs::copy_options::recursive);
  std::ofstream(copy / "verbs/id/broken.tsv") << "# a broken file\n042\tkunjung\n999\tterbang\n"
                                                 "051\tpuji\tloud\n";
  std::ofstream(copy / "actors/people/broken.tsv") << "Someone\tRUSXYZ\t2020\t\tnobody\n";
  std::ofstream(copy / "places/world/broken.tsv")
      << "# a broken gazetteer file\nXXX.ZZ.nowhere\tcity\t1.00\t2.00\t-\tNowhere\n"
         "IDN\tcountry\t-2.50\t118.00\tID\tIndonesia again\n"
         "IDN.JI.nowhere\ttown\t1.00\t2.00\t-\tNowhere\n";
  LoadOptions options;
  options.data_dir = copy.string();
  std::vector<std::string> problems = Resources::Check(options);
  std::string all;
  for (const std::string& p : problems) all += p + "\n";
  EXPECT_NE(all.find("verbs/id/broken.tsv:3: unknown CAMEO code \"999\""), std::string::npos)
      << all;
  EXPECT_NE(all.find("verbs/id/broken.tsv:4: unknown flag \"loud\""), std::string::npos) << all;
  EXPECT_NE(all.find("people/broken.tsv:1: expected"), std::string::npos) << all;
  EXPECT_NE(all.find("places/world/broken.tsv:2: parent XXX.ZZ of XXX.ZZ.nowhere"),
            std::string::npos)
      << all;
  EXPECT_NE(all.find("places/world/broken.tsv:3: duplicate id IDN"), std::string::npos) << all;
  EXPECT_NE(all.find("places/world/broken.tsv:4: unknown feature \"town\""), std::string::npos)
      << all;
  EXPECT_FALSE(Resources::Load(options).ok());
  // A broken codebook line: a Goldstein value that is not a number.
  std::ofstream(copy / "codebook/cameo.tsv", std::ios::app) << "0429\tx\tCONSULT\tvisit again\n";
  problems = Resources::Check(options);
  all.clear();
  for (const std::string& p : problems) all += p + "\n";
  EXPECT_NE(all.find("cameo.tsv:"), std::string::npos) << all;
  EXPECT_NE(all.find("Goldstein value must be a number"), std::string::npos) << all;
  fs::remove_all(copy);
}

}  // namespace
}  // namespace warta
