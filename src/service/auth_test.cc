#include "service/auth.h"

#include <gtest/gtest.h>

#include <cstdlib>

#include "service/importer.h"
#include "store/test_store.h"

namespace ntm {
namespace {

class AuthTest : public ::testing::Test {
 protected:
  void SetUp() override {
    setenv("NTM_FAST_HASH", "1", 1);
    store = std::move(open_test_store()).value();
    ASSERT_TRUE(import_units(*store, "u",
                             "code,name,type,level,parent_code\n42,Tỉnh A,Tỉnh,1,\n"
                             "18580,Xã B,Xã,2,42\n",
                             *Date::parse("2016-01-01"), Date::max())
                    .is_ok());
  }
  std::unique_ptr<Store> store;
};

TEST_F(AuthTest, PasswordsAreArgon2idAndVerify) {
  const std::string h = *hash_password("mat-khau-dai-1");
  EXPECT_EQ(h.rfind("$argon2id$", 0), 0u);
  EXPECT_TRUE(verify_password(h, "mat-khau-dai-1"));
  EXPECT_FALSE(verify_password(h, "mat-khau-dai-2"));
  EXPECT_NE(*hash_password("mat-khau-dai-1"), h);  // salted
  EXPECT_FALSE(check_password_rules("ngan").is_ok());
}

TEST_F(AuthTest, AddUserChecksRoleScopeAndName) {
  auto u = add_user(*store, {"canbo.xa", "commune", "18580", "", "mat-khau-dai-1"}, "cli");
  ASSERT_TRUE(u.is_ok()) << u.status().to_string();
  EXPECT_EQ(u->role, Role::kCommune);
  EXPECT_NE(u->unit_id, 0);
  EXPECT_FALSE(
      add_user(*store, {"canbo.xa", "commune", "18580", "", "mat-khau-dai-1"}, "cli").is_ok());
  EXPECT_FALSE(add_user(*store, {"Hoa", "admin", "", "", "mat-khau-dai-1"}, "cli").is_ok());
  EXPECT_FALSE(add_user(*store, {"x1x", "god", "", "", "mat-khau-dai-1"}, "cli").is_ok());
  EXPECT_FALSE(add_user(*store, {"x2x", "commune", "42", "", "mat-khau-dai-1"}, "cli").is_ok());
  EXPECT_FALSE(add_user(*store, {"x3x", "department", "", "", "mat-khau-dai-1"}, "cli").is_ok());
  auto d = add_user(*store, {"so.yte", "department", "", "SYT", "mat-khau-dai-1"}, "cli");
  ASSERT_TRUE(d.is_ok());
  EXPECT_EQ(d->department, "SYT");
  auto audit = *store->audit(0, "cli", "user.add", 10);
  EXPECT_EQ(audit.size(), 2u);
}

TEST_F(AuthTest, LoginSessionLogoutAndReplay) {
  ASSERT_TRUE(add_user(*store, {"admin", "admin", "", "", "mat-khau-dai-1"}, "cli").is_ok());
  EXPECT_EQ(login(*store, "admin", "sai", "1.2.3.4").status().message(),
            "tên đăng nhập hoặc mật khẩu không đúng");
  EXPECT_EQ(login(*store, "ai-do", "sai", "1.2.3.4").status().message(),
            "tên đăng nhập hoặc mật khẩu không đúng");
  auto in = login(*store, "admin", "mat-khau-dai-1", "1.2.3.4");
  ASSERT_TRUE(in.is_ok()) << in.status().to_string();
  EXPECT_EQ(in->token.size(), 64u);
  EXPECT_NE(in->session.token_hash, in->token);  // only the hash is stored
  auto who = *session_user(*store, in->token);
  ASSERT_TRUE(who);
  EXPECT_EQ(who->first.username, "admin");
  ASSERT_TRUE(logout(*store, in->token).is_ok());
  EXPECT_FALSE(*session_user(*store, in->token));  // a replayed cookie is dead
  EXPECT_FALSE(*session_user(*store, "garbage"));
}

TEST_F(AuthTest, ThrottlesPerAccountAndPerAddress) {
  ASSERT_TRUE(add_user(*store, {"admin", "admin", "", "", "mat-khau-dai-1"}, "cli").is_ok());
  for (int i = 0; i < 5; ++i)
    EXPECT_FALSE(login(*store, "admin", "sai", "10.0.0." + std::to_string(i)).is_ok());
  auto blocked = login(*store, "admin", "mat-khau-dai-1", "10.0.0.9");
  EXPECT_EQ(blocked.status().code(), ErrorCode::kConflict);
  AuthConfig cfg;
  cfg.max_failures_per_user = 100;
  cfg.max_failures_per_address = 3;
  for (int i = 0; i < 3; ++i)
    EXPECT_FALSE(login(*store, "u" + std::to_string(i), "x", "9.9.9.9", cfg).is_ok());
  EXPECT_EQ(login(*store, "admin", "mat-khau-dai-1", "9.9.9.9", cfg).status().code(),
            ErrorCode::kConflict);
}

// Someone typing wrong passwords elsewhere cannot lock the owner out of the
// browser where they signed in before (its device cookie); without it the
// account is refused as before. Usernames are stored cut; old attempts go.
TEST_F(AuthTest, ThrottlingCannotBeTurnedAgainstTheOwner) {
  ASSERT_TRUE(add_user(*store, {"admin", "admin", "", "", "mat-khau-dai-1"}, "cli").is_ok());
  auto first = login(*store, "admin", "mat-khau-dai-1", "10.1.1.1");
  ASSERT_TRUE(first.is_ok());
  ASSERT_EQ(first->device.size(), 65u);
  for (int i = 0; i < 8; ++i)
    EXPECT_FALSE(login(*store, "admin", "doan-mo", "203.0.113." + std::to_string(i)).is_ok());
  // A new browser is refused; the owner's browser is not.
  EXPECT_EQ(login(*store, "admin", "mat-khau-dai-1", "10.1.1.1").status().code(),
            ErrorCode::kConflict);
  auto owner = login(*store, "admin", "mat-khau-dai-1", "10.1.1.1", {}, first->device);
  ASSERT_TRUE(owner.is_ok()) << owner.status().message();
  EXPECT_EQ(owner->device, first->device);
  // A device cookie of another account, or forged, counts for nothing.
  std::string forged = first->device;
  forged.back() = forged.back() == '0' ? '1' : '0';
  EXPECT_EQ(login(*store, "admin", "mat-khau-dai-1", "10.1.1.1", {}, forged).status().code(),
            ErrorCode::kConflict);
  // The owner's own failures on that browser still count.
  for (int i = 0; i < 5; ++i)
    EXPECT_FALSE(login(*store, "admin", "sai", "10.1.1.1", {}, first->device).is_ok());
  EXPECT_EQ(login(*store, "admin", "mat-khau-dai-1", "10.1.1.1", {}, first->device).status().code(),
            ErrorCode::kConflict);
  // A megabyte name is refused without being stored whole; a long one is cut.
  EXPECT_FALSE(login(*store, std::string(1 << 20, 'a'), "x", "10.2.2.2").is_ok());
  EXPECT_FALSE(login(*store, std::string(200, 'b'), "x", "10.2.2.2").is_ok());
  auto longest_sql = store->connection().prepare("SELECT MAX(LENGTH(username)) FROM login_attempt");
  ASSERT_TRUE(longest_sql.is_ok());
  auto& longest = *longest_sql;
  ASSERT_TRUE(longest->step().is_ok());
  EXPECT_LE(longest->get_int(0), 64);
  // Attempts older than a day are removed at the next attempt.
  ASSERT_TRUE(store->connection()
                  .exec_script("UPDATE login_attempt SET at = '2000-01-01T00:00:00Z'")
                  .is_ok());
  EXPECT_FALSE(login(*store, "admin", "sai", "10.3.3.3").is_ok());
  auto count_sql = store->connection().prepare("SELECT COUNT(*) FROM login_attempt");
  ASSERT_TRUE(count_sql.is_ok());
  auto& count = *count_sql;
  ASSERT_TRUE(count->step().is_ok());
  EXPECT_EQ(count->get_int(0), 1);
}

TEST_F(AuthTest, DisableAndPasswordChangesEndSessions) {
  ASSERT_TRUE(add_user(*store, {"admin", "admin", "", "", "mat-khau-dai-1"}, "cli").is_ok());
  auto a = login(*store, "admin", "mat-khau-dai-1", "1.1.1.1");
  ASSERT_TRUE(change_password(*store, a->user, "mat-khau-dai-1", "mat-khau-moi-22").is_ok());
  EXPECT_FALSE(*session_user(*store, a->token));
  EXPECT_FALSE(login(*store, "admin", "mat-khau-dai-1", "1.1.1.1").is_ok());
  auto b = login(*store, "admin", "mat-khau-moi-22", "1.1.1.1");
  ASSERT_TRUE(b.is_ok());
  ASSERT_TRUE(disable_user(*store, "admin", "cli").is_ok());
  EXPECT_FALSE(*session_user(*store, b->token));
  EXPECT_FALSE(login(*store, "admin", "mat-khau-moi-22", "1.1.1.1").is_ok());
  ASSERT_TRUE(reset_password(*store, "cli", "admin", "mat-khau-khac-33").is_ok());
}

}  // namespace
}  // namespace ntm
