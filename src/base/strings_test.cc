#include "base/strings.h"

#include <gtest/gtest.h>

namespace ntm {
namespace {

TEST(Strings, CapitalsAndNamesInSentences) {
  EXPECT_EQ(upper_vi("Tỉnh Hà Tĩnh"), "TỈNH HÀ TĨNH");
  EXPECT_EQ(upper_vi("đường ưu tiên ở Sơn Tây, Quảng Ngãi"), "ĐƯỜNG ƯU TIÊN Ở SƠN TÂY, QUẢNG NGÃI");
  EXPECT_EQ(upper_vi("ấp Bến Tre · 1.234,5"), "ẤP BẾN TRE · 1.234,5");
  EXPECT_EQ(name_in_sentence("Tỉnh Hà Tĩnh"), "tỉnh Hà Tĩnh");
  EXPECT_EQ(name_in_sentence("Thành phố Hà Nội"), "thành phố Hà Nội");
  EXPECT_EQ(name_in_sentence("Đặc khu Phú Quốc"), "đặc khu Phú Quốc");
  EXPECT_EQ(name_in_sentence("Hà Tĩnh"), "Hà Tĩnh");
}

TEST(Strings, FoldsVietnamese) {
  EXPECT_EQ(fold_diacritics("Lộc Hà"), "loc ha");
  EXPECT_EQ(fold_diacritics("ĐỒNG Đăng đường"), "dong dang duong");
  EXPECT_EQ(fold_diacritics("Nông thôn mới"), "nong thon moi");
  EXPECT_EQ(fold_diacritics("Thuỷ Thủy"), "thuy thuy");
  // Decomposed form (o + combining circumflex + combining dot below).
  EXPECT_EQ(fold_diacritics("Lo\xCC\x82\xCC\xA3"
                            "c"),
            "loc");
}

TEST(Strings, ParsesNumbers) {
  EXPECT_EQ(parse_number("12.5"), 12.5);
  EXPECT_EQ(parse_number(" -3 "), -3);
  EXPECT_EQ(parse_number("+7"), 7);
  EXPECT_FALSE(parse_number(""));
  EXPECT_FALSE(parse_number("12,5"));
  EXPECT_FALSE(parse_number("1.234.5"));
  EXPECT_FALSE(parse_number("abc"));
  EXPECT_FALSE(parse_number("nan"));
}

TEST(Strings, ParsesBooleans) {
  EXPECT_EQ(parse_bool("1"), true);
  EXPECT_EQ(parse_bool("TRUE"), true);
  EXPECT_EQ(parse_bool("Đạt"), true);
  EXPECT_EQ(parse_bool("không đạt"), false);
  EXPECT_EQ(parse_bool("0"), false);
  EXPECT_FALSE(parse_bool("maybe"));
  EXPECT_FALSE(parse_bool("2"));
}

TEST(Strings, FormatsNumbers) {
  EXPECT_EQ(format_number(12.5), "12.5");
  EXPECT_EQ(format_number(3), "3");
  EXPECT_EQ(format_number(0.1), "0.1");
  EXPECT_EQ(format_number_vi(1234.5), "1.234,5");
  EXPECT_EQ(format_number_vi(1234567), "1.234.567");
  EXPECT_EQ(format_number_vi(-0.04), "0");
  EXPECT_EQ(format_number_vi(-12.25, 2), "-12,25");
}

TEST(Strings, StripsUnitTypePrefix) {
  EXPECT_EQ(strip_unit_type_prefix("Xã Lộc Hà"), "Lộc Hà");
  EXPECT_EQ(strip_unit_type_prefix("Thành phố Hà Tĩnh"), "Hà Tĩnh");
  EXPECT_EQ(strip_unit_type_prefix("Lộc Hà"), "Lộc Hà");
}

TEST(Strings, SplitsAndTrims) {
  EXPECT_EQ(split("a,,b", ','), (std::vector<std::string>{"a", "", "b"}));
  EXPECT_EQ(trim("  x \r\n"), "x");
}

TEST(Strings, SlugsAreAsciiFromVietnameseTitles) {
  EXPECT_EQ(slugify("Nông thôn mới: Đạt chuẩn!"), "nong-thon-moi-dat-chuan");
  EXPECT_EQ(slugify("  HỘI NGHỊ  sơ kết 6 tháng -- 2026 "), "hoi-nghi-so-ket-6-thang-2026");
  EXPECT_EQ(slugify("Đường đến đích"), "duong-den-dich");
  EXPECT_EQ(slugify("!!!"), "");
  // Long titles are cut between words, at most 80 characters.
  const std::string slug = slugify(
      "Thông báo kết luận cuộc họp Ban Chỉ đạo nông thôn mới huyện Lộc Hà ngày 15/8/2017 (minh "
      "họa)");
  EXPECT_EQ(slug, "thong-bao-ket-luan-cuoc-hop-ban-chi-dao-nong-thon-moi-huyen-loc-ha-ngay-15-8");
  EXPECT_EQ(slugify(std::string(100, 'a')), std::string(80, 'a'));
}

TEST(Strings, TruncateWordsKeepsWordsAndUtf8Whole) {
  EXPECT_EQ(truncate_words("Nông thôn mới", 100), "Nông thôn mới");
  EXPECT_EQ(truncate_words("Nông thôn mới", 12), "Nông thôn…");
  // No space to cut at: back to a character boundary ("ô" is 2 bytes).
  EXPECT_EQ(truncate_words("Nôngthônmới", 2), "N…");
  EXPECT_EQ(truncate_words("ĐĐĐĐ", 3), "Đ…");
}

}  // namespace
}  // namespace ntm

namespace ntm {
TEST(Strings, JoinsParts) {
  EXPECT_EQ(join({"10", "17", "19"}, ", "), "10, 17, 19");
  EXPECT_EQ(join({"a"}, "; "), "a");
  EXPECT_EQ(join({}, ", "), "");
}
}  // namespace ntm
