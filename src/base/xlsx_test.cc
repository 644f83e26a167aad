#include "base/xlsx.h"

#include <gtest/gtest.h>
#include <zip.h>

#include <algorithm>
#include <map>

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

}  // namespace
}  // namespace ntm
