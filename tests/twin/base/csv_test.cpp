// CSV rows with their locations: quoted fields (RFC 4180 §2.5-2.7), line endings, a byte-order
// mark, blank lines, and located errors for malformed quotes.
#include "twin/base/csv.h"

#include <gtest/gtest.h>

namespace twin {
namespace {

using Fields = std::vector<std::string>;

std::string errorOf(std::string_view text) {
  try {
    parseCsv(text, "in.csv");
  } catch (const InputError& e) {
    return e.what();
  }
  return "no error";
}

TEST(Csv, QuotedFieldsKeepCommasQuotesAndLineBreaks) {
  const std::vector<CsvRow> rows = parseCsv("a,\"b, c\",d\n\"say \"\"hi\"\"\",\"x\ny\"\nz\n", "f");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].fields, (Fields{"a", "b, c", "d"}));
  EXPECT_EQ(rows[0].columns, (std::vector<int>{1, 3, 10}));
  EXPECT_EQ(rows[1].fields, (Fields{"say \"hi\"", "x\ny"}));
  EXPECT_EQ(rows[1].line, 2);
  EXPECT_EQ(rows[1].text, "\"say \"\"hi\"\"\",\"x\ny\"");
  EXPECT_EQ(rows[2].line, 4);  // the quoted line break counts
}

TEST(Csv, CrLfBomBlankLinesAndBlanksAroundFields) {
  const std::vector<CsvRow> rows =
      parseCsv("\xEF\xBB\xBFtime, p_mw_5 \r\n\r\n   \r\n0,90\r\n1 , 2,\r\n", "f");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].fields, (Fields{"time", "p_mw_5"}));
  EXPECT_EQ(rows[0].columns, (std::vector<int>{1, 6}));
  EXPECT_EQ(rows[0].text, "time, p_mw_5 ");
  EXPECT_EQ(rows[1].line, 4);
  EXPECT_EQ(rows[1].fields, (Fields{"0", "90"}));
  EXPECT_EQ(rows[1].text, "0,90");
  EXPECT_EQ(rows[2].line, 5);
  EXPECT_EQ(rows[2].fields, (Fields{"1", "2", ""}));  // a trailing comma: an empty last field
  EXPECT_EQ(rows[2].columns, (std::vector<int>{1, 4, 7}));
}

TEST(Csv, LastRowWithoutLineEndAndLoneCr) {
  const std::vector<CsvRow> rows = parseCsv("a,b\rc,d", "f");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[1].line, 2);
  EXPECT_EQ(rows[1].fields, (Fields{"c", "d"}));
  EXPECT_EQ(rows[1].text, "c,d");
  EXPECT_TRUE(parseCsv("", "f").empty());
  EXPECT_TRUE(parseCsv("\n\r\n", "f").empty());
}

TEST(Csv, MalformedQuotesAreLocated) {
  EXPECT_EQ(errorOf("a,b\nc,d\"e\n"),
            "in.csv:2:4: expected a quote only around a whole field (\"\" inside one), got a quote "
            "inside an unquoted field");
  EXPECT_EQ(errorOf("\"ab\"c,d\n"),
            "in.csv:1:5: expected a comma or the end of the line after a closing quote, got 'c'");
  EXPECT_EQ(errorOf("x\na,\"bc\nd\n"),
            "in.csv:2:3: expected a closing quote for the field that begins here, got the end of "
            "the file");
}

TEST(Csv, HeaderLookupByNameAndFieldLocations) {
  const std::vector<CsvRow> rows = parseCsv("time,latitude,time\n", "f");
  const CsvHeader header(rows.at(0));
  EXPECT_EQ(header.size(), 3u);
  EXPECT_EQ(header.find("latitude"), 1u);
  EXPECT_EQ(header.find("time"), 0u);  // the first of two
  EXPECT_FALSE(header.find("Latitude"));
  const SourceLoc at = header.row().at("f", 2);
  EXPECT_EQ(at.file, "f");
  EXPECT_EQ(at.line, 1);
  EXPECT_EQ(at.column, 15);
}

}  // namespace
}  // namespace twin
