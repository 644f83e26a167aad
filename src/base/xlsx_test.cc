#include "base/xlsx.h"

#include <gtest/gtest.h>
#include <zip.h>

#include <algorithm>
#include <map>

#include "base/zip_writer.h"

namespace ntm {
namespace {

// Builds an .xlsx in memory from its members, as spreadsheet programs lay it out.
std::string make_xlsx(const std::map<std::string, std::string>& members) {
  zip_error_t err;
  zip_source_t* out = zip_source_buffer_create(nullptr, 0, 0, &err);
  zip_source_keep(out);
  zip_t* z = zip_open_from_source(out, ZIP_TRUNCATE, &err);
  for (const auto& [path, text] : members) {
    zip_source_t* s = zip_source_buffer(z, text.data(), text.size(), 0);
    zip_file_add(z, path.c_str(), s, ZIP_FL_ENC_UTF_8);
  }
  zip_close(z);
  zip_source_open(out);
  zip_source_seek(out, 0, SEEK_END);
  const auto size = zip_source_tell(out);
  zip_source_seek(out, 0, SEEK_SET);
  std::string bytes(size, '\0');
  zip_source_read(out, bytes.data(), size);
  zip_source_close(out);
  zip_source_free(out);
  return bytes;
}

const std::map<std::string, std::string> kBook = {
    {"xl/workbook.xml",
     R"(<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Kế hoạch" sheetId="1" r:id="rId7"/></sheets></workbook>)"},
    {"xl/_rels/workbook.xml.rels",
     R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId7" Type="worksheet" Target="worksheets/sheet9.xml"/></Relationships>)"},
    {"xl/sharedStrings.xml",
     R"(<sst><si><t>unit_code</t></si><si><t>note</t></si><si><r><t>Xã </t></r><r><t>Sơn Tây, "mới"</t></r></si></sst>)"},
    {"xl/styles.xml",
     R"(<styleSheet><numFmts><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="0.0&quot; ha&quot;"/></numFmts><cellXfs><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="165"/></cellXfs></styleSheet>)"},
    {"xl/worksheets/sheet9.xml",
     R"(<worksheet><sheetData>
<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>date</t></is></c><c r="C1" t="s"><v>1</v></c><c r="D1" t="str"><v>value</v></c></row>
<row r="2"><c r="A2" t="str"><v>18172</v></c><c r="B2" s="1"><v>46203</v></c><c r="C2" t="s"><v>2</v></c><c r="D2" s="2"><v>86.5</v></c></row>
<row r="4"><c r="A4"><v>18175</v></c><c r="D4" t="b"><v>1</v></c><c r="F4"/></row>
</sheetData></worksheet>)"}};

TEST(Xlsx, FirstSheetAsCsvWithDatesStringsAndGaps) {
  auto csv = xlsx_to_csv(make_xlsx(kBook), "ke-hoach.xlsx");
  ASSERT_TRUE(csv.is_ok()) << csv.status().message();
  EXPECT_EQ(*csv,
            "unit_code,date,note,value\n"
            "18172,2026-06-30,\"Xã Sơn Tây, \"\"mới\"\"\",86.5\n"
            "\n"
            "18175,,,true\n");
}

TEST(Xlsx, NotAnXlsxSaysSo) {
  auto r = xlsx_to_csv("unit_code,kind\n", "ke-hoach.xlsx");
  ASSERT_FALSE(r.is_ok());
  EXPECT_NE(r.status().message().find("ke-hoach.xlsx: không phải tệp XLSX"), std::string::npos);
  auto empty = kBook;
  empty.erase("xl/workbook.xml");
  r = xlsx_to_csv(make_xlsx(empty), "b.xlsx");
  ASSERT_FALSE(r.is_ok());
  EXPECT_NE(r.status().message().find("thiếu xl/workbook.xml"), std::string::npos);
}

// 50,000 rows read whole; a part that unpacks beyond the limit (a zip bomb)
// is refused before it is unpacked.
TEST(Xlsx, LargeSheetsAndZipBombs) {
  auto book = kBook;
  std::string rows = "<worksheet><sheetData>";
  for (int r = 1; r <= 50000; ++r) {
    rows += "<row r=\"" + std::to_string(r) + "\"><c r=\"A" + std::to_string(r) + "\"><v>" +
            std::to_string(r) + "</v></c><c r=\"B" + std::to_string(r) +
            "\" t=\"inlineStr\"><is><t>xã " + std::to_string(r) + "</t></is></c></row>";
  }
  book["xl/worksheets/sheet9.xml"] = rows + "</sheetData></worksheet>";
  auto csv = xlsx_to_csv(make_xlsx(book), "lon.xlsx");
  ASSERT_TRUE(csv.is_ok()) << csv.status().message();
  EXPECT_EQ(std::count(csv->begin(), csv->end(), '\n'), 50000);
  EXPECT_NE(csv->find("\n49999,xã 49999\n"), std::string::npos);
  book["xl/worksheets/sheet9.xml"] =
      "<worksheet><sheetData>" + std::string(70 * 1024 * 1024, ' ') + "</sheetData></worksheet>";
  const std::string bomb = make_xlsx(book);
  EXPECT_LT(bomb.size(), 1024u * 1024u);  // small on the wire
  auto refused = xlsx_to_csv(bomb, "bom.xlsx");
  ASSERT_FALSE(refused.is_ok());
  EXPECT_NE(refused.status().message().find("quá lớn khi giải nén"), std::string::npos);
}

// A sheet with `cells` in one row.
std::string one_row(const std::string& cells, const std::string& row = "1") {
  return "<worksheet><sheetData><row r=\"" + row + "\">" + cells + "</row></sheetData></worksheet>";
}

Result<std::string> read_sheet(const std::string& sheet) {
  auto book = kBook;
  book["xl/worksheets/sheet9.xml"] = sheet;
  return xlsx_to_csv(make_xlsx(book), "bieu.xlsx");
}

// Hostile cell references and rows are refused with the cell named, before
// anything is allocated for them (a column past XFD crashed the server, a
// row number of two billion took a minute and 2 GB).
TEST(Xlsx, CellsAndRowsOutsideTheSheetLimitsAreRefused) {
  auto r = read_sheet(one_row(R"(<c r="ZZZZZZZ1"><v>1</v></c>)"));
  ASSERT_FALSE(r.is_ok());
  EXPECT_NE(r.status().message().find("bieu.xlsx: dòng 1: ô \"ZZZZZZZ1\" không hợp lệ"),
            std::string::npos)
      << r.status().message();
  EXPECT_FALSE(read_sheet(one_row(R"(<c r="XFE1"><v>1</v></c>)")).is_ok());
  auto last = read_sheet(one_row(R"(<c r="XFD1"><v>7</v></c>)"));
  ASSERT_TRUE(last.is_ok());
  EXPECT_EQ(std::count(last->begin(), last->end(), ','), 16383);
  r = read_sheet(one_row(R"(<c r="A2000000000"><v>1</v></c>)", "2000000000"));
  ASSERT_FALSE(r.is_ok());
  EXPECT_NE(r.status().message().find("dòng 2000000000 không hợp lệ"), std::string::npos);
  EXPECT_FALSE(read_sheet(one_row("", "-5")).is_ok());
  // Rows out of order would rewrite earlier lines: refused.
  EXPECT_FALSE(
      read_sheet(R"(<worksheet><sheetData><row r="3"/><row r="2"/></sheetData></worksheet>)")
          .is_ok());
  // Cells without references count up and stop at XFD.
  std::string many;
  for (int i = 0; i < 16385; ++i) many += "<c/>";
  EXPECT_FALSE(read_sheet(one_row(many)).is_ok());
  // Far-right cells on many rows: the text is bounded (64 MB), not 4 GB.
  std::string wide = "<worksheet><sheetData>";
  for (int row = 1; row <= 4200; ++row)
    wide += "<row r=\"" + std::to_string(row) + "\"><c r=\"XFD" + std::to_string(row) +
            "\"><v>1</v></c></row>";
  r = read_sheet(wide + "</sheetData></worksheet>");
  ASSERT_FALSE(r.is_ok());
  EXPECT_NE(r.status().message().find("quá lớn"), std::string::npos);
}

// A text, NaN or an absurd serial in a date-formatted cell is kept as typed
// (the import then names the cell) instead of aborting.
TEST(Xlsx, DateCellsHoldingAnythingElseAreKeptAsTyped) {
  auto r = read_sheet(one_row(R"(<c r="A1" s="1"><v>abc</v></c><c r="B1" s="1"><v>1e300</v></c>)"
                              R"(<c r="C1" s="1"><v>nan</v></c><c r="D1" s="1"><v>-4</v></c>)"
                              R"(<c r="E1" s="1"><v>46022.75</v></c>)"));
  ASSERT_TRUE(r.is_ok()) << r.status().message();
  EXPECT_EQ(*r, "abc,1e300,nan,-4,2025-12-31\n");
}

// "_xHHHH_" is OOXML's escape: decoded on read; our writer escapes every
// "_x" so that LibreOffice cannot mangle ids such as duong_xa_pct.
TEST(Xlsx, EscapedCharactersAreDecodedAndEscapingRoundTrips) {
  EXPECT_EQ(decode_xstring("a_x000D_b_x005F_x0041_"), "a\rb_x0041_");
  EXPECT_EQ(decode_xstring("duong_xa_pct"), "duong_xa_pct");
  EXPECT_EQ(decode_xstring("_x1EA1_"), "ạ");
  EXPECT_EQ(escape_xstring("duong_xa_pct"), "duong_x005F_xa_pct");
  for (const std::string s : {"duong_xa_pct", "_x0041_", "x_x_x", "_xFFFF_", "plain"})
    EXPECT_EQ(decode_xstring(escape_xstring(s)), s) << s;
  EXPECT_EQ(as_libreoffice_reads("duong_xa_pct"), "duong pct");
  EXPECT_EQ(as_libreoffice_reads("a_x41_b_x0042_"), "aAbB");
  EXPECT_EQ(as_libreoffice_reads("to_chuc_san_xuat_dat"), "to_chuc_san_xuat_dat");
  auto r = read_sheet(one_row(R"(<c r="A1" t="inlineStr"><is><t>duong_x005F_xa_pct</t></is></c>)"
                              R"(<c r="B1" t="str"><v>x_x005F_x0041_</v></c>)"));
  ASSERT_TRUE(r.is_ok());
  EXPECT_EQ(*r, "duong_xa_pct,x_x0041_\n");
}

}  // namespace
}  // namespace ntm

namespace ntm {
TEST(ZipWriter, WritesWhatItReadsBackWithUtf8Names) {
  const std::string big(200000, 'x');
  auto bytes = zip_archive({{"00-muc-luc.html", "<h1>Mục lục</h1>"},
                            {"tai-lieu/biên bản.pdf", "%PDF-1.4"},
                            {"big.txt", big}});
  ASSERT_TRUE(bytes.is_ok()) << bytes.status().message();
  EXPECT_EQ(bytes->substr(0, 2), "PK");
  EXPECT_LT(bytes->size(), big.size() / 10);  // deflated
  auto back = unzip_archive(*bytes);
  ASSERT_TRUE(back.is_ok()) << back.status().message();
  ASSERT_EQ(back->size(), 3u);
  EXPECT_EQ((*back)[0].first, "00-muc-luc.html");
  EXPECT_EQ((*back)[0].second, "<h1>Mục lục</h1>");
  EXPECT_EQ((*back)[1].first, "tai-lieu/biên bản.pdf");
  EXPECT_EQ((*back)[2].second, big);
  EXPECT_FALSE(unzip_archive("not a zip").is_ok());
}
}  // namespace ntm
