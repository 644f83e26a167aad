#include "base/status.h"

#include <gtest/gtest.h>

namespace ntm {
namespace {

Result<int> half(int x) {
  if (x % 2) return Status::invalid("odd");
  return x / 2;
}

Result<int> quarter(int x) {
  const int h = TRY(half(x));
  return TRY(half(h));
}

TEST(Status, TryPropagates) {
  EXPECT_EQ(*quarter(8), 2);
  EXPECT_EQ(quarter(6).status().to_string(), "invalid_argument: odd");
  EXPECT_TRUE(Status::ok().is_ok());
}

}  // namespace
}  // namespace ntm
