#include "base/csv.h"

#include <gtest/gtest.h>

namespace ntm {
namespace {

TEST(Csv, QuotesEscapesAndMultiline) {
  auto rows = parse_csv("a,\"b,c\",\"say \"\"hi\"\"\"\n1,\"two\nlines\",3\n");
  ASSERT_TRUE(rows.is_ok()) << rows.status().to_string();
  ASSERT_EQ(rows->size(), 2u);
  EXPECT_EQ((*rows)[0].fields, (std::vector<std::string>{"a", "b,c", "say \"hi\""}));
  EXPECT_EQ((*rows)[1].fields[1], "two\nlines");
  EXPECT_EQ((*rows)[1].line, 2);
}

TEST(Csv, BomCrlfAndBlankLines) {
  auto rows = parse_csv("\xEF\xBB\xBFx,y\r\n\r\n1,2\r\n");
  ASSERT_TRUE(rows.is_ok());
  ASSERT_EQ(rows->size(), 2u);
  EXPECT_EQ((*rows)[0].fields[0], "x");
  EXPECT_EQ((*rows)[1].fields, (std::vector<std::string>{"1", "2"}));
  EXPECT_EQ((*rows)[1].line, 3);
}

TEST(Csv, EmptyFieldsAndNoFinalNewline) {
  auto rows = parse_csv("a,,\n,b,");
  ASSERT_TRUE(rows.is_ok());
  EXPECT_EQ((*rows)[0].fields, (std::vector<std::string>{"a", "", ""}));
  EXPECT_EQ((*rows)[1].fields, (std::vector<std::string>{"", "b", ""}));
}

TEST(Csv, RejectsBrokenQuotes) {
  EXPECT_FALSE(parse_csv("a,\"b\n").is_ok());
  EXPECT_FALSE(parse_csv("a,b\"c\n").is_ok());
  EXPECT_FALSE(parse_csv("a,\"b\"c\n").is_ok());
}

TEST(CsvTable, ChecksHeaderAndFieldCounts) {
  auto ok = CsvTable::parse("code,name\n01,X\n", "u.csv", {"code", "name"});
  ASSERT_TRUE(ok.is_ok());
  EXPECT_EQ(ok->get(ok->rows()[0], "name"), "X");

  auto missing = CsvTable::parse("code\n01\n", "u.csv", {"code", "name"});
  EXPECT_EQ(missing.status().message(), "u.csv: dòng 1: thiếu cột \"name\"");

  auto extra = CsvTable::parse("code,name,zzz\n01,X,1\n", "u.csv", {"code", "name"});
  EXPECT_EQ(extra.status().message(), "u.csv: dòng 1: cột không được hỗ trợ \"zzz\"");

  auto short_row = CsvTable::parse("code,name\n01\n", "u.csv", {"code", "name"});
  EXPECT_EQ(short_row.status().message(), "u.csv: dòng 2: có 1 trường, cần 2");

  EXPECT_EQ(CsvTable::parse("", "e.csv", {"code"}).status().message(),
            "e.csv: tệp rỗng, không có dòng tiêu đề");
  EXPECT_EQ(CsvTable::parse("code\n", "e.csv", {"code"}).status().message(),
            "e.csv: tệp không có dòng dữ liệu nào");
}

}  // namespace
}  // namespace ntm
