#include "util/json_writer.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <string>
#include <vector>

namespace warta {
namespace {

TEST(JsonWriterTest, LiteralAndWrittenKeysAndEscapedStrings) {
  std::string out;
  JsonWriter json(&out);
  json.BeginObject();
  json.Key("plain");
  json.String("a \"quoted\"\n\\ value");
  std::string key = "needs \"escape\"";
  json.Key(key);
  json.Int(-42);
  json.Key("list");
  json.BeginArray();
  json.Null();
  json.Bool(true);
  json.EndArray();
  json.EndObject();
  EXPECT_EQ(out,
            "{\"plain\":\"a \\\"quoted\\\"\\n\\\\ value\",\"needs \\\"escape\\\"\":-42,"
            "\"list\":[null,true]}");
}

// Doubles come out as printf's "%.*f" writes them: rounding, signs, large values.
TEST(JsonWriterTest, DoublesAreWrittenAsPrintfWritesThem) {
  const double values[] = {0.0,     -0.0,     1.9,     -10.0,    0.125,     0.375,   2.675,
                           31.2969, 34.2455,  -7.2575, 112.7521, 1e-7,      -1e-7,   123456789.5,
                           1e22,    -3.5e300, 0.33333, 99.99995, 178.44195, -0.00005};
  for (int decimals : {0, 1, 2, 4}) {
    for (double value : values) {
      std::string out;
      JsonWriter(&out).Double(value, decimals);
      std::vector<char> expected(400);
      std::snprintf(expected.data(), expected.size(), "%.*f", decimals, value);
      EXPECT_EQ(out, std::string(expected.data())) << value << " " << decimals;
    }
  }
}

}  // namespace
}  // namespace warta
