#include <gtest/gtest.h>

#include "model/criteria_set.h"

namespace ntm {
namespace {

TEST(Bands, NineteenCriteria) {
  const auto b = default_bands(19);
  ASSERT_EQ(b.size(), 5u);
  EXPECT_EQ(b[0].label, "19");
  EXPECT_EQ(b[1].label, "15-18");
  EXPECT_EQ(b[2].label, "10-14");
  EXPECT_EQ(b[3].label, "5-9");
  EXPECT_EQ(b[4].label, "<5");
}

TEST(Bands, TenCriteriaScaled) {
  const auto b = default_bands(10);
  EXPECT_EQ(b[0].label, "10");
  EXPECT_EQ(b[1].label, "8-9");
  EXPECT_EQ(b[2].label, "6-7");
  EXPECT_EQ(b[3].label, "3-5");
  EXPECT_EQ(b[4].label, "<3");
}

TEST(CriteriaSet, AppliesToLevelAndTypes) {
  CriteriaSet s;
  s.level = Level::kCommune;
  s.unit_types = {"Xã"};
  UnitVersion xa{.level = Level::kCommune, .type = "Xã"};
  UnitVersion phuong{.level = Level::kCommune, .type = "Phường"};
  UnitVersion huyen{.level = Level::kDistrict, .type = "Huyện"};
  EXPECT_TRUE(s.applies_to(xa));
  EXPECT_FALSE(s.applies_to(phuong));
  EXPECT_FALSE(s.applies_to(huyen));
}

}  // namespace
}  // namespace ntm
