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

// Writes fields the way a spreadsheet would (quoting when needed) and checks
// they come back; then feeds random bytes, which must never crash.
TEST(Csv, RoundTripsAndSurvivesRandomInput) {
  uint64_t seed = 42;
  auto next = [&seed] {
    seed = seed * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<unsigned>(seed >> 33);
  };
  // Whole characters (a byte of "Đ" alone is not text and is refused).
  const std::vector<std::string> alphabet = {"a", "b", ",", "\"", "\r", "\n",
                                             " ", "x", "Đ", "ạ",  "t"};
  for (int round = 0; round < 500; ++round) {
    std::vector<std::vector<std::string>> table(1 + next() % 4);
    std::string text;
    const size_t cols = 1 + next() % 4;
    for (auto& row : table) {
      for (size_t c = 0; c < cols; ++c) {
        std::string f;
        for (unsigned n = next() % 6; n > 0; --n) f += alphabet[next() % alphabet.size()];
        if (f.empty()) f = "e";  // a row of one empty field is a blank line
        row.push_back(f);
        std::string quoted = "\"";
        for (char ch : f) quoted += ch == '"' ? std::string("\"\"") : std::string(1, ch);
        text += (c ? "," : "") + quoted + "\"";
      }
      text += next() % 2 ? "\r\n" : "\n";
    }
    auto rows = parse_csv(text);
    ASSERT_TRUE(rows.is_ok()) << text;
    ASSERT_EQ(rows->size(), table.size()) << text;
    for (size_t r = 0; r < table.size(); ++r) EXPECT_EQ((*rows)[r].fields, table[r]) << text;

    std::string noise;
    for (unsigned n = next() % 40; n > 0; --n) noise += static_cast<char>(next() % 256);
    (void)parse_csv(noise);  // any result, no crash (run under ASan in CI builds)
  }
}

// A sponsor's "=HYPERLINK(...)" reaches the office's CSV as text, not a formula.
TEST(Csv, FormulaLookingCellsAreNeutralised) {
  EXPECT_EQ(csv_field("=HYPERLINK(\"http://x\",\"bấm\")"),
            "\"'=HYPERLINK(\"\"http://x\"\",\"\"bấm\"\")\"");
  EXPECT_EQ(csv_field("+84 912"), "'+84 912");
  EXPECT_EQ(csv_field("@SUM(A1)"), "'@SUM(A1)");
  EXPECT_EQ(csv_field("-cmd"), "'-cmd");
  EXPECT_EQ(csv_field("\t=1"), "'\t=1");
  EXPECT_EQ(csv_field("-3.5"), "-3.5");  // a number stays a number
  EXPECT_EQ(csv_field("Xã Sơn Tây"), "Xã Sơn Tây");
  EXPECT_EQ(csv_quote("=1"), "=1");
}

// A field that starts with the byte-order mark keeps it when written and read
// again (unquoted it would be taken for the file's mark and dropped).
TEST(Csv, LeadingByteOrderMarkInAFieldSurvivesTheRoundTrip) {
  const std::string field =
      "\xEF\xBB\xBF"
      "a";
  EXPECT_EQ(csv_quote(field), "\"" + field + "\"");
  auto back = parse_csv(csv_quote(field) + ",b\n");
  ASSERT_TRUE(back.is_ok());
  EXPECT_EQ((*back)[0].fields[0], field);
}

// Invalid UTF-8 (a file saved in Windows-1258) or NUL is refused with the cell.
TEST(Csv, TextOnly) {
  auto r = parse_csv(
      "unit_code,note\n18580,L\xf4"
      "c\n");
  ASSERT_FALSE(r.is_ok());
  EXPECT_NE(r.status().message().find("dòng 2, cột 2: không phải văn bản UTF-8"),
            std::string::npos);
  EXPECT_FALSE(parse_csv(std::string("a,b\nc,d\0e\n", 11)).is_ok());
  EXPECT_TRUE(parse_csv("a,b\n\"Lộc\tHà\",x\n").is_ok());
}

}  // namespace
}  // namespace ntm

namespace ntm {
// Read a byte at a time (every block boundary falls inside a quote, an
// escape, a CRLF or the BOM), the rows are those of the whole text.
TEST(CsvStream, BlocksOfAnySizeGiveTheSameRows) {
  const std::string text =
      "\xEF\xBB\xBFunit,\"note, with comma\"\r\n\r\n1,\"say "
      "\"\"hi\"\"\"\r\n2,\"two\nlines\"\n3,x\r4,\n";
  const auto whole = parse_csv(text);
  ASSERT_TRUE(whole.is_ok());
  ASSERT_EQ(whole->size(), 5u);
  size_t at = 0;
  CsvStream slow([&](char* b, size_t) -> size_t {
    if (at == text.size()) return 0;
    *b = text[at++];
    return 1;
  });
  CsvRow row;
  size_t n = 0;
  while (*slow.next(row)) {
    ASSERT_LT(n, whole->size());
    EXPECT_EQ(row.fields, (*whole)[n].fields) << "row " << n;
    EXPECT_EQ(row.line, (*whole)[n].line) << "row " << n;
    ++n;
  }
  EXPECT_EQ(n, whole->size());
  EXPECT_EQ(slow.bytes_read(), static_cast<int64_t>(text.size()));
  EXPECT_EQ((*whole)[2].fields[1], "two\nlines");
  EXPECT_EQ((*whole)[3].line, 6);  // after the line break inside the quoted field
}

TEST(CsvStream, TableStreamChecksTheHeaderAndEachRow) {
  auto bad = CsvTableStream::open(CsvStream::of("a,z\n1,2\n"), "f.csv", {"a"});
  ASSERT_FALSE(bad.is_ok());
  EXPECT_EQ(bad.status().message(), "f.csv: dòng 1: cột không được hỗ trợ \"z\"");
  auto t = CsvTableStream::open(CsvStream::of("a,b\n1, 2 \n3\n"), "f.csv", {"a"}, {"b"});
  ASSERT_TRUE(t.is_ok());
  CsvRow row;
  ASSERT_TRUE(*t->next(row));
  EXPECT_EQ(CsvTableStream::field(row, t->column("b")), "2");
  EXPECT_EQ(CsvTableStream::field(row, t->column("c")), "");
  auto short_row = t->next(row);
  ASSERT_FALSE(short_row.is_ok());
  EXPECT_EQ(short_row.status().message(), "f.csv: dòng 3: có 1 trường, cần 2");
  auto empty = CsvTableStream::open(CsvStream::of("a\n"), "f.csv", {"a"});
  ASSERT_TRUE(empty.is_ok());
  EXPECT_FALSE(empty->next(row).is_ok());  // no data row
}
}  // namespace ntm
